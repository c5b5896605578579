/**
 * Who is looking at which case, as the web app knows it: seeded from the `viewers` of the case
 * list and the case (and from each heartbeat's answer), then kept current by the runtime's
 * `presence` live events. A seed only replaces what a presence event said if its request started
 * after that event arrived, so a slow list answer never brings back someone who already left.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { casesApi, type Viewer } from '../api/cases.ts';
import { subscribeLive } from './liveEvents.ts';

/** How often an open case view says it is still open (the runtime lets a view lapse after 40 s). */
export const HEARTBEAT_MS = 15_000;

const EMPTY: Viewer[] = [];
const known = new Map<string, { viewers: Viewer[]; at: number }>();
const listeners = new Set<() => void>();
let offLive: (() => void) | null = null;

function changed(): void {
  listeners.forEach((l) => l());
}

function sameViewers(a: Viewer[], b: Viewer[]): boolean {
  return a.length === b.length && a.every((v, i) => v.id === b[i]!.id && v.name === b[i]!.name);
}

function set(caseId: string, viewers: Viewer[], at: number): boolean {
  const before = known.get(caseId);
  if (before && before.at > at) return false;
  known.set(caseId, { viewers: before && sameViewers(before.viewers, viewers) ? before.viewers : viewers, at });
  return !before || before.viewers !== known.get(caseId)!.viewers;
}

function isViewer(v: unknown): v is Viewer {
  return typeof v === 'object' && v !== null && typeof (v as Viewer).id === 'string' && typeof (v as Viewer).name === 'string';
}

/** A clock for ordering seeds against events (monotonic). */
export const presenceNow = (): number => performance.now();

/**
 * Records the viewers a request answered; `startedAt` is {@link presenceNow} when the request was sent.
 * @example
 * const startedAt = presenceNow();
 * const { cases } = await casesApi.list({ status: 'open' });
 * seedViewers(cases, startedAt);
 */
export function seedViewers(cases: { id: string; viewers?: Viewer[] }[], startedAt: number): void {
  let any = false;
  for (const c of cases) if (Array.isArray(c.viewers) && set(c.id, c.viewers, startedAt)) any = true;
  if (any) changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  offLive ??= subscribeLive((type, data) => {
    if (type !== 'presence' || typeof data.caseId !== 'string' || !Array.isArray(data.viewers)) return;
    if (set(data.caseId, data.viewers.filter(isViewer), presenceNow())) changed();
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    offLive?.();
    offLive = null;
  };
}

/** The people looking at a case now, live (the signed-in person included; leave them out when showing). */
export function useViewers(caseId: string): Viewer[] {
  return useSyncExternalStore(subscribe, () => known.get(caseId)?.viewers ?? EMPTY);
}

/**
 * Says the signed-in person has the case open: a heartbeat now and every {@link HEARTBEAT_MS}, and
 * "left" when the view closes (unmount, another case, the tab closing). Failures are silent:
 * presence is a courtesy, and the case view reports its own load errors.
 */
export function useViewingHeartbeat(caseId: string): void {
  useEffect(() => {
    let stopped = false;
    const beat = () => {
      const startedAt = presenceNow();
      casesApi.viewing(caseId).then(
        ({ viewers }) => {
          if (!stopped) seedViewers([{ id: caseId, viewers }], startedAt);
        },
        () => undefined,
      );
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => void casesApi.leave(caseId).catch(() => undefined);
    // The tab closing (or going into the back-forward cache) leaves; coming back from that cache beats again.
    const onPageHide = () => leave();
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) beat();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      leave();
    };
  }, [caseId]);
}
