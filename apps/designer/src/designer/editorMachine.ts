/**
 * The designer's modes as a state machine: design (editing, saving, submitting), review (deciding)
 * and simulate. The page supplies the real work as promise actors through `provide`.
 */
import { assign, fromPromise, setup } from 'xstate';

/** What the page's save, submit and decide actors report. */
export interface EditorContext {
  lastError: string | null;
}

export type EditorEvent =
  | { type: 'DESIGN' }
  | { type: 'REVIEW' }
  | { type: 'SIMULATE' }
  | { type: 'SAVE' }
  | { type: 'SUBMIT' }
  | { type: 'APPROVE'; comment: string }
  | { type: 'REJECT'; comment: string };

const notProvided = fromPromise<void, unknown>(async () => {
  throw new Error('not provided');
});

/** The machine; `saveMap`, `submitMap` and `decide` are provided by the designer page. */
export const editorMachine = setup({
  types: { context: {} as EditorContext, events: {} as EditorEvent },
  actors: {
    saveMap: notProvided,
    submitMap: notProvided,
    decide: fromPromise<void, { verdict: 'approve' | 'reject'; comment: string }>(async () => {
      throw new Error('not provided');
    }),
  },
}).createMachine({
  id: 'editor',
  context: { lastError: null },
  initial: 'design',
  states: {
    design: {
      initial: 'editing',
      on: { REVIEW: '#editor.review', SIMULATE: '#editor.simulate' },
      states: {
        editing: { on: { SAVE: 'saving', SUBMIT: 'submitting' } },
        saving: {
          invoke: {
            src: 'saveMap',
            onDone: { target: 'editing', actions: assign({ lastError: null }) },
            onError: { target: 'editing', actions: assign({ lastError: ({ event }) => String(event.error) }) },
          },
        },
        submitting: {
          invoke: {
            src: 'submitMap',
            onDone: { target: '#editor.review', actions: assign({ lastError: null }) },
            onError: { target: 'editing', actions: assign({ lastError: ({ event }) => String(event.error) }) },
          },
        },
      },
    },
    review: {
      initial: 'looking',
      on: { DESIGN: '#editor.design', SIMULATE: '#editor.simulate' },
      states: {
        looking: {
          on: {
            APPROVE: { target: 'deciding', actions: assign({ lastError: null }) },
            REJECT: { target: 'deciding', actions: assign({ lastError: null }) },
          },
        },
        deciding: {
          invoke: {
            src: 'decide',
            input: ({ event }) => ({
              verdict: event.type === 'REJECT' ? ('reject' as const) : ('approve' as const),
              comment: event.type === 'APPROVE' || event.type === 'REJECT' ? event.comment : '',
            }),
            onDone: { target: 'looking' },
            onError: { target: 'looking', actions: assign({ lastError: ({ event }) => String(event.error) }) },
          },
        },
      },
    },
    simulate: {
      on: { DESIGN: '#editor.design', REVIEW: '#editor.review' },
    },
  },
});
