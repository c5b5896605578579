import { dismissToast, useToasts } from './toasts.ts';

/** The toast stack, announced to screen readers. */
export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-toast={t.tone}>
          <div>
            <p>{t.text}</p>
            {t.requestId && <p className="toast-request">Request id: <code>{t.requestId}</code></p>}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
