import type { AnyStateMachine } from 'xstate';
import { parseDuration } from '../schema/common.ts';
import type { Condition } from '../schema/condition.ts';
import type { BatonMap, Effect, MapEdge, MapNode, PassNode } from '../schema/map.ts';
import { caseContext, caseLogic } from '../case/caseLogic.ts';
import type { CaseEffect } from '../case/caseTypes.ts';
import { ENDED_STATE, START_STATE, stateKeys } from './stateKeys.ts';

/** A map turned into a machine, with the indexes the simulator and runtime need. */
export interface CompiledMap {
  map: BatonMap;
  /** The XState machine config as plain JSON (what `baton compile` prints). */
  config: MachineConfigJson;
  /** The runnable machine: `config` with Baton's guards and actions. */
  machine: AnyStateMachine;
  /** Looks a node up by id. */
  node(id: string): MapNode | undefined;
  /** Outgoing edges of a node, in document order. */
  edgesFrom(id: string): MapEdge[];
  /** The state key of a node (node ids may hold characters XState treats specially). */
  stateKey(id: string): string;
}

/** A JSON object: the machine config. */
export type MachineConfigJson = { [key: string]: unknown };

type Json = { [key: string]: unknown };

/**
 * The most ways on that one transition may fold in: past it, the walk stops at the decision and
 * XState takes it from there with the decision's own eventless transitions.
 */
const MAX_WAYS = 32;

/** One way a case can go on from a transition: the conditions it takes and where it comes to rest. */
interface Way {
  /** Decision conditions that must all hold, in walk order (earlier siblings are tried first). */
  when: Condition[];
  /** Nodes entered, in order. */
  nodes: string[];
  /** Tags that actions on the way put on the case, in order. */
  tags: string[];
  /** Effects of actions and of an end, in walk order. */
  effects: CaseEffect[];
  /** Where the walk stops: a pass or an end (at rest), else a state that walks on by itself. */
  stop: MapNode;
}

function actionEffects(node: string, effects: readonly Effect[]): CaseEffect[] {
  return effects.map((e): CaseEffect => {
    if ('tag' in e) return { node, kind: 'tag', tag: e.tag };
    if ('notify' in e) return { node, kind: 'notify', recipient: e.notify, message: e.message };
    if ('reply' in e) return { node, kind: 'reply', text: e.reply };
    return { node, kind: 'log', text: e.log };
  });
}

/**
 * Compiles a valid handoff map into an XState v5 machine: one state per node, guarded
 * `always` transitions for decisions, `outcome` and `timeout` events on passes, final states for
 * ends. A transition folds in the decisions and actions a case then walks through instantly, so
 * it lands where the case rests (see `ways`), with one `advance` assign. Deadlines are data
 * (`context.dueAt`), never XState timers, so a persisted snapshot loses nothing: the runtime's
 * scheduler or the simulator sends `timeout` when the time comes.
 *
 * Call `validateMap` first; compiling an invalid map throws.
 *
 * @example
 * const { machine } = compileMap(map);
 * const actor = createActor(machine, { input: { caseId, mentionId, trigger: 'complaint', facts, at, crisis: false, hub, priority } });
 */
