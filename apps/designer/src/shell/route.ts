/**
 * Hash routes, so the runtime can serve the built app as plain files: `#/maps`, `#/maps/<id>`,
 * `#/maps/new`, `#/console`, `#/triage`, `#/reports`, `#/drills`, `#/digest` (`#/digest/<date>`), `#/admin`, `#/search?<query>`, `#/people/<network>/<handle>`.
 */
import { useSyncExternalStore } from 'react';

export type Section = 'maps' | 'console' | 'triage' | 'reports' | 'drills' | 'digest' | 'admin' | 'search';
export type Route = { page: 'list'; section: Section } | { page: 'designer'; mapId: string | null } | { page: 'person'; network: string; handle: string };

/** Reads a route from a location hash. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').replace(/\?.*$/, '').split('/').filter(Boolean).map(safeDecode);
  const [first, second, third] = parts;
  if (first === 'people' && second && third) return { page: 'person', network: second, handle: third };
  if (first === 'search') return { page: 'list', section: 'search' };
  if (first === 'maps' && second) return { page: 'designer', mapId: second === 'new' ? null : second };
  if (first === 'console' || first === 'triage' || first === 'reports' || first === 'drills' || first === 'digest' || first === 'admin') return { page: 'list', section: first };
  return { page: 'list', section: 'maps' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The hash of a customer's record. */
export function personHash(network: string, handle: string): string {
  return `#/people/${encodeURIComponent(network)}/${encodeURIComponent(handle.replace(/^@+/, ''))}`;
}

/** The search filters in a `#/search?…` hash. */
export function searchQueryOf(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
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
