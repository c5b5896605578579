import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { CompiledMap } from '../compile/compileMap.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { caseContext, type CaseEffectEvent } from './caseLogic.ts';
import { START_STATE } from '../compile/stateKeys.ts';
import type { CaseEffect, CaseEvent, CaseInput } from './caseTypes.ts';

/** No history states in a case machine: one empty history for every case (XState copies it before any change). */
const NO_HISTORY = Object.freeze({});

/** A case machine's persisted snapshot: plain JSON, safe to store and restore. */
export type CaseSnapshot = { status: string; value: unknown; context: unknown; [key: string]: unknown };

/**
 * Runs cases of one compiled map as pure steps: a live snapshot in, the next snapshot and its
 * effects out, with XState's own `machine.transition` and one actor scope shared by every case.
 * Holding snapshots rather than one actor per case keeps a large simulation or a busy runtime
 * light: a case at rest is just data.
 */
export class CaseRunner {
  private readonly machine: AnyStateMachine;
  private readonly scope: AnyActorScope;
  private effects: CaseEffect[] = [];
  /** A snapshot at rest in the start state (its context a placeholder): where every case starts. */
  private readonly atStart: AnyMachineSnapshot;
  /** Machine steps taken so far (starts and events): a measure of work for benchmarks. */
  steps = 0;

  constructor(readonly compiled: CompiledMap) {
    this.machine = compiled.machine;
    const placeholder = { caseId: '', mentionId: '', trigger: '', facts: {} as MentionFacts, at: 0, crisis: false, hub: '', priority: 0 };
    const self = createActor(this.machine, { input: placeholder });
    this.scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      stopChild: () => {},
      emit: () => {},
      actionExecutor: (action: { type: string; params: unknown }) => {
        if (action.type === 'xstate.emit') this.effects.push((action.params as { event: CaseEffectEvent }).event.effect);
      },
    } as unknown as AnyActorScope;
    this.atStart = this.machine.resolveState({ value: START_STATE, context: caseContext(placeholder), historyValue: NO_HISTORY });
  }

  /** Starts a case; it walks from its trigger until it rests at a pass or an end. */
  start(input: CaseInput & { hub: string; priority: number }): { snapshot: AnyMachineSnapshot; effects: CaseEffect[] } {
    this.effects = [];
    this.steps++;
    // What `getInitialSnapshot` does, minus the steps that do nothing here: the start state and
    // the root have no entry actions (`compileMap` makes them so), and the start state's
    // transitions read the new case from the init event's input and make its context afresh. So
    // every case starts from one snapshot at rest in the start state, and XState's own macrostep
    // for the init event walks it on: two snapshots made per start (six with getInitialSnapshot).
    const snapshot = this.machine.transition(this.atStart, { type: 'xstate.init', input } as never, this.scope) as AnyMachineSnapshot;
    return { snapshot, effects: this.effects };
  }

  /** Sends one event. Check `snapshot.can(event)` first to tell a refusal from a no-op. */
  send(snapshot: AnyMachineSnapshot, event: CaseEvent): { snapshot: AnyMachineSnapshot; effects: CaseEffect[] } {
    this.effects = [];
    this.steps++;
    const next = this.machine.transition(snapshot, event, this.scope) as AnyMachineSnapshot;
    return { snapshot: next, effects: this.effects };
  }

  /** The snapshot as plain JSON. */
  persist(snapshot: AnyMachineSnapshot): CaseSnapshot {
    return this.machine.getPersistedSnapshot(snapshot) as unknown as CaseSnapshot;
  }

  /** A live snapshot from persisted JSON. */
  restore(persisted: CaseSnapshot): AnyMachineSnapshot {
    return this.machine.restoreSnapshot!(persisted as never, this.scope) as AnyMachineSnapshot;
  }
}
