/**
 * In review mode: loads the active version and compares the open map with it, for the review
 * panel (field by field) and the canvas (added, changed, removed).
 */
import { useEffect, useMemo, useState } from 'react';
import { diffMaps, type BatonMap, type MapDiff } from '@baton/engine';
import { api } from '../../api/client.ts';
import type { MapDetail } from '../../api/client.ts';
import { showError } from '../../shell/toasts.ts';
import type { MapStore } from '../mapStore.ts';
import { toMapDocument } from '../toMapDocument.ts';
import { reviewOverlay } from './reviewOverlay.ts';

/** The diff and canvas overlay while `reviewing` (nulls otherwise); `ready` once the active version is in. */
export function useReviewOverlay(reviewing: boolean, detail: MapDetail | null, store: MapStore, revision: number) {
  const [reviewBase, setReviewBase] = useState<{ active: BatonMap | null } | null>(null);
  // Entering review compares the map with the active version.
  useEffect(() => {
    if (!reviewing) {
      setReviewBase(null);
      return;
    }
    let live = true;
    const active = detail?.activeVersion;
    if (detail && active) {
      api.version(detail.id, active).then(
        (v) => live && setReviewBase({ active: v.document }),
        (e) => {
          showError('Could not load the active version', e);
          if (live) setReviewBase({ active: null });
        },
      );
    } else setReviewBase({ active: null });
    return () => {
      live = false;
    };
  }, [reviewing, detail]);
  const diff: MapDiff | null = useMemo(
    () => (reviewBase ? diffMaps(reviewBase.active, toMapDocument(store.getState())) : null),
    [reviewBase, store, revision],
  );
  const overlay = useMemo(() => (diff && reviewBase ? reviewOverlay(diff, reviewBase.active) : null), [diff, reviewBase]);

  return { diff, overlay, active: reviewBase?.active ?? null, ready: reviewBase !== null };
}
