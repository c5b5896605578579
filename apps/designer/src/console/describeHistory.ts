import type { Network } from '@baton/engine';
import type { HistoryEntry } from '../api/cases.ts';
import { NETWORK_BADGES } from './network.ts';

/** Names for node ids and people, as the case view knows them. */
export interface HistoryNames {
  person(id: string | null): string;
  node(id: string): string;
  team(id: string): string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/**
 * One line of a case's history in plain words.
 * @example describeHistory({ type: 'claim', actor: 'u1', data: { member: 'u1' } }, names) // "Ana claimed it"
 */
export function describeHistory(h: HistoryEntry, names: HistoryNames): string {
  const who = names.person(h.actor);
  const d = h.data;
  switch (h.type) {
    case 'opened': return h.actor
      ? `${who} started it from the triage inbox (map version ${str(d.version)})`
      : `Opened from mention ${str(d.mention)} (map version ${str(d.version)})`;
    case 'entered': return `Reached ${str(d.label) || names.node(str(d.node))}${d.team ? ` → ${names.team(str(d.team))}` : ''}`;
    case 'claim': return h.actor ? `${who} claimed it` : `Handed to ${names.person(str(d.member))}${d.strategy ? ` (${str(d.strategy)})` : ''}`;
    case 'claim.renewed': return `${who} renewed the claim`;
    case 'released': return `${who} released it`;
    case 'taken.over': return `${who} took it over from ${names.person(str(d.member))}${d.reason ? `: “${str(d.reason)}”` : ''}`;
    case 'lease.lapsed': return `${names.person(str(d.member))}’s claim lapsed; back in the queue`;
    case 'checklist': return `${who} ${d.done === false ? 'unticked' : 'ticked'} “${str(d.item)}”`;
    case 'passed': return `${who} finished the checklist and passed it to ${d.team ? names.team(str(d.team)) : 'the next team'}`;
    case 'outcome': return `${who} reported “${str(d.outcome)}”`;
    case 'note': return `${who} added a note`;
    case 'tag': return h.actor ? `${who} tagged #${str(d.tag)}${d.from === 'triage' ? ' in triage' : ''}` : `Tagged #${str(d.tag)}`;
    case 'untag': return `${who} removed #${str(d.tag)}`;
    case 'lesson': return `${who} wrote a lesson`;
    case 'breach': return `Deadline missed at ${names.node(str(d.node))}`;
    case 'timeout': return `Timed out at ${names.node(str(d.node))}`;
    case 'notify': return `Notified ${describeRecipient(d.recipient)}`;
    case 'ended': return `Ended: ${str(d.outcome)}`;
    case 'reply': return d.sentElsewhere ? `${who} replied elsewhere and recorded it` : `${who} replied on ${networkWord(d.network)} (queued)`;
    case 'reply.sent': return 'Reply posted';
    case 'reply.failed': return `Reply failed: ${str(d.error)}`;
    case 'reply.retry': return `${who} sent the reply again`;
    case 'reply.drafted': return `The map drafted a reply at ${names.node(str(d.node))}`;
    case 'mention.attached': return `Reply from ${str(d.author)} attached`;
    case 'drill.withdrawn': return `The drill ended; the case left the queue (${str(d.reason)})`;
    default: return `${h.type}${h.actor ? ` by ${who}` : ''}`;
  }
}

function networkWord(n: unknown): string {
  return typeof n === 'string' && n in NETWORK_BADGES ? NETWORK_BADGES[n as Network].name : 'its network';
}

function describeRecipient(r: unknown): string {
  if (!r || typeof r !== 'object') return str(r);
  const [kind, value] = Object.entries(r)[0] ?? ['', ''];
  return `${kind} ${str(value)}`.trim();
}
