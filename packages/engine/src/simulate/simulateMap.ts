import { compileMap, type CompiledMap } from '../compile/compileMap.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { CrisisTracker } from '../crisis/CrisisTracker.ts';
import { routeMention, type RoutableMap } from '../route/routeMention.ts';
import { parseDuration } from '../schema/common.ts';
import type { BatonMap, PassNode } from '../schema/map.ts';
import type { Mention } from '../schema/mention.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { CaseContext, CaseEvent, TeamHours } from '../case/caseTypes.ts';
import { addBusinessTime, businessTimeBetween, isOpen, nextOpening } from '../hours/businessTime.ts';
import { caseStatus } from '../case/caseView.ts';
import { runnerFor } from '../case/runCase.ts';
import type { CaseRunner } from '../case/CaseRunner.ts';
import { ArrivalCursor, planArrivals } from './expandScenario.ts';
import { GeneratedFacts } from './GeneratedFacts.ts';
import { CrisisSpans } from './CrisisSpans.ts';
import { CRISIS, DEADLINE, OPENING, OUTCOME, leaveQueue, type SimCase, type SimEvent } from './simulationRecords.ts';
import { EventQueue } from './EventQueue.ts';
import { MentionThreads } from './MentionThreads.ts';
import { ScriptedResponses } from './ScriptedResponses.ts';
import { seededRandom } from './random.ts';
import { caseMetrics, orderRow, type SimulatedCase, type SimulationResult } from './simulationResult.ts';
import { SimulationTracer, type SimulationTraceEvent } from './simulationTrace.ts';
import { createTeam, drawOutcome, drawResponseMs, teamMetrics, type Member, type QueueEntry, type SimTeam } from './staff.ts';

/** Options of a simulation run. */
export interface SimulateOptions {
  /** Called now and then with mentions processed so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Polled now and then; returning true stops the run early (the result covers what ran). */
  shouldStop?: () => boolean;
  /** The map already compiled (callers that cache compiled maps save the work). */
  compiled?: CompiledMap;
  /**
   * Asks for the run's trace: called, in time order, each time a case enters a node, is picked up
   * or leaves a pass, or misses a deadline (see `SimulationTraceEvent`). The result is the same
   * with or without it; without it the run keeps no trace state.
   */
  onTrace?: (event: SimulationTraceEvent) => void;
}

/**
 * Rehearses a map against a scenario in virtual time with simulated staff (docs/semantics.md, docs/scenarios.md). The
 * cases run on the compiled XState machine — the same one the runtime runs. Same input, same
 * seed, same output, byte for byte. Call `validateMap` and check the scenario first.
 */
export function simulateMap(map: BatonMap, scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  return new SimulationRun(options.compiled ?? compileMap(map), scenario, options).run();
}

class SimulationRun {
  private readonly random: () => number;
  private readonly start: number;
  private readonly until: number | null;
  private readonly events = new EventQueue();
  private seq = 0;
  private now = 0;
  /** The instant of the last event that changed something: the run's end when no `until`. */
  private lastActive = 0;
  private readonly teams = new Map<string, SimTeam>();
  /** The teams in roster order: an opening event names its team by place. */
  private readonly teamList: SimTeam[] = [];
  /** Each team's hours, carried by every event so that business-hours deadlines count them; undefined when no team has hours. */
  private readonly hours: TeamHours | undefined;
  private readonly runner: CaseRunner;
  private readonly cases: SimCase[] = [];
  private readonly rows: SimulatedCase[] = [];
  private readonly attached: { mention: string; case: string }[] = [];
  /** Every mention id seen: a duplicate changes nothing. */
  private readonly seen = new Set<string>();
  /** Reply threads, for attaching replies to the open case up their thread (set when the run starts). */
  private threads!: MentionThreads;
  private readonly byNode: Record<string, { entered: number; breaches: number }> = {};
  private readonly crisis: CrisisTracker | null;
  private crisisCheckPending = false;
  /** Crisis spans in ms from the start (`to` null while on), for backup availability. */
  private readonly crisisSpans = new CrisisSpans();
  private readonly scripted: ScriptedResponses;
  /** The one map mentions are routed to, its crisis flag brought up to date before each use. */
  private readonly routable: RoutableMap[];
  /** Passes with a timeout edge: a missed deadline there moves the case on. */
  private readonly timeoutMoves = new Set<string>();
  private arrivalsDone = 0;
  private mentions = 0;
  private arrivalsTotal = 0;
  /** Null unless a trace is asked for: each hook below costs one check then. */
  private readonly tracer: SimulationTracer | null;

