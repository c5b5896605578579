/**
 * Hash routes, so the runtime can serve the built app as plain files: `#/maps`, `#/maps/<id>`,
 * `#/maps/new`, `#/console`, `#/triage`, `#/reports`, `#/digest` (`#/digest/<date>`), `#/admin`.
 */
import { useSyncExternalStore } from 'react';

export type Section = 'maps' | 'console' | 'triage' | 'reports' | 'digest' | 'admin';
export type Route = { page: 'list'; section: Section } | { page: 'designer'; mapId: string | null };

/** Reads a route from a location hash. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === 'maps' && second) return { page: 'designer', mapId: second === 'new' ? null : second };
  if (first === 'console' || first === 'triage' || first === 'reports' || first === 'digest' || first === 'admin') return { page: 'list', section: first };
  return { page: 'list', section: 'maps' };
}

/**
 * Turns a deep link by path (`/maps/complaints`, served by the runtime's index fallback) into the
 * hash route the app navigates with, once at start-up.
 */
export function adoptPathRoute(): void {
  const path = location.pathname.replace(/\/index\.html$/, '/');
  if (path === '/' || location.hash) return;
  history.replaceState(null, '', `/#${path}${location.search}`);
}

/** Goes to a route, e.g. `navigate('#/maps/sample')`. */
export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The current hash, live. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
