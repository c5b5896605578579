import { assign, emit, setup } from 'xstate';
import type { Condition } from '../schema/condition.ts';
import { evaluateCondition } from '../conditions/evaluateCondition.ts';
import { conditionView } from '../conditions/conditionView.ts';
import type { CaseContext, CaseEffect, CaseEvent, CaseInput, TeamHours } from './caseTypes.ts';
import { addBusinessTime as deadline } from '../hours/businessTime.ts';
import type { BusinessHours } from '../hours/businessHoursSchema.ts';

/** The event a case machine emits for every effect the outside world must carry out. */
export interface CaseEffectEvent {
  type: 'effect';
  effect: CaseEffect;
}

/**
 * What one transition does to a case on its way to where it rests: first what the event itself
 * does (report an outcome, record a missed deadline that moves the case on), then the nodes it
 * enters and the tags actions put on it, then the pass it queues at or the end it reaches.
 * `compileMap` folds a whole walk through decisions and actions into one of these.
 */
interface AdvanceParams {
  /** The case starts: its context is made afresh from the init event's input first. */
  start?: true;
  report?: true;
  /** The pass whose deadline was missed; the case leaves it (a timeout edge). */
  breach?: string;
  nodes: string[];
  tags?: string[];
  /** Entering a pass: its team and deadline when it queues at once, none when a checklist comes first. */
  pass?: { team?: string; withinMs?: number; businessHours?: true };
  end?: true;
}

/** A transition's guard with decision conditions folded in (see `compileMap`). */
interface RouteParams {
  /** A start: the trigger and the facts are read from the init event's input. */
  start?: true;
  trigger?: string;
  outcome?: string;
  due?: true;
  when?: Condition[];
  /** The event stamps its crisis flag before the conditions are read: they see the event's. */
  stamped?: true;
}

/** The team's hours as the event (or, for a start, the init event's input) carries them. */
function hoursOf(event: CaseEvent, team: string): BusinessHours | undefined {
  const hours = (event as { hours?: TeamHours }).hours ?? (event as unknown as Partial<InitEvent>).input?.hours;
  return hours?.[team];
}

const isDue = (context: CaseContext, event: CaseEvent): boolean =>
  !context.overdue && context.dueAt !== null && event.at >= context.dueAt;

/**
 * `a` then `b` in a new array of exactly their length. A resting case keeps its arrays, so their
 * size counts: a spread grows the array as a push does (room to spare), and `concat` takes a slow
 * path in V8.
 */
function joined<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = new Array<T>(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i]!;
  return out;
}

/** What starts a case, as the machine's input and its init event carry it. */
export type StartInput = CaseInput & { hub: string; priority: number };

/** XState's init event: what the start state's transitions read a new case from. */
interface InitEvent {
  type: 'xstate.init';
  input: StartInput;
}

const NO_TAGS: readonly string[] = [];

/** The tags a case starts with, each once. */
function startTags(input: StartInput): readonly string[] {
  return input.tags?.length ? [...new Set<string>(input.tags)] : NO_TAGS;
}

/** A new case's context, from what starts it (the machine's `context`, and every start). */
export function caseContext(input: StartInput): CaseContext {
  return {
    caseId: input.caseId,
    mentionId: input.mentionId,
    trigger: input.trigger,
    priority: input.priority,
    facts: input.facts,
    tags: input.tags?.length ? [...new Set<string>(input.tags)] : [],
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
  };
}

/**
 * The behaviour shared by every compiled map: named guards and actions that the JSON machine
 * config refers to with parameters. `compileMap` supplies the states.
 */