  constructor(
    private readonly compiled: CompiledMap,
    private readonly scenario: Scenario,
    private readonly options: SimulateOptions,
  ) {
    const map = compiled.map;
    this.runner = runnerFor(compiled);
    this.routable = [{ mapId: map.id, compiled, crisis: false }];
    this.random = seededRandom(scenario.seed ?? 1);
    this.start = Date.parse(scenario.start);
    this.until = scenario.until !== undefined ? (parseDuration(scenario.until) ?? null) : null;
    for (const team of map.teams) this.teams.set(team.id, createTeam(team.id, scenario.staff[team.id]));
    this.teamList.push(...this.teams.values());
    const withHours = this.teamList.filter((t) => t.hours);
    this.hours = withHours.length ? Object.fromEntries(withHours.map((t) => [t.id, t.hours])) : undefined;
    for (const node of map.nodes) this.byNode[node.id] = { entered: 0, breaches: 0 };
    for (const edge of map.edges) if (edge.on === 'timeout') this.timeoutMoves.add(edge.source);
    this.crisis = map.crisis ? new CrisisTracker(map.crisis) : null;
    this.tracer = options.onTrace ? new SimulationTracer(options.onTrace) : null;
    this.scripted = new ScriptedResponses(scenario.responses);
  }

  run(): SimulationResult {
    const plan = planArrivals(this.scenario, this.random);
    const arrivals = new ArrivalCursor(plan);
    const generated = new GeneratedFacts(plan);
    this.arrivalsTotal = plan.total;
    this.threads = new MentionThreads(plan);
    const stop = this.options.shouldStop;
    let processed = 0;
    // Arrivals come sorted, so they stay out of the event heap: the next one is taken when it is
    // earlier than every pending event (at an equal instant the heap's outcomes, deadlines and
    // crisis checks go first, as docs/scenarios.md#how-the-simulated-staff-work orders them).
    for (;;) {
      const top = this.events.peek();
      const takeArrival = !arrivals.done && (top === undefined || arrivals.at < top.at);
      const at = takeArrival ? arrivals.at : top?.at;
      if (at === undefined || (this.until !== null && at > this.until)) break;
      this.now = at;
      let acted = true;
      if (takeArrival) {
        const next = arrivals.take();
        if (next.mention) this.onArrival(next.mention.id, next.mention.inReplyTo, next.mention, null);
        else this.onArrival(`gen-${next.batch.number}-${next.index + 1}`, next.batch.template.inReplyTo, null, generated.of(next.batch, next.index));
      } else {
        const e = this.events.pop()!;
        if (e.kind === CRISIS) this.onCrisisCheck();
        else if (e.kind === OUTCOME) acted = this.onOutcome(e);
        else if (e.kind === OPENING) acted = this.onOpening(e);
        else acted = this.onDeadline(e);
      }
      if (acted) this.lastActive = at;
      if ((++processed & 4095) === 0) {
        this.options.onProgress?.(this.arrivalsDone, this.arrivalsTotal);
        if (stop?.()) break;
      }
    }
    this.options.onProgress?.(this.arrivalsDone, this.arrivalsTotal);
    return this.result(this.until ?? this.lastActive);
  }


  private schedule(at: number, kind: number, index: number, token: number, member?: Member, lane?: string): void {
    this.events.push({ at, kind, seq: this.seq++, index, token, member: member ?? null }, lane);
  }

  private crisisOn(): boolean {
    return this.crisis?.on ?? false;
  }

