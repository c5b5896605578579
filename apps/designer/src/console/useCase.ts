import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import { navigate } from '../shell/route.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { presenceNow, seedViewers } from './presence.ts';
import { useLiveRefresh } from './useLiveRefresh.ts';

/** What a case view holds: the case, whether a change is on its way, and how to make one. */
export interface CaseState {
  detail: CaseDetail | null;
  /** `not-found` for a case that does not exist or belongs to another team. */
  problem: 'not-found' | 'failed' | null;
  busy: boolean;
  /** Runs one change; the answer replaces the case. Failures become a toast (with the request id) and are rethrown. */
  act(what: string, change: () => Promise<CaseDetail>): Promise<CaseDetail>;
}

/** Loads one case and keeps it current with the live events that name it. */
export function useCase(id: string): CaseState {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [problem, setProblem] = useState<CaseState['problem']>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    const startedAt = presenceNow();
    casesApi.get(id).then(
      (c) => {
        seedViewers([c], startedAt);
        setDetail(c);
        setProblem(null);
      },
      (e) => {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setProblem('not-found');
        else {
          setProblem((p) => p ?? 'failed');
          showError('Could not load the case', e);
        }
      },
    );
  }, [id]);
  useEffect(load, [load]);
  // Presence changes are not changes to the case: the header's avatars follow them by themselves.
  useLiveRefresh(load, (type, data) => type !== 'presence' && (data.id === id || data.caseId === id));

  const act = useCallback(async (what: string, change: () => Promise<CaseDetail>) => {
    setBusy(true);
    try {
      const next = await change();
      setDetail(next);
      return next;
    } catch (e) {
      // The change went through and took the case out of this person's sight (passed to a team they
      // are not in), or it moved on meanwhile: either way, their part is done here. A 403 can also
      // refuse the work itself (a backup outside a crisis), so it counts only if the case is gone from view.
      if (e instanceof ApiError && (e.status === 404 || (e.status === 403 && !(await stillVisible(id))))) {
        showToast('info', 'The case has moved on to a queue you do not work; it is no longer in your hands.', e.requestId);
        navigate('#/console');
      } else showError(what, e);
      throw e;
    } finally {
      setBusy(false);
    }
  }, [id]);
  return { detail, problem, busy, act };
}

/** Whether the signed-in person can still see the case (false once it has left their teams). */
function stillVisible(id: string): Promise<boolean> {
  return casesApi.get(id).then(() => true, (e) => !(e instanceof ApiError && (e.status === 403 || e.status === 404)));
}
