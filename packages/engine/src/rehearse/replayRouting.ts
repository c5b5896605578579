import type { CompiledMap } from '../compile/compileMap.ts';
import { runnerFor } from '../case/runCase.ts';
import { caseStatus } from '../case/caseView.ts';
import type { CaseContext } from '../case/caseTypes.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { routeMention } from '../route/routeMention.ts';
import type { Mention } from '../schema/mention.ts';
import type { ReplayChange, ReplayResult, RouteSummary } from '../schema/rehearsal.ts';

/** A case that passes more often than this is taken to loop: its route stops there, with no end. */
const MAX_STEPS = 64;

const UNROUTED: RouteSummary = Object.freeze({ trigger: null, end: null, teams: [] }) as RouteSummary;

/**
 * Where a mention goes on one compiled map, outside any crisis: the trigger that takes it, the end
 * it reaches when every pass reports its first declared outcome (what simulated staff report
 * when a scenario says nothing else), and every team whose queue it enters on the way, in order.
 * A mention no trigger takes has no trigger, end or team.
 */
export function routeOf(compiled: CompiledMap, facts: MentionFacts, mentionId = 'replay'): RouteSummary {
  const match = routeMention([{ mapId: compiled.map.id, compiled, crisis: false }], facts);
  if (!match) return UNROUTED;
  const runner = runnerFor(compiled);
  let { snapshot } = runner.start({ caseId: mentionId, mentionId, trigger: match.trigger.id, facts, at: 0, crisis: false, hub: compiled.map.hub, priority: match.trigger.priority });
  let end: string | null = null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const status = caseStatus(compiled, snapshot);
    const context = snapshot.context as CaseContext;
    if (status === 'ended' || status === 'closing') {
      end = context.node;
      break;
    }
    if (status === 'preparing') {
      snapshot = runner.send(snapshot, { type: 'checklist.done', at: 0, crisis: false }).snapshot;
      continue;
    }
    const node = compiled.node(context.node);
    const outcome = node?.type === 'pass' ? node.expected.outcomes[0] : undefined;
    if (outcome === undefined) break;
    const event = { type: 'outcome' as const, outcome, at: 0, crisis: false };
    if (!snapshot.can(event)) snapshot = runner.send(snapshot, { type: 'claim', member: 'replay', at: 0, crisis: false }).snapshot;
    snapshot = runner.send(snapshot, event).snapshot;
  }
  const teams: string[] = [];
  for (const id of (snapshot.context as CaseContext).path) {
    const node = compiled.node(id);
    if (node?.type === 'pass' && !teams.includes(node.to.team)) teams.push(node.to.team);
  }
  return { trigger: match.trigger.id, end, teams };
}

const sameRoute = (a: RouteSummary, b: RouteSummary) =>
  a.trigger === b.trigger && a.end === b.end && a.teams.length === b.teams.length && a.teams.every((t, i) => b.teams[i] === t);

/** Options of a replay. */
export interface ReplayOptions {
  /** The most changed mentions listed (all are counted); default 500. */
  limit?: number;
}

/**
 * Replays real mentions, one at a time, on two versions of a map — `before` (the active one; null
 * when nothing is active, so every mention was unrouted) and `after` — and keeps what differs: the
 * mentions that route differently, and the cases each team's queue would gain or lose. It holds
 * only the counts and the listed changes, so mentions can be streamed through it in pages.
 * @example const replay = new RoutingReplay(compileMap(active), compileMap(draft)); for (const m of page) replay.add(m); replay.result()
 */
export class RoutingReplay {
  private mentions = 0;
  private changedCount = 0;
  private readonly changed: ReplayChange[] = [];
  private readonly byTeam = new Map<string, { before: number; after: number }>();
  private readonly limit: number;

  constructor(private readonly before: CompiledMap | null, private readonly after: CompiledMap, options: ReplayOptions = {}) {
    this.limit = options.limit ?? 500;
  }

  private tally(teams: readonly string[], side: 'before' | 'after') {
    for (const t of teams) {
      let line = this.byTeam.get(t);
      if (!line) this.byTeam.set(t, (line = { before: 0, after: 0 }));
      line[side]++;
    }
  }

  /** One real mention (`at`: when it came in; default its `createdAt`). Returns its change, if it routes differently. */
  add(mention: Mention, at: string = mention.createdAt): ReplayChange | null {
    this.mentions++;
    const facts = mentionFacts(mention);
    const before = this.before ? routeOf(this.before, facts, mention.id) : UNROUTED;
    const after = routeOf(this.after, facts, mention.id);
    this.tally(before.teams, 'before');
    this.tally(after.teams, 'after');
    if (sameRoute(before, after)) return null;
    this.changedCount++;
    const change: ReplayChange = { mention: mention.id, text: mention.text, network: mention.network, author: mention.author.handle, at, before, after };
    if (this.changed.length < this.limit) this.changed.push(change);
    return change;
  }

  /** The counts so far and the changes listed. */
  result(): Pick<ReplayResult, 'mentions' | 'changedCount' | 'changed' | 'byTeam'> {
    const byTeam: ReplayResult['byTeam'] = {};
    for (const [team, { before, after }] of [...this.byTeam].sort((a, b) => (a[0] < b[0] ? -1 : 1))) byTeam[team] = { before, after, gain: after - before };
    return { mentions: this.mentions, changedCount: this.changedCount, changed: this.changed, byTeam };
  }
}

/**
 * Replays `mentions` on `before` and `after` at once ({@link RoutingReplay} for a stream).
 * @example compareRouting(compileMap(active), compileMap(draft), mentions).changed
 */
export function compareRouting(before: CompiledMap | null, after: CompiledMap, mentions: Iterable<Mention>, options: ReplayOptions = {}) {
  const replay = new RoutingReplay(before, after, options);
  for (const m of mentions) replay.add(m);
  return replay.result();
}
