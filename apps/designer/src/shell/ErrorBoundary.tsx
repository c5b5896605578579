import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** Catches a rendering failure below it and says what happened instead of leaving a blank screen. */
export class ErrorBoundary extends Component<{ what: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page">
        <div className="empty-state" role="alert" data-testid="render-error">
          <p><strong>{this.props.what} could not be shown.</strong></p>
          <p>{this.state.error.message}</p>
          <p>Go <a href="#/maps">back to the maps</a>, or reload the page. If the map came from a file, check it with <code>npx baton validate FILE</code>.</p>
        </div>
      </main>
    );
  }
}