export function compileMap(map: BatonMap): CompiledMap {
  const keys = stateKeys(map.nodes);
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, MapEdge[]>();
  for (const edge of map.edges) {
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
  }
  const keyOf = (id: string): string => {
    const key = keys.get(id);
    if (key === undefined) throw new Error(`compileMap: no node '${id}' (validate the map first)`);
    return key;
  };
  const target = (id: string) => `#${keyOf(id)}`;
  const only = (node: MapNode): MapEdge => {
    const edge = outgoing.get(node.id)?.[0];
    if (!edge) throw new Error(`compileMap: node '${node.id}' has no outgoing edge (validate the map first)`);
    return edge;
  };

  const nodeOf = (id: string): MapNode => {
    const node = nodes.get(id);
    if (!node) throw new Error(`compileMap: no node '${id}' (validate the map first)`);
    return node;
  };

  // Every way a case can go on from entering `start`, in the order XState must try them: a
  // decision's guarded edges in document order, its else edge last. The walk folds the decisions
  // and actions a case passes through instantly into the transition that leads to them, so a
  // step takes one microstep instead of one per node. It stops at a decision that an action on
  // the way may have tagged the case for (the condition must see the tag), at a node already
  // entered on the way (a loop), or when the ways would grow past MAX_WAYS; that state then
  // walks on with its own eventless transitions.
  const ways = (start: string): Way[] => {
    const out: Way[] = [];
    const go = (id: string, when: Condition[], entered: string[], tags: string[], effects: CaseEffect[]): void => {
      const node = nodeOf(id);
      const looped = entered.includes(id);
      entered = [...entered, id];
      if (node.type === 'action') {
        const own = actionEffects(id, node.do);
        effects = [...effects, ...own];
        tags = [...tags, ...own.flatMap((e) => (e.kind === 'tag' ? [e.tag] : []))];
      } else if (node.type === 'end') {
        effects = [...effects, ...(node.notify ?? []).map((recipient): CaseEffect => ({ node: id, kind: 'notify', recipient, message: `${map.name}: ${node.outcome}` }))];
      }
      const stop = (): void => void out.push({ when, nodes: entered, tags, effects, stop: node });
      if (node.type === 'pass' || node.type === 'end' || looped) return stop();
      if (node.type === 'decision') {
        if (tags.length > 0 || out.length >= MAX_WAYS) return stop();
        const edges = outgoing.get(id) ?? [];
        for (const e of edges) if (e.when !== undefined) go(e.target, [...when, e.when], entered, tags, effects);
        const otherwise = edges.find((e) => e.when === undefined);
        // A decision with no else edge (an invalid map) rests there when nothing holds.
        if (otherwise) go(otherwise.target, when, entered, tags, effects);
        else stop();
        return;
      }
      go(only(node).target, when, entered, tags, effects);
    };
    go(start, [], [], [], []);
    return out;
  };
  // The ways on from a node the case has already entered (its state's eventless transitions).
  const waysAfter = (node: MapNode): Way[] => {
    if (node.type !== 'decision') return ways(only(node).target);
    const edges = outgoing.get(node.id) ?? [];
    const guarded = edges.filter((e) => e.when !== undefined);
    const otherwise = edges.find((e) => e.when === undefined);
    return [
      ...guarded.flatMap((e) => ways(e.target).map((w) => ({ ...w, when: [e.when!, ...w.when] }))),
      ...(otherwise ? ways(otherwise.target) : []),
    ];
  };
  /**
   * One transition per way. `head` is what the event must be (a trigger, an outcome, a due
   * deadline); `stamped` says the event stamps its crisis flag before the conditions are read;
   * `first` is what the event itself does to the case (report an outcome, record a breach).
   */
  const transitions = (list: Way[], head: Json, stamped: boolean, first: Json, reenter: boolean): Json[] =>
    list.map((way) => {
      const rest: Json = {};
      if (way.stop.type === 'pass') {
        const queue = passQueue(way.stop);
        rest.pass = queue ?? {};
      } else if (way.stop.type === 'end') rest.end = true;
      const advance = { type: 'advance', params: { ...first, nodes: way.nodes, ...(way.tags.length ? { tags: way.tags } : {}), ...rest } };
      const guard = way.when.length || head.start
        ? { type: 'route', params: { ...head, ...(way.when.length ? { when: way.when } : {}), ...(stamped ? { stamped: true } : {}) } }
        : guardOf(head);
      return {
        ...(guard ? { guard } : {}),
        target: target(way.stop.id),
        ...(reenter ? { reenter: true } : {}),
        actions: [advance, ...way.effects.map((effect) => ({ type: 'effect', params: { effect } }))],
      };
    });

  const states: Json = {};
  const triggers = map.nodes.filter((n) => n.type === 'trigger');
  // A case enters its trigger and walks on to where it rests in one microstep. These transitions
  // read what starts the case from the init event (`start`): the same input the context was made
  // from, so a case runner may start every case from one snapshot at rest in the start state.
  states[START_STATE] = {
    always: triggers.flatMap((t) => transitions(ways(t.id), { start: true, trigger: t.id }, false, { start: true }, false)),
  };
  for (const node of map.nodes) {
    const key = keyOf(node.id);
    switch (node.type) {
      case 'trigger':
      case 'action':
      case 'decision':
        // Cases pass through these within a transition; the states stay so that the machine has a
        // state per node, and for walks that stop at one (a decision after a tag, a loop).
        states[key] = { id: key, always: transitions(waysAfter(node), {}, false, {}, false) };
        break;
      case 'pass':
        states[key] = passState(node, key, outgoing.get(node.id) ?? [], (id, head, first) =>
          transitions(ways(id), head, true, first, true),
        );
        break;
      case 'end':
        states[key] = node.lessons?.required
          ? { id: key, on: { lesson: { target: `#${ENDED_STATE}`, actions: 'stamp' } } }
          : { id: key, type: 'final' };
        break;
    }
  }
  states[ENDED_STATE] = { id: ENDED_STATE, type: 'final' };

  const config: MachineConfigJson = {
    id: `baton:${map.id}`,
    initial: START_STATE,
    on: {
      claim: { guard: 'canClaim', actions: 'claim' },
      release: { actions: 'release' },
      tag: { actions: 'addTag' },
    },
    states,
  };
  const machine = caseLogic.createMachine({
    ...(config as object),
    context: ({ input }) => caseContext(input),
  } as Parameters<typeof caseLogic.createMachine>[0]) as unknown as AnyStateMachine;

  return {
    map,
    config,
    machine,
    node: (id) => nodes.get(id),
    edgesFrom: (id) => outgoing.get(id) ?? [],
    stateKey: keyOf,
  };
}