  /** What every event carries: the instant, the crisis flag and (when any team has them) the teams' hours. */
  private stamp(): { at: number; crisis: boolean; hours?: TeamHours } {
    const stamp = { at: this.start + this.now, crisis: this.crisisOn() };
    return this.hours ? { ...stamp, hours: this.hours } : stamp;
  }

  // ---- crisis ---------------------------------------------------------------------------

  private scheduleCrisisCheck(): void {
    const next = this.crisis?.nextCheckAt();
    if (this.crisisCheckPending || next == null) return;
    this.crisisCheckPending = true;
    this.schedule(next - this.start, CRISIS, -1, 0);
  }

  private onCrisisCheck(): void {
    this.crisisCheckPending = false;
    if (!this.crisis) return;
    if (this.crisis.advance(this.start + this.now) === 'cleared') {
      this.crisisSpans.close(this.now);
    } else this.scheduleCrisisCheck();
  }

  // ---- arrivals -------------------------------------------------------------------------

  /** A mention arrives: given whole (scripted; its facts are read here), or by id with its facts (generated). */
  private onArrival(id: string, inReplyTo: string | undefined, mention: Mention | null, generated: MentionFacts | null): void {
    this.arrivalsDone++;
    if (this.seen.has(id)) return; // a duplicate changes nothing
    this.seen.add(id);
    this.mentions++;
    const inThread = this.threads.arrived(id, inReplyTo);
    const openCase = this.threads.openCaseUp(inReplyTo, this.cases);
    if (openCase !== undefined) {
      if (inThread) this.threads.belongsTo(id, openCase);
      this.attached.push({ mention: id, case: this.cases[openCase]!.row.case as string });
      return;
    }
    const facts = mention ? mentionFacts(mention) : generated!;
    this.routable[0]!.crisis = this.crisisOn();
    const match = routeMention(this.routable, facts, { unbrandedHeardByAll: true });
    if (!match) {
      this.rows.push({ mention: id, path: [], status: 'unrouted', breaches: [], teams: [] });
      return;
    }
    if (this.crisis?.record(this.start + this.now) === 'onset') {
      this.crisisSpans.open(this.now);
      for (const team of this.teams.values()) this.dispatch(team);
    }
    this.scheduleCrisisCheck();
    const index = this.cases.length;
    const caseId = `case-${index + 1}`;
    const row: SimulatedCase = { mention: id, case: caseId, trigger: match.trigger.id, path: [], status: 'open', breaches: [], teams: [] };
    this.rows.push(row);
    const sim: SimCase = { row, arrivalAt: this.now, snapshot: null, visit: 0, pathSeen: 0, breachesSeen: 0, entry: null, worker: null };
    this.cases.push(sim);
    if (inThread) this.threads.belongsTo(id, index);
    sim.snapshot = this.runner.start({
      caseId, mentionId: id, trigger: match.trigger.id, facts, ...this.stamp(), hub: this.compiled.map.hub, priority: match.trigger.priority,
    }).snapshot;
    this.settle(index);
  }

  // ---- a case moves ---------------------------------------------------------------------

  private send(index: number, event: CaseEvent): void {
    const sim = this.cases[index]!;
    sim.snapshot = this.runner.send(sim.snapshot!, event).snapshot;
  }

  /** Reads the case after it moved: counts entries and breaches, queues it, ends it. */
  private settle(index: number): void {
    const sim = this.cases[index]!;
    for (;;) {
      const snapshot = sim.snapshot!;
      const context = snapshot.context as CaseContext;
      if (this.tracer !== null) this.tracer.stepped(this.compiled, index, sim.row.case!, context, sim.pathSeen, sim.breachesSeen, this.now);
      for (; sim.pathSeen < context.path.length; sim.pathSeen++) this.byNode[context.path[sim.pathSeen]!]!.entered++;
      for (; sim.breachesSeen < context.breaches.length; sim.breachesSeen++) this.byNode[context.breaches[sim.breachesSeen]!]!.breaches++;
      sim.row.path = context.path;
      sim.row.breaches = context.breaches;
      const status = caseStatus(this.compiled, snapshot);
      // Pre-action checklists and lessons take no simulated time.
      if (status === 'preparing') {
        this.send(index, { type: 'checklist.done', ...this.stamp() });
        continue;
      }
      if (status === 'closing') {
        this.reachEnd(sim, context.node);
        this.send(index, { type: 'lesson', ...this.stamp() });
        continue;
      }
      if (status === 'ended') {
        if (sim.row.end === undefined) this.reachEnd(sim, context.node);
        sim.row.status = 'ended';
        leaveQueue(sim);
        sim.snapshot = null;
        return;
      }
      if (context.passCount !== sim.visit) {
        sim.visit = context.passCount;
        leaveQueue(sim);
        this.enqueue(index, context);
      }
      return;
    }
  }