export const caseLogic = setup({
  types: {} as {
    context: CaseContext;
    events: CaseEvent;
    input: CaseInput & { hub: string; priority: number };
    emitted: CaseEffectEvent;
  },
  guards: {
    isTrigger: ({ context }, params: { trigger: string }) => context.trigger === params.trigger,
    route: ({ context, event }, params: RouteParams) => {
      if (params.start) {
        const input = (event as unknown as InitEvent).input;
        if (input.trigger !== params.trigger) return false;
        if (!params.when) return true;
        const view = conditionView(input.facts, startTags(input), input.crisis, 0);
        for (const condition of params.when) if (!evaluateCondition(condition, view)) return false;
        return true;
      }
      if (params.trigger !== undefined && context.trigger !== params.trigger) return false;
      if (params.outcome !== undefined && (event.type !== 'outcome' || event.outcome !== params.outcome)) return false;
      if (params.due && !isDue(context, event)) return false;
      if (params.when) {
        const view = conditionView(context.facts, context.tags, params.stamped ? event.crisis : context.crisis, context.passCount);
        for (const condition of params.when) if (!evaluateCondition(condition, view)) return false;
      }
      return true;
    },
    outcomeIs: ({ event }, params: { outcome: string }) =>
      event.type === 'outcome' && event.outcome === params.outcome,
    canClaim: ({ context, event }) =>
      event.type === 'claim' && (context.holder === null || context.holder === event.member),
    isDue: ({ context, event }) => isDue(context, event),
  },
  actions: {
    stamp: assign(({ event }) => ({ at: event.at, crisis: event.crisis })),
    advance: assign(({ context: current, event }, params: AdvanceParams) => {
      const context = params.start ? caseContext((event as unknown as InitEvent).input) : current;
      const update: Partial<CaseContext> = {};
      let at = context.at;
      if (params.report) {
        at = event.at;
        update.at = at;
        update.crisis = event.crisis;
        update.lastHolder = context.holder;
        update.holder = null;
        update.dueAt = null;
        // An outcome after a deadline nobody sent `timeout` for still missed it: a breach too.
        if (!context.overdue && context.dueAt !== null && event.at > context.dueAt) update.breaches = joined(context.breaches, [context.node]);
      } else if (params.breach !== undefined) {
        at = event.at;
        update.at = at;
        update.crisis = event.crisis;
        update.breaches = joined(context.breaches, [params.breach]);
        update.overdue = true;
        update.lastHolder = context.holder;
        update.holder = null;
        update.dueAt = null;
      }
      const nodes = params.nodes;
      update.node = nodes[nodes.length - 1]!;
      update.path = joined(context.path, nodes);
      if (params.tags) {
        let tags = context.tags;
        for (const tag of params.tags) if (!tags.includes(tag)) tags = joined(tags, [tag]);
        if (tags !== context.tags) update.tags = tags;
      }
      const pass = params.pass;
      if (pass) {
        update.passCount = context.passCount + 1;
        update.holder = null;
        update.overdue = false;
        if (pass.team !== undefined) {
          update.team = pass.team;
          update.queuedAt = at;
          update.dueAt = deadline(at, pass.withinMs ?? 0, pass.businessHours ? hoursOf(event, pass.team) : undefined);
        } else {
          update.queuedAt = null;
          update.dueAt = null;
        }
      } else if (params.end) {
        update.holder = null;
        update.dueAt = null;
        update.queuedAt = null;
      }
      // A start returns the whole fresh context (whatever the snapshot it started from held).
      return params.start ? Object.assign(context, update) : update;
    }),
    // The checklist is done: the case joins the receiving team's queue and its deadline starts.
    prepared: assign(({ event }, params: { team: string; withinMs: number; businessHours?: true }) => ({
      at: event.at,
      crisis: event.crisis,
      team: params.team,
      holder: null,
      queuedAt: event.at,
      dueAt: deadline(event.at, params.withinMs, params.businessHours ? hoursOf(event, params.team) : undefined),
      overdue: false,
    })),
    claim: assign(({ event }) => (event.type === 'claim' ? { at: event.at, crisis: event.crisis, holder: event.member } : {})),
    release: assign(({ event }) => ({ at: event.at, crisis: event.crisis, holder: null })),
    // A missed deadline with no timeout edge: recorded on the pass; the case stays where it is.
    breach: assign(({ context, event }, params: { node: string }) => ({
      at: event.at,
      crisis: event.crisis,
      breaches: [...context.breaches, params.node],
      overdue: true,
    })),
    addTag: assign(({ context, event }) => {
      const tag = event.type === 'tag' ? event.tag : undefined;
      const stamp = { at: event.at, crisis: event.crisis };
      return tag && !context.tags.includes(tag) ? { ...stamp, tags: [...context.tags, tag] } : stamp;
    }),
    effect: emit((_, params: { effect: CaseEffect }) => ({ type: 'effect' as const, effect: params.effect })),
  },
});