/** Where a pass queues the case and its deadline; undefined while a checklist comes first. */
function passQueue(node: PassNode): PassQueue | undefined {
  if ((node.preAction?.checklist ?? []).length > 0) return undefined;
  return queueOf(node);
}

interface PassQueue { team: string; withinMs: number; businessHours?: true }

function queueOf(node: PassNode): PassQueue {
  return { team: node.to.team, withinMs: withinOf(node), ...(node.expected.businessHours ? { businessHours: true as const } : {}) };
}

function withinOf(node: PassNode): number {
  const withinMs = parseDuration(node.expected.within);
  if (withinMs === undefined) throw new Error(`compileMap: pass '${node.id}' has a bad duration`);
  return withinMs;
}

/** The plain guard of a transition's head, when no decision condition is folded in. */
function guardOf(head: Json): Json | string | undefined {
  if (head.trigger !== undefined) return { type: 'isTrigger', params: { trigger: head.trigger } };
  if (head.outcome !== undefined) return { type: 'outcomeIs', params: { outcome: head.outcome } };
  if (head.due) return 'isDue';
  return undefined;
}

function passState(
  node: PassNode,
  key: string,
  edges: MapEdge[],
  walk: (target: string, head: Json, first: Json) => Json[],
): Json {
  const timeoutEdge = edges.find((e) => e.on === 'timeout');
  const outcomeTransitions = node.expected.outcomes.flatMap((outcome) => {
    const edge = edges.find((e) => e.on === outcome);
    return edge ? walk(edge.target, { outcome }, { report: true }) : [];
  });
  // A missed deadline: recorded on the pass; with a timeout edge the holder loses the case too.
  const timeout = timeoutEdge
    ? walk(timeoutEdge.target, { due: true }, { breach: node.id })
    : { guard: 'isDue', actions: { type: 'breach', params: { node: node.id } } };
  const queue = queueOf(node);
  const queued = { on: { outcome: outcomeTransitions, timeout } };
  if ((node.preAction?.checklist ?? []).length === 0) return { id: key, initial: 'queued', states: { queued } };
  return {
    id: key,
    initial: 'preparing',
    states: {
      preparing: { on: { 'checklist.done': { target: 'queued', actions: { type: 'prepared', params: queue } } } },
      queued,
    },
  };
}
