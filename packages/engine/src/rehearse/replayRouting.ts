import type { CompiledMap } from '../compile/compileMap.ts';
import { conditionView } from '../conditions/conditionView.ts';
import { evaluateCondition } from '../conditions/evaluateCondition.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { routeMention } from '../route/routeMention.ts';
import type { MapEdge, MapNode } from '../schema/map.ts';
import type { Mention } from '../schema/mention.ts';
import type { ReplayChange, ReplayResult, RouteSummary } from '../schema/rehearsal.ts';

/** A case that passes more often than this is taken to loop: its route stops there, with no end. */
const MAX_STEPS = 64;

const UNROUTED: RouteSummary = Object.freeze({ trigger: null, end: null, teams: [] }) as RouteSummary;

/** A map's nodes and outgoing edges by id, in document order, made once per compiled map. */
interface RouteIndex {
  node: Map<string, MapNode>;
  out: Map<string, MapEdge[]>;
}
const indexes = new WeakMap<CompiledMap, RouteIndex>();

function indexOf(compiled: CompiledMap): RouteIndex {
  let index = indexes.get(compiled);
  if (!index) {
    const out = new Map<string, MapEdge[]>();
    for (const e of compiled.map.edges) (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
    index = { node: new Map(compiled.map.nodes.map((n) => [n.id, n])), out };
    indexes.set(compiled, index);
  }
  return index;
}

/**
 * Where a mention goes on one compiled map, outside any crisis: the trigger that takes it, the end
 * it reaches when every pass reports its first declared outcome (what simulated staff report
 * when a scenario says nothing else), and every team whose queue it enters on the way, in order.
 * A mention no trigger takes has no trigger, end or team.
 *
 * The walk follows docs/semantics.md as the compiled machine does — decisions try their edges in
 * order with the case's tags and pass count, actions add their tags, a pass counts — without
 * running the machine, so a replay of hundreds of thousands of mentions stays quick. Its agreement
 * with the simulator is tested on every shipped example.
 */
export function routeOf(compiled: CompiledMap, facts: MentionFacts): RouteSummary {
  const match = routeMention([{ mapId: compiled.map.id, compiled, crisis: false }], facts);
  if (!match) return UNROUTED;
  const { node: nodeOf, out } = indexOf(compiled);
  const tags: string[] = [];
  const teams: string[] = [];
  let passCount = 0;
  let at: MapNode | undefined = match.trigger;
  for (let step = 0; at && step < MAX_STEPS * 4; step++) {
    const edges: MapEdge[] = out.get(at.id) ?? [];
    let next: MapEdge | undefined;
    switch (at.type) {
      case 'end':
        return { trigger: match.trigger.id, end: at.id, teams };
      case 'trigger':
        next = edges[0];
        break;
      case 'action':
        for (const effect of at.do) if ('tag' in effect && !tags.includes(effect.tag)) tags.push(effect.tag);
        next = edges[0];
        break;
      case 'decision': {
        const view = conditionView(facts, tags, false, passCount);
        next = edges.find((e) => e.when !== undefined && evaluateCondition(e.when, view)) ?? edges.find((e) => e.when === undefined);
        break;
      }
      case 'pass': {
        if (passCount >= MAX_STEPS) return { trigger: match.trigger.id, end: null, teams };
        passCount++;
        if (!teams.includes(at.to.team)) teams.push(at.to.team);
        const outcome = at.expected.outcomes[0];
        next = edges.find((e) => e.on === outcome);
        break;
      }
    }
    at = next ? nodeOf.get(next.target) : undefined;
  }
  return { trigger: match.trigger.id, end: null, teams };
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
    const before = this.before ? routeOf(this.before, facts) : UNROUTED;
    const after = routeOf(this.after, facts);
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
