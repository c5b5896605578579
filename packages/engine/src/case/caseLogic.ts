import { assign, emit, setup } from 'xstate';
import type { Condition } from '../schema/condition.ts';
import { evaluateCondition } from '../conditions/evaluateCondition.ts';
import { conditionView } from '../conditions/conditionView.ts';
import type { CaseContext, CaseEffect, CaseEvent, CaseInput } from './caseTypes.ts';

/** The event a case machine emits for every effect the outside world must carry out. */
export interface CaseEffectEvent {
  type: 'effect';
  effect: CaseEffect;
}

interface EnterParams {
  node: string;
}
interface QueueParams {
  team: string;
  withinMs: number;
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
    when: ({ context }, params: { when: Condition }) =>
      evaluateCondition(params.when, conditionView(context.facts, context.tags, context.crisis, context.passCount)),
    outcomeIs: ({ event }, params: { outcome: string }) =>
      event.type === 'outcome' && event.outcome === params.outcome,
    canClaim: ({ context, event }) =>
      event.type === 'claim' && (context.holder === null || context.holder === event.member),
    isDue: ({ context, event }) => !context.overdue && context.dueAt !== null && event.at >= context.dueAt,
  },
  actions: {
    stamp: assign(({ event }) => ({ at: event.at, crisis: event.crisis })),
    enter: assign(({ context }, params: EnterParams) => ({
      node: params.node,
      path: [...context.path, params.node],
    })),
    // A pass with no checklist joins the receiving queue as it is entered (one assign, not two).
    enterPass: assign(({ context }, params: EnterParams & Partial<QueueParams>) => ({
      node: params.node,
      path: [...context.path, params.node],
      passCount: context.passCount + 1,
      holder: null,
      overdue: false,
      ...(params.team !== undefined
        ? { team: params.team, queuedAt: context.at, dueAt: context.at + (params.withinMs ?? 0) }
        : { queuedAt: null, dueAt: null }),
    })),
    // The checklist is done: the case joins the receiving team's queue and its deadline starts.
    prepared: assign(({ event }, params: QueueParams) => ({
      at: event.at,
      crisis: event.crisis,
      team: params.team,
      holder: null,
      queuedAt: event.at,
      dueAt: event.at + params.withinMs,
      overdue: false,
    })),
    claim: assign(({ event }) => (event.type === 'claim' ? { at: event.at, crisis: event.crisis, holder: event.member } : {})),
    release: assign(({ event }) => ({ at: event.at, crisis: event.crisis, holder: null })),
    // An outcome after a deadline nobody sent `timeout` for still missed it: that is a breach too.
    report: assign(({ context, event }) => ({
      at: event.at,
      crisis: event.crisis,
      lastHolder: context.holder,
      holder: null,
      dueAt: null,
      ...(!context.overdue && context.dueAt !== null && event.at > context.dueAt ? { breaches: [...context.breaches, context.node] } : {}),
    })),
    // A missed deadline: recorded on the pass; with a timeout edge the holder loses the case too.
    breach: assign(({ context, event }, params: EnterParams & { moves: boolean }) => ({
      at: event.at,
      crisis: event.crisis,
      breaches: [...context.breaches, params.node],
      overdue: true,
      ...(params.moves ? { lastHolder: context.holder, holder: null, dueAt: null } : {}),
    })),
    addTag: assign(({ context, event }) => {
      const tag = event.type === 'tag' ? event.tag : undefined;
      const stamp = { at: event.at, crisis: event.crisis };
      return tag && !context.tags.includes(tag) ? { ...stamp, tags: [...context.tags, tag] } : stamp;
    }),
    tagEffect: assign(({ context }, params: { tag: string }) =>
      context.tags.includes(params.tag) ? {} : { tags: [...context.tags, params.tag] },
    ),
    effect: emit((_, params: { effect: CaseEffect }) => ({ type: 'effect' as const, effect: params.effect })),
    finish: assign({ holder: null, dueAt: null, queuedAt: null }),
  },
});
