import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledMap } from '../compile/compileMap.ts';
import { CaseRunner, type CaseSnapshot } from './CaseRunner.ts';
import type { CaseContext, CaseEffect, CaseEvent, CaseInput, CaseView } from './caseTypes.ts';
import { caseView } from './caseView.ts';

export type { CaseSnapshot } from './CaseRunner.ts';

/** The result of starting a case or sending it an event. */
export interface CaseStep {
  /** Plain JSON: store it, and pass it back to `stepCase`. */
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

const runners = new WeakMap<CompiledMap, CaseRunner>();

/** The runner of a compiled map, made once. */
export function runnerFor(compiled: CompiledMap): CaseRunner {
  let runner = runners.get(compiled);
  if (!runner) {
    runner = new CaseRunner(compiled);
    runners.set(compiled, runner);
  }
  return runner;
}

function stepResult(runner: CaseRunner, snapshot: AnyMachineSnapshot, effects: CaseEffect[], pathBefore: number): CaseStep {
  const context = snapshot.context as CaseContext;
  return { snapshot: runner.persist(snapshot), view: caseView(runner.compiled, snapshot), effects, entered: context.path.slice(pathBefore) };
}

/**
 * Starts a case: walks from the trigger through decisions and actions until it rests at a pass
 * or an end. `input.at` is epoch ms; the engine has no clock of its own.
 */
export function startCase(compiled: CompiledMap, input: CaseInput): CaseStep {
  const trigger = compiled.node(input.trigger);
  if (trigger?.type !== 'trigger') throw new Error(`startCase: '${input.trigger}' is not a trigger of map '${compiled.map.id}'`);
  const runner = runnerFor(compiled);
  const { snapshot, effects } = runner.start({ ...input, hub: compiled.map.hub, priority: trigger.priority });
  return stepResult(runner, snapshot, effects, 0);
}

/**
 * Sends one event to a persisted case and returns the new snapshot, or why it was refused
 * (an outcome before the checklist is done, a claim on a held case, a timeout not yet due…).
 */
export function stepCase(compiled: CompiledMap, persisted: CaseSnapshot, event: CaseEvent): CaseStep | CaseRefusal {
  const runner = runnerFor(compiled);
  const before = runner.restore(persisted);
  if (!before.can(event)) return { refused: refusal(compiled, before, event) };
  const { snapshot, effects } = runner.send(before, event);
  return stepResult(runner, snapshot, effects, (before.context as CaseContext).path.length);
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
      if (view.overdue) return 'the deadline here was already missed';
      if (view.dueAt !== null) return `the deadline is not due until ${new Date(view.dueAt).toISOString()}`;
      return 'no deadline is running';
    case 'lesson':
      return 'the case does not ask for a lesson';
    default:
      return `'${event.type}' is not accepted now`;
  }
}
