/**
 * Keeps the open map's unsaved edits in this browser and offers them back on open when they
 * differ from what the runtime has.
 */
import { useEffect, useRef, useState } from 'react';
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

  // The write waiting out the pause after an edit; it happens at once if the page goes first
  // (an expired session signs out and unmounts the designer, the tab closes), so no edit is lost.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    pending.current = null;
    if (!key || offer) return;
    if (!dirty) {
      dropLocalDraft(key);
      return;
    }
    const keep = () => {
      if (pending.current === keep) pending.current = null;
      keepLocalDraft(key, toMapDocument(store.getState()));
    };
    pending.current = keep;
    const timer = setTimeout(keep, 400);
    return () => clearTimeout(timer);
  }, [key, revision, dirty, offer, store]);
  useEffect(() => {
    const flush = () => pending.current?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

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
