import { createActor, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import type { CompiledMap } from '../compile/compileMap.ts';
import type { CaseEffectEvent } from './caseLogic.ts';
import type { CaseContext, CaseEffect, CaseEvent, CaseInput, CaseView } from './caseTypes.ts';
import { caseView } from './caseView.ts';

/** A case machine's persisted snapshot: plain JSON, safe to store and restore. */
export type CaseSnapshot = Snapshot<unknown> & { context: CaseContext; value: unknown };

/** The result of starting a case or sending it an event. */
export interface CaseStep {
  snapshot: CaseSnapshot;
  view: CaseView;
  /** Effects to carry out (notifications, replies, log lines, tags), in order. */
  effects: CaseEffect[];
  /** Nodes entered during this step, in order. */
  entered: string[];
}

/** Why an event was not accepted. */
export interface CaseRefusal {
  refused: string;
}

function run(compiled: CompiledMap, options: { input?: unknown; snapshot?: CaseSnapshot }, event?: CaseEvent): CaseStep | CaseRefusal {
  const actor = createActor(compiled.machine, options as never);
  const effects: CaseEffect[] = [];
  actor.on('effect', (e: CaseEffectEvent) => effects.push(e.effect));
  actor.start();
  const before = actor.getSnapshot() as AnyMachineSnapshot;
  const pathBefore = options.snapshot ? (before.context as CaseContext).path.length : 0;
  if (event) {
    if (!before.can(event)) {
      actor.stop();
      return { refused: refusal(compiled, before, event) };
    }
    actor.send(event);
  }
  const after = actor.getSnapshot() as AnyMachineSnapshot;
  const snapshot = actor.getPersistedSnapshot() as CaseSnapshot;
  actor.stop();
  const context = after.context as CaseContext;
  return { snapshot, view: caseView(compiled, after), effects, entered: context.path.slice(pathBefore) };
}

function refusal(compiled: CompiledMap, snapshot: AnyMachineSnapshot, event: CaseEvent): string {
  const view = caseView(compiled, snapshot);
  if (view.status === 'ended') return 'the case has ended';
  switch (event.type) {
    case 'claim':
      return `the case is held by ${view.holder}`;
    case 'outcome':
      if (view.status === 'preparing') return 'the pre-action checklist is not done yet';
      if (view.nodeType !== 'pass') return 'the case is not waiting for an outcome';
      return `'${event.outcome}' is not an outcome here; expected one of: ${view.outcomes.join(', ')}`;
    case 'checklist.done':
      return 'the case is not preparing a pass';
    case 'timeout':
      return 'no deadline is due';
    case 'lesson':
      return 'the case does not ask for a lesson';
    default:
      return `'${event.type}' is not accepted now`;
  }
}

/**
 * Starts a case: walks from the trigger through decisions and actions until it rests at a pass
 * or an end. `input.at` is epoch ms; the engine has no clock of its own.
 */
export function startCase(compiled: CompiledMap, input: CaseInput): CaseStep {
  const trigger = compiled.node(input.trigger);
  if (trigger?.type !== 'trigger') throw new Error(`startCase: '${input.trigger}' is not a trigger of map '${compiled.map.id}'`);
  const result = run(compiled, { input: { ...input, hub: compiled.map.hub, priority: trigger.priority } });
  return result as CaseStep;
}

/**
 * Sends one event to a persisted case and returns the new snapshot, or why it was refused
 * (an outcome before the checklist is done, a claim on a held case, a timeout not yet due…).
 */
export function stepCase(compiled: CompiledMap, snapshot: CaseSnapshot, event: CaseEvent): CaseStep | CaseRefusal {
  return run(compiled, { snapshot }, event);
}
