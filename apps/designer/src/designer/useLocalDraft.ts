/**
 * Keeps the open map's unsaved edits in this browser and offers them back on open when they
 * differ from what the runtime has.
 */
import { useEffect, useState } from 'react';
import type { LocalDraft } from './localDraft.ts';
import { dropLocalDraft, keepLocalDraft, readLocalDraft } from './localDraft.ts';
import type { MapStore } from './mapStore.ts';
import { toFlowMap, toMapDocument } from './toMapDocument.ts';

/** What the designer shows while kept edits wait for a decision. */
export interface KeptEdits {
  draft: LocalDraft;
  restore: () => void;
  discard: () => void;
}

/** `key` is the map id once saved; unsaved new maps are not kept (they have nothing to restore onto). */
export function useLocalDraft(store: MapStore, key: string | null, revision: number, dirty: boolean): KeptEdits | null {
  const [offer, setOffer] = useState<LocalDraft | null>(() => {
    if (!key) return null;
    const draft = readLocalDraft(key);
    if (!draft) return null;
    const same = JSON.stringify(draft.document) === JSON.stringify(toMapDocument(store.getState()));
    if (same) dropLocalDraft(key);
    return same ? null : draft;
  });

  useEffect(() => {
    if (!key || offer) return;
    if (!dirty) {
      dropLocalDraft(key);
      return;
    }
    const timer = setTimeout(() => keepLocalDraft(key, toMapDocument(store.getState())), 400);
    return () => clearTimeout(timer);
  }, [key, revision, dirty, offer, store]);

  if (!offer || !key) return null;
  return {
    draft: offer,
    restore: () => {
      store.replace(toFlowMap(offer.document));
      setOffer(null);
    },
    discard: () => {
      dropLocalDraft(key);
      setOffer(null);
    },
  };
}
