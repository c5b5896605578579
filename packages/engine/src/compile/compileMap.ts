import type { AnyStateMachine } from 'xstate';
import { parseDuration } from '../schema/common.ts';
import type { BatonMap, Effect, MapEdge, MapNode, PassNode } from '../schema/map.ts';
import { caseLogic } from '../case/caseLogic.ts';
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

function effectActions(node: string, effects: readonly Effect[]): Json[] {
  return effects.flatMap((e): Json[] => {
    let effect: CaseEffect;
    if ('tag' in e) {
      effect = { node, kind: 'tag', tag: e.tag };
      return [{ type: 'tagEffect', params: { tag: e.tag } }, { type: 'effect', params: { effect } }];
    }
    if ('notify' in e) effect = { node, kind: 'notify', recipient: e.notify, message: e.message };
    else if ('reply' in e) effect = { node, kind: 'reply', text: e.reply };
    else effect = { node, kind: 'log', text: e.log };
    return [{ type: 'effect', params: { effect } }];
  });
}

/**
 * Compiles a valid handoff map into an XState v5 machine: one state per node, guarded
 * `always` transitions for decisions, `outcome` and `timeout` events on passes, final states for
 * ends. Deadlines are data (`context.dueAt`), never XState timers, so a persisted snapshot loses
 * nothing: the runtime's scheduler or the simulator sends `timeout` when the time comes.
 *
 * Call `validateMap` first; compiling an invalid map throws.
 *
 * @example
 * const { machine } = compileMap(map);
 * const actor = createActor(machine, { input: { caseId, mentionId, trigger: 'complaint', facts, at, crisis: false } });
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

  const states: Json = {};
  const triggers = map.nodes.filter((n) => n.type === 'trigger');
  // A case enters its trigger and walks on in one microstep: the start state's transition does
  // what the trigger state would (record the node) and goes straight to the trigger's successor.
  states[START_STATE] = {
    always: triggers.map((t) => ({
      guard: { type: 'isTrigger', params: { trigger: t.id } },
      target: target(only(t).target),
      actions: [{ type: 'enter', params: { node: t.id } }],
    })),
  };
  for (const node of map.nodes) {
    const key = keyOf(node.id);
    const enter = { type: 'enter', params: { node: node.id } };
    switch (node.type) {
      case 'trigger':
        // Cases pass through it from the start state; the state stays so that the machine has a
        // state per node and a snapshot resting at a trigger (none does today) still walks on.
        states[key] = { id: key, entry: [enter], always: { target: target(only(node).target) } };
        break;
      case 'action':
        states[key] = {
          id: key,
          entry: [enter, ...effectActions(node.id, node.do)],
          always: { target: target(only(node).target) },
        };
        break;
      case 'decision': {
        const edges = outgoing.get(node.id) ?? [];
        const guarded = edges.filter((e) => e.when !== undefined);
        const otherwise = edges.find((e) => e.when === undefined);
        states[key] = {
          id: key,
          entry: [enter],
          always: [
            ...guarded.map((e) => ({ guard: { type: 'when', params: { when: e.when } }, target: target(e.target) })),
            ...(otherwise ? [{ target: target(otherwise.target) }] : []),
          ],
        };
        break;
      }
      case 'pass':
        states[key] = passState(node, key, outgoing.get(node.id) ?? [], target);
        break;
      case 'end': {
        const notify = (node.notify ?? []).map((recipient) => ({
          type: 'effect',
          params: { effect: { node: node.id, kind: 'notify', recipient, message: `${map.name}: ${node.outcome}` } },
        }));
        const entry = [enter, 'finish', ...notify];
        states[key] = node.lessons?.required
          ? { id: key, entry, on: { lesson: { target: `#${ENDED_STATE}`, actions: 'stamp' } } }
          : { id: key, entry, type: 'final' };
        break;
      }
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
    context: ({ input }) => ({
      caseId: input.caseId,
      mentionId: input.mentionId,
      trigger: input.trigger,
      priority: input.priority,
      facts: input.facts,
      tags: [...new Set<string>(input.tags ?? [])],
      passCount: 0,
      crisis: input.crisis,
      at: input.at,
      node: input.trigger,
      path: [],
      breaches: [],
      team: input.hub,
      holder: null,
      lastHolder: null,
      queuedAt: null,
      dueAt: null,
      overdue: false,
    }),
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

function passState(node: PassNode, key: string, edges: MapEdge[], target: (id: string) => string): Json {
  const withinMs = parseDuration(node.expected.within);
  if (withinMs === undefined) throw new Error(`compileMap: pass '${node.id}' has a bad duration`);
  const timeoutEdge = edges.find((e) => e.on === 'timeout');
  const outcomeTransitions = node.expected.outcomes.flatMap((outcome) => {
    const edge = edges.find((e) => e.on === outcome);
    return edge
      ? [{ guard: { type: 'outcomeIs', params: { outcome } }, target: target(edge.target), reenter: true, actions: 'report' }]
      : [];
  });
  const breach = { type: 'breach', params: { node: node.id, moves: timeoutEdge !== undefined } };
  const timeout = timeoutEdge
    ? { guard: 'isDue', target: target(timeoutEdge.target), reenter: true, actions: breach }
    : { guard: 'isDue', actions: breach };
  const queue = { team: node.to.team, withinMs };
  const queued = { on: { outcome: outcomeTransitions, timeout } };
  if ((node.preAction?.checklist ?? []).length === 0) {
    return { id: key, entry: [{ type: 'enterPass', params: { node: node.id, ...queue } }], initial: 'queued', states: { queued } };
  }
  return {
    id: key,
    entry: [{ type: 'enterPass', params: { node: node.id } }],
    initial: 'preparing',
    states: {
      preparing: { on: { 'checklist.done': { target: 'queued', actions: { type: 'prepared', params: queue } } } },
      queued,
    },
  };
}
