import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { editorMachine } from './editorMachine.ts';

describe('editorMachine', () => {
  it('switches between design, review and simulate', () => {
    const actor = createActor(editorMachine).start();
    expect(actor.getSnapshot().matches('design')).toBe(true);
    actor.send({ type: 'REVIEW' });
    expect(actor.getSnapshot().matches('review')).toBe(true);
    actor.send({ type: 'SIMULATE' });
    expect(actor.getSnapshot().matches('simulate')).toBe(true);
    actor.send({ type: 'DESIGN' });
    expect(actor.getSnapshot().matches({ design: 'editing' })).toBe(true);
  });

  it('saves through the provided actor and goes to review after submitting', async () => {
    const calls: string[] = [];
    const machine = editorMachine.provide({
      actors: {
        saveMap: fromPromise(async () => { calls.push('save'); }),
        submitMap: fromPromise(async () => { calls.push('submit'); }),
      },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'SAVE' });
    expect(actor.getSnapshot().matches({ design: 'saving' })).toBe(true);
    await waitFor(actor, (s) => s.matches({ design: 'editing' }));
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.matches('review'));
    expect(calls).toEqual(['save', 'submit']);
  });

  it('keeps the error of a failed save and stays in design', async () => {
    const machine = editorMachine.provide({
      actors: { saveMap: fromPromise<void>(async () => { throw new Error('offline'); }) },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'SAVE' });
    await waitFor(actor, (s) => s.matches({ design: 'editing' }));
    expect(actor.getSnapshot().context.lastError).toContain('offline');
  });
});
