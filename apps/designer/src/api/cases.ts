/**
 * Typed calls for the team console and the triage inbox: queues, one case and the work done on
 * it, and the unrouted mentions (docs/api.md "Mentions and cases"). Shapes follow what
 * `apps/runtime/src/cases/caseViews.ts` answers, which carries a few fields the doc does not name
 * (`queuedAt`, `nodeLabel`, `holderName`, `path`, `lessonRequired`, …).
 */
import type { CaseStatus, Mention } from '@baton/engine';
import { request } from './client.ts';

/** The mention fields a queue row carries. */
export type RowMention = Pick<Mention, 'id' | 'network' | 'author' | 'text' | 'createdAt'>;

/** Someone who has a case open now (presence). */
export interface Viewer { id: string; name: string }

/** A case in a queue (`GET /api/cases`). */
export interface CaseSummary {
  id: string;
  mapId: string;
  mapVersion: number;
  node: string;
  nodeType: string;
  status: CaseStatus;
  team: string | null;
  holder: string | null;
  claimExpiresAt: string | null;
  priority: number;
  /** When it entered the current queue; with `deadline`, how much of the time is left. */
  queuedAt: string | null;
  deadline: string | null;
  breached: boolean;
  openedAt: string;
  updatedAt: string;
  endedAt: string | null;
  mentionId: string;
  mention?: RowMention;
  /** Who has the case open now, oldest first, the caller included (presence). */
  viewers: Viewer[];
}

/** One pre-action item at the current pass, and who ticked it. */
export interface ChecklistItem { item: string; done: boolean; by: string | null; at: string | null }
/** A note on the case (plain text). */
export interface CaseNote { id: number; author: string; text: string; at: string }
/** A lesson written at an end (plain text). */
export interface CaseLesson { id: number; author: string; node: string; text: string; at: string }
/** One thing that happened to the case; `actor` null means Baton itself. */
export interface HistoryEntry { at: string; type: string; actor: string | null; data: Record<string, unknown> }

/** Everything about one case (`GET /api/cases/:id` and every action's answer). */
export interface CaseDetail extends Omit<CaseSummary, 'mention'> {
  nodeLabel: string;
  holderName: string | null;
  trigger: string;
  checklist: ChecklistItem[];
  outcomes: string[];
  /** Node ids walked so far, the current one last. */
  path: string[];
  breaches: string[];
  endOutcome: string | null;
  lessonRequired: boolean;
  lessonPrompt: string | null;
  tags: string[];
  notes: CaseNote[];
  lessons: CaseLesson[];
  mention: Mention | null;
  /** Replies attached to the case, oldest first. */
  thread: Mention[];
  history: HistoryEntry[];
}

/** A mention no trigger matched, waiting in the hub's triage inbox, with the tags the hub put on it. */
export type UnroutedMention = Mention & { receivedAt: string; tags: string[] };

/** What starting a case from the triage inbox answers. */
export interface StartedCase { id: string; status: 'routed'; caseId: string }

/** Filters of `GET /api/cases`; `status` may be a comma list or `open` (anything not ended). */
export interface CaseFilter { team?: string; status?: string; map?: string; holder?: string }

const enc = encodeURIComponent;
const post = (id: string, action: string, body: unknown = {}) => request<CaseDetail>('POST', `/api/cases/${enc(id)}/${action}`, body);

/** Every console and triage call. */
export const casesApi = {
  list: (filter: CaseFilter = {}) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
    return request<{ cases: CaseSummary[] }>('GET', `/api/cases${query ? `?${query}` : ''}`);
  },
  get: (id: string) => request<CaseDetail>('GET', `/api/cases/${enc(id)}`),
  claim: (id: string) => post(id, 'claim'),
  release: (id: string) => post(id, 'release'),
  tick: (id: string, item: string, done: boolean) => post(id, 'checklist', { item, done }),
  outcome: (id: string, outcome: string, note?: string) => post(id, 'outcome', note ? { outcome, note } : { outcome }),
  note: (id: string, text: string) => post(id, 'notes', { text }),
  retag: (id: string, change: { add?: string[]; remove?: string[] }) => post(id, 'tags', change),
  lesson: (id: string, text: string) => post(id, 'lessons', { text }),
  /** Presence heartbeat from an open case view (every 15 s); answers who is looking at it now. */
  viewing: (id: string) => request<{ caseId: string; viewers: Viewer[] }>('POST', `/api/cases/${enc(id)}/viewing`),
  /** The case view closed (quiet on 401: after signing out, the view closes without a session). */
  leave: (id: string) => request<void>('DELETE', `/api/cases/${enc(id)}/viewing`, undefined, { quiet401: true }),
  unrouted: () => request<{ mentions: UnroutedMention[] }>('GET', '/api/mentions/unrouted'),
  /** Starts a case on an approved map; without `trigger`, at the map's highest-priority trigger. */
  startFromTriage: (mentionId: string, mapId: string, trigger?: string) =>
    request<StartedCase>('POST', `/api/mentions/${enc(mentionId)}/start`, trigger ? { mapId, trigger } : { mapId }),
  retagMention: (mentionId: string, change: { add?: string[]; remove?: string[] }) =>
    request<UnroutedMention>('POST', `/api/mentions/${enc(mentionId)}/tags`, change),
  dismissMention: (mentionId: string, reason: string) =>
    request<{ id: string; status: 'dismissed'; reason: string; dismissedBy: string; dismissedAt: string }>('POST', `/api/mentions/${enc(mentionId)}/dismiss`, { reason }),
};
