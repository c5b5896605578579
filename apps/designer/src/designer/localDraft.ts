/**
 * Unsaved edits are kept in this browser while a map is open, so an expired session, a closed tab
 * or a crash does not lose them; the designer offers them back when the map is opened again.
 */
import type { BatonMap } from '@baton/engine';

const PREFIX = 'baton.unsaved.';

/** Edits kept for one map. */
export interface LocalDraft {
  savedAt: string;
  document: BatonMap;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps `document` as the unsaved state of map `key` (its id, or "new"). */
export function keepLocalDraft(key: string, document: BatonMap): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), document }));
  } catch {
    // A full or disabled storage only loses the safety net, never the edit itself.
  }
}

/** The unsaved state kept for map `key`, if any. */
export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const text = storage()?.getItem(PREFIX + key);
    const draft = text ? (JSON.parse(text) as LocalDraft) : null;
    return draft && typeof draft.savedAt === 'string' && draft.document && Array.isArray(draft.document.nodes) ? draft : null;
  } catch {
    return null;
  }
}

/** Forgets the unsaved state of map `key` (it was saved or discarded). */
export function dropLocalDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}
