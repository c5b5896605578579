import type { User } from '../api/client.ts';
import { DrillMark, DrillNotice } from './DrillMark.tsx';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import { repliesApi } from '../api/replies.ts';
import { navigate } from '../shell/route.ts';
import { showToast } from '../shell/toasts.ts';
import { CaseHistory } from './CaseHistory.tsx';
import { CaseThread } from './CaseThread.tsx';
import { ChecklistBox } from './ChecklistBox.tsx';
import { ClaimBox } from './ClaimBox.tsx';
import { ExpectedBox } from './ExpectedBox.tsx';
import { LessonForm } from './LessonForm.tsx';
import { MapPosition } from './MapPosition.tsx';
import { NoteBox } from './NoteBox.tsx';
import { OutcomeButtons } from './OutcomeButtons.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { TagEditor } from './TagEditor.tsx';
import type { Directory } from './useDirectory.ts';
import { useCase } from './useCase.ts';
import { useMapDocument } from './useMapDocument.ts';
import { useNow } from './useNow.ts';
import { useViewingHeartbeat } from './presence.ts';
import { ViewerAvatars } from './ViewerAvatars.tsx';
import { OfflineContactBox } from '../care/OfflineContactBox.tsx';
import { personHash } from '../shell/route.ts';

const STATUS_WORDS: Record<string, string> = { preparing: 'Preparing', waiting: 'Waiting', held: 'In hand', closing: 'Closing — lesson needed', ended: 'Ended' };

/** One case: the thread on the left, the work on the right. */
export function CaseView({ caseId, user, directory }: { caseId: string; user: User; directory: Directory }) {
  const state = useCase(caseId);
  useViewingHeartbeat(caseId);
  const { detail: c } = state;
  const doc = useMapDocument(c?.mapId, c?.mapVersion);
  const now = useNow();

  if (!c) {
    return (
      <main className="page">
        <BackLink />
        {state.problem === 'not-found' ? (
          <div className="empty-state" data-testid="case-missing">
            <p><strong>This case is not in your teams’ hands.</strong></p>
            <p>It may have moved on to another team, or the link is wrong. Go back to the queue and open a case from there.</p>
          </div>
        ) : state.problem === 'failed' ? (
          <div className="empty-state"><p>The case could not be loaded. Check the connection and reload the page.</p></div>
        ) : (
          <p className="muted" aria-busy="true">Loading the case…</p>
        )}
      </main>
    );
  }

  const personName = (id: string | null) => (id === user.id ? 'You' : directory.personName(id));
  const nodeLabel = (id: string) => doc?.nodes.find((n) => n.id === id)?.label ?? id;
  const canWork = !c.holder || c.holder === user.id;
  const onReported = (outcome: string, next: CaseDetail) => {
    if (next.status === 'closing') return showToast('info', `“${outcome}” recorded. This end asks for a lesson before the case closes.`);
    showToast('success', next.status === 'ended' ? `“${outcome}” recorded — the case has ended.` : `“${outcome}” recorded — the case moved on to ${next.nodeLabel}.`);
    navigate('#/console');
  };
  const onPassed = (next: CaseDetail) => {
    showToast('success', `Checklist done — passed to ${directory.teamName(next.team)}.`);
    const supervisor = user.roles.includes('admin') || user.roles.includes('manager');
    if (!supervisor && !(next.team && user.teams.includes(next.team))) navigate('#/console'); // their part is done
  };
  const mayRetry = c.holder === user.id || user.roles.includes('admin');
  const retryReply = (replyId: string) => {
    state.act('Could not send the reply again', () => repliesApi.retry(c.id, replyId).then(() => casesApi.get(c.id)))
      .then(() => showToast('info', 'Reply queued again.'), () => undefined);
  };
  const author = c.mention ? c.mention.author.name ?? c.mention.author.handle : c.mentionId;

  return (
    <main className="page case-page" aria-labelledby="case-title" data-case-id={c.id} data-status={c.status}>
      <BackLink />
      <div className="case-head">
        <h1 id="case-title">Case from {author}</h1>
        <DrillMark drill={c.drill} />
        <span className={`status-chip status-${c.status}`} data-testid="case-status">{STATUS_WORDS[c.status] ?? c.status}</span>
        {c.breached && <span className="status-chip status-breached">Breached</span>}
        <ViewerAvatars caseId={c.id} me={user.id} caption />
        {c.mention && <a className="small" href={personHash(c.mention.network, c.mention.author.handle)} data-testid="case-person">Customer record</a>}
      </div>
      <DrillNotice drill={c.drill} />
      <div className="case-layout">
        <div className="case-left">
          <CaseThread c={c} personName={personName} busy={state.busy} {...(mayRetry ? { onRetry: retryReply } : {})} />
          <ReplyBox key={c.id} c={c} user={user} state={state} personName={personName} />
          <NoteBox c={c} state={state} />
        </div>
        <aside className="case-panel" aria-label="The case">
          <MapPosition c={c} doc={doc} mapName={directory.mapName(c.mapId)} teamName={directory.teamName(c.team)} />
          <ClaimBox c={c} user={user} state={state} personName={personName} />
          <ChecklistBox c={c} state={state} canWork={canWork} onPassed={onPassed} />
          <ExpectedBox c={c} doc={doc} now={now} teamHours={directory.teams.find((t) => t.id === c.team)?.hours} />
          <OfflineContactBox c={c} doc={doc} state={state} canWork={canWork} personName={personName} />
          <OutcomeButtons c={c} state={state} canWork={canWork} onReported={onReported} />
          {c.status === 'ended' && (
            <section className="case-box"><h2>Ended</h2><p data-testid="end-outcome">{c.endOutcome ?? 'ended'}</p></section>
          )}
          <LessonForm c={c} state={state} personName={personName} />
          <TagEditor c={c} state={state} />
          <CaseHistory history={c.history} names={{ person: personName, node: nodeLabel, team: directory.teamName }} />
        </aside>
      </div>
    </main>
  );
}

function BackLink() {
  return <a className="back-link" href="#/console">← Back to the queue</a>;
}
