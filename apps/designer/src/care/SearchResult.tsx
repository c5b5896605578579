import type { SearchItem } from '../api/care.ts';
import { caseHash } from '../console/consoleRoute.ts';
import { firstLine, followersText } from '../console/network.ts';
import { NetworkIcon } from '../console/NetworkIcon.tsx';
import { personHash } from '../shell/route.ts';

const STATUS_WORDS: Record<string, string> = { preparing: 'Preparing', waiting: 'Waiting', held: 'In hand', closing: 'Closing', ended: 'Ended' };
const day = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One case in search results: who wrote, the first line, where it stands; links to the case and the customer. */
export function SearchResult({ c, mapName, teamName }: { c: SearchItem; mapName: string; teamName: string }) {
  const m = c.mention;
  return (
    <li className="search-result" data-case-id={c.id} data-status={c.status}>
      <div className="search-result-head">
        {m && <NetworkIcon network={m.network} />}
        {m ? (
          <a href={personHash(m.network, m.author.handle)} className="person-link" data-testid="result-person">{m.author.name ?? m.author.handle}</a>
        ) : <span className="muted">unknown author</span>}
        {m?.author.name && <span className="muted small">{m.author.handle}</span>}
        {m && <span className="muted small">{followersText(m.author.followers)}</span>}
        <span className={`status-chip status-${c.status}`}>{STATUS_WORDS[c.status] ?? c.status}{c.outcome ? ` · ${c.outcome}` : ''}</span>
        {c.breached && <span className="status-chip status-breached">Breached</span>}
      </div>
      <a className="search-result-text" href={caseHash(c.id)} data-testid="result-case">{m ? firstLine(m.text) : c.mentionId}</a>
      <p className="muted small">Opened {day(c.openedAt)} · {mapName} · {c.team ? teamName : 'no team'}{c.brand ? ` · ${c.brand}` : ''}</p>
    </li>
  );
}
