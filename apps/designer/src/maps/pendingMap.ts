/**
 * A map opened but not yet saved (blank, from an example, or imported) waits here for the
 * designer at `#/maps/new`. Reading does not consume it, so a re-run effect sees the same map; the
 * designer forgets it once the map is saved.
 */
import type { BatonMap } from '@baton/engine';

let pending: BatonMap | null = null;

/** Hands a document to the designer's next `#/maps/new`. */
export function setPendingMap(map: BatonMap): void {
  pending = map;
}

/** The waiting document, if any. */
export function peekPendingMap(): BatonMap | null {
  return pending;
}

/** Forgets the waiting document (it has been saved). */
export function clearPendingMap(): void {
  pending = null;
}