  private reachEnd(sim: SimCase, node: string): void {
    sim.row.end = node;
    sim.row.resolvedSec = (this.now - sim.arrivalAt) / 1000;
  }

  /** A case enters a team's queue: a free member takes it at once, else it waits. */
  private enqueue(index: number, context: CaseContext): void {
    const sim = this.cases[index]!;
    const pass = this.compiled.node(context.node) as PassNode;
    const team = this.teams.get(pass.to.team)!;
    // A handful of teams at most: a list beats a Set per case.
    if (!sim.row.teams.includes(team.id)) sim.row.teams.push(team.id);
    // One lane per pass: its deadlines come due in the order its cases entered its queue.
    if (context.dueAt !== null) this.schedule(context.dueAt - this.start, DEADLINE, index, sim.visit, undefined, pass.id);
    const entry: QueueEntry = { team, caseIndex: index, visit: sim.visit, priority: context.priority, queuedAt: this.now, seq: this.seq++, active: true };
    sim.entry = entry;
    const member = team.waiting === 0 ? this.freeMember(team) : undefined;
    if (member) {
      entry.active = false;
      sim.entry = null;
      this.take(member, index);
      return;
    }
    // Others wait already: a member who is free at this instant (one who just finished) takes the
    // best of them by priority, then time in queue, which may not be this case.
    team.queue.push(entry, entry.priority);
    team.waiting++;
    this.dispatch(team);
    if (team.waiting > team.maxQueue) team.maxQueue = team.waiting;
  }

  private freeMember(team: SimTeam): Member | undefined {
    if (team.hours && !isOpen(this.start + this.now, team.hours)) {
      this.scheduleOpening(team);
      return undefined;
    }
    if (team.free.length > 0) return team.free.shift();
    if (this.crisis?.on && team.freeBackups.length > 0) return team.freeBackups.shift();
    return undefined;
  }

  /** A closed team with someone free: they take waiting work when it next opens. */
  private scheduleOpening(team: SimTeam): void {
    if (team.openingPending || (team.free.length === 0 && team.freeBackups.length === 0)) return;
    const opens = nextOpening(this.start + this.now, team.hours!);
    if (opens === null) return;
    team.openingPending = true;
    this.schedule(opens - this.start, OPENING, this.teamList.indexOf(team), 0);
  }

  private onOpening(e: SimEvent): boolean {
    const team = this.teamList[e.index]!;
    team.openingPending = false;
    const waiting = team.waiting;
    this.dispatch(team);
    return team.waiting !== waiting;
  }

  /** Free members take waiting cases, best first, while both last. */
  private dispatch(team: SimTeam): void {
    while (team.waiting > 0) {
      const entry = team.queue.peek()!;
      if (!entry.active) {
        team.queue.pop();
        continue;
      }
      const member = this.freeMember(team);
      if (!member) return;
      team.queue.pop();
      entry.active = false;
      team.waiting--;
      this.cases[entry.caseIndex]!.entry = null;
      this.take(member, entry.caseIndex);
    }
    while (team.queue.size > 0 && !team.queue.peek()!.active) team.queue.pop();
  }

