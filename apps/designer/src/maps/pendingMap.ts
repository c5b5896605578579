/**
 * A map opened but not yet saved (blank, from an example, or imported) waits here for the
 * designer at `#/maps/new`.
 */
import type { BatonMap } from '@baton/engine';

let pending: BatonMap | null = null;

/** Hands a document to the designer's next `#/maps/new`. */
export function setPendingMap(map: BatonMap): void {
  pending = map;
}

/** Takes the waiting document, if any. */
export function takePendingMap(): BatonMap | null {
  const map = pending;
  pending = null;
  return map;
}
