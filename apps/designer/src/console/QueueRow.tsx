import { memo } from 'react';
import type { CaseSummary } from '../api/cases.ts';
import { caseHash } from './consoleRoute.ts';
import { Countdown } from './Countdown.tsx';
import { DrillMark } from './DrillMark.tsx';
import { HolderBadge } from './HolderBadge.tsx';
import { NetworkIcon } from './NetworkIcon.tsx';
import { ViewerAvatars } from './ViewerAvatars.tsx';
import { firstLine, followersText } from './network.ts';

/** One row's case and the names it shows, resolved by the queue. */
export interface QueueRowProps {
  c: CaseSummary;
  now: number;
  me: string;
  mapName: string;
  nodeLabel: string;
  holderName: string;
}

const STATUS_WORDS: Record<string, string> = { preparing: 'checklist first', waiting: 'waiting', held: 'in hand', closing: 'needs a lesson', ended: 'ended' };

/** One case in a queue; the whole row opens the case. Mention text is rendered as text, never HTML. */
export const QueueRow = memo(function QueueRow({ c, now, me, mapName, nodeLabel, holderName }: QueueRowProps) {
  const m = c.mention;
  const author = m ? m.author.name ? `${m.author.name} ${m.author.handle}` : m.author.handle : c.mentionId;
  return (
    <li>
      <a className={`queue-row status-${c.status}${c.drill ? ' is-drill' : ''}`} href={caseHash(c.id)} data-case-id={c.id} data-status={c.status}>
        <span className="queue-network">{m ? <NetworkIcon network={m.network} /> : null}</span>
        <span className="queue-author">
          <strong>{author}</strong>
          <span className="muted small">{followersText(m?.author.followers)}</span>
        </span>
        <span className="queue-text" title={m ? firstLine(m.text) : undefined}>
          <DrillMark drill={c.drill} />
          <span data-testid="mention-first-line">{m ? firstLine(m.text) : ''}</span>
        </span>
        {/* The step first: it is what the agent must do; the map and the state below it, quieter. */}
        <span className="queue-where" title={`${nodeLabel} — ${mapName}`}>
          <span>{nodeLabel}</span>
          <span className="muted small">{mapName} · {STATUS_WORDS[c.status] ?? c.status}</span>
        </span>
        <span className="queue-deadline"><Countdown c={c} now={now} /></span>
        <span className="queue-viewers"><ViewerAvatars caseId={c.id} me={me} /></span>
        <span className="queue-holder"><HolderBadge holder={c.holder} name={holderName} me={me} /></span>
      </a>
    </li>
  );
});
