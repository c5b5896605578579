/**
 * Saving drafts, submitting and deciding versions against the runtime, with the map's version
 * list kept fresh. Each action shows what happened in a toast and rethrows on failure so the
 * editor machine knows.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { rehearsalApi } from '../api/rehearsal.ts';
import type { MapDetail } from '../api/client.ts';
import { clearPendingMap } from '../maps/pendingMap.ts';
import { navigate } from '../shell/route.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { markCreatedHere } from './createdHere.ts';
import type { MapStore } from './mapStore.ts';
import { toMapDocument } from './toMapDocument.ts';

/** The latest version of a map, if it has any. */
export function latestVersion(detail: MapDetail | null) {
  return detail?.versions.reduce((a, b) => (b.version > a.version ? b : a), detail.versions[0]!) ?? null;
}

/** Save, submit and decide for the open map; `detail` is null until it is first saved. */
export function useVersionActions(store: MapStore, initialDetail: MapDetail | null, onMapsChanged: () => void) {
  const [detail, setDetail] = useState<MapDetail | null>(initialDetail);
  const detailRef = useRef(detail);
  detailRef.current = detail;

  const refreshDetail = useCallback(async (id: string) => {
    const next = await api.map(id);
    setDetail(next);
    onMapsChanged();
    return next;
  }, [onMapsChanged]);

  const saveNow = useCallback(async () => {
    const { revision: at } = store.getState();
    const doc = toMapDocument(store.getState());
    const current = detailRef.current;
    try {
      if (!current) {
        const created = await api.createMap(doc);
        markCreatedHere(created.id);
        clearPendingMap();
        store.markSaved(at);
        await refreshDetail(created.id);
        navigate(`#/maps/${encodeURIComponent(created.id)}`);
        showToast('success', `Saved “${doc.name}” as draft v${created.version}.`);
      } else {
        const saved = await api.saveDraft(current.id, doc);
        store.markSaved(at);
        await refreshDetail(current.id);
        showToast('success', `Saved draft v${saved.version}.`);
      }
    } catch (e) {
      if (!current && e instanceof ApiError && e.status === 409) {
        showToast('error', `A map with the id “${doc.id}” already exists. Click an empty spot of the canvas, change the map id in the map settings, and save again.`, e.requestId);
      } else showError('Could not save', e);
      throw e;
    }
  }, [store, refreshDetail]);

  const submitNow = useCallback(async () => {
    const state = store.getState();
    if (!detailRef.current || state.revision !== state.savedRevision) await saveNow();
    const current = detailRef.current;
    if (!current) throw new Error('The map is not saved.');
    try {
      const { version, evidence } = await api.submit(current.id);
      await refreshDetail(current.id);
      showToast('success', `Submitted v${version} for approval.${evidence === 'running' ? ' Its kept scenarios are being rehearsed.' : ''}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problems.length) {
        showToast('error', `Submit refused: ${e.problems.length} problem${e.problems.length > 1 ? 's' : ''} to fix first (see the list below).`, e.requestId);
      } else showError('Could not submit', e);
      throw e;
    }
  }, [store, saveNow, refreshDetail]);

  const decideNow = useCallback(async ({ verdict, comment }: { verdict: 'approve' | 'reject'; comment: string }) => {
    const current = detailRef.current;
    const latest = latestVersion(current);
    if (!current || !latest) throw new Error('Nothing to decide.');
    try {
      if (verdict === 'approve') await api.approve(current.id, latest.version, comment || undefined);
      else await api.reject(current.id, latest.version, comment);
      await refreshDetail(current.id);
      showToast('success', verdict === 'approve' ? `Approved v${latest.version}: it now routes mentions.` : `Rejected v${latest.version}.`);
    } catch (e) {
      showError(verdict === 'approve' ? 'Could not approve' : 'Could not reject', e);
      throw e;
    }
  }, [refreshDetail]);

  /** An admin approves the latest version despite failed evidence, with a reason the audit log keeps. */
  const approveDespiteNow = useCallback(async (reason: string, comment: string) => {
    const current = detailRef.current;
    const latest = latestVersion(current);
    if (!current || !latest) return;
    try {
      await rehearsalApi.approveDespite(current.id, latest.version, reason, comment || undefined);
      await refreshDetail(current.id);
      showToast('success', `Approved v${latest.version} despite its failed bars; your reason is in the audit log.`);
    } catch (e) {
      showError('Could not approve', e);
    }
  }, [refreshDetail]);

  return { detail, saveNow, submitNow, decideNow, approveDespiteNow };
}