  /** A member claims a case and starts working it. */
  private take(member: Member, index: number): void {
    const sim = this.cases[index]!;
    const team = this.teams.get(member.team)!;
    const context = sim.snapshot!.context as CaseContext;
    const pass = this.compiled.node(context.node) as PassNode;
    // Who holds the case is the simulator's own bookkeeping (`sim.worker`, the member's token): no
    // transition depends on the machine's holder field, which only people see, so no claim event
    // is sent (a third fewer machine steps on a large run).
    sim.row.pickupSec ??= (this.now - sim.arrivalAt) / 1000;
    if (this.tracer !== null) this.tracer.pickup(sim.row.case!, pass.id, this.now);
    sim.worker = member;
    member.caseIndex = index;
    member.busySince = this.now;
    member.token++;
    const scripted = this.scripted.next(sim.row.mention, pass.id);
    const workMs = scripted?.afterMs ?? drawResponseMs(team, this.random);
    const outcome = scripted?.outcome ?? drawOutcome(team, pass.expected.outcomes, this.random);
    this.pendingOutcome.set(member, outcome);
    // Staff with hours work only then: the work pauses overnight and goes on at the next opening.
    const doneAt = team.hours ? addBusinessTime(this.start + this.now, workMs, team.hours) - this.start : this.now + workMs;
    this.schedule(doneAt, OUTCOME, index, member.token, member);
  }

  private readonly pendingOutcome = new Map<Member, string>();

  /** The member stops working their case (done, or it timed out away from them). */
  private free(member: Member): void {
    const team = this.teams.get(member.team)!;
    team.busyMs += team.hours ? businessTimeBetween(this.start + member.busySince, this.start + this.now, team.hours) : this.now - member.busySince;
    if (member.backup) team.backupAfterCrisisMs += this.crisisSpans.outside(member.busySince, this.now);
    const sim = member.caseIndex !== null ? this.cases[member.caseIndex] : undefined;
    if (sim) sim.worker = null;
    member.caseIndex = null;
    member.token++;
    this.pendingOutcome.delete(member);
    (member.backup ? team.freeBackups : team.free).push(member);
  }

  /** A member reports the outcome of their work (unless the case left them meanwhile). */
  private onOutcome(e: SimEvent): boolean {
    const member = e.member!;
    if (member.token !== e.token || member.caseIndex !== e.index) return false;
    const outcome = this.pendingOutcome.get(member)!;
    const team = this.teams.get(member.team)!;
    team.handled++;
    this.free(member);
    this.send(e.index, { type: 'outcome', outcome, ...this.stamp() });
    this.settle(e.index);
    this.dispatch(team);
    return true;
  }

  private onDeadline(e: SimEvent): boolean {
    const sim = this.cases[e.index]!;
    if (!sim.snapshot || sim.visit !== e.token) return false;
    const passId = (sim.snapshot.context as CaseContext).node;
    const member = sim.worker;
    this.send(e.index, { type: 'timeout', ...this.stamp() });
    // With a timeout edge the case moves on and its holder loses it; without, it stays, breached.
    const moves = this.timeoutMoves.has(passId);
    if (moves && member) this.free(member);
    this.settle(e.index);
    if (moves && member) this.dispatch(this.teams.get(member.team)!);
    return true;
  }

  // ---- the result -----------------------------------------------------------------------

  private result(endMs: number): SimulationResult {
    const crisisMs = this.crisisSpans.totalMs(endMs);
    const byTeam: SimulationResult['metrics']['byTeam'] = {};
    for (const team of this.teams.values()) {
      const openMs = team.hours ? businessTimeBetween(this.start, this.start + endMs, team.hours) : endMs;
      byTeam[team.id] = teamMetrics(team, endMs, crisisMs, (from, to) => this.crisisSpans.outside(from, to), openMs);
    }
    return {
      map: this.compiled.map.id,
      scenario: this.scenario.name,
      cases: this.rows.map(orderRow),
      attached: this.attached,
      metrics: {
        mentions: this.mentions,
        ...caseMetrics(this.rows),
        byNode: this.byNode,
        byTeam,
        crisis: this.crisisSpans.windows(),
      },
    };
  }
}
