/**
 * What a freshly dropped node of each type looks like: filled in enough to read well on the
 * canvas, with the fields a manager must decide left for the validator to point at.
 */
import type { NodeType } from '@baton/engine';
import type { FlowNode } from './toMapDocument.ts';

/** Starting fields for a node of `type`; `hub` is the team a new pass goes to. */
export function newNodeData(type: NodeType, hub: string): FlowNode['data'] {
  switch (type) {
    case 'trigger':
      return { label: 'New trigger', when: { field: 'text', op: 'containsAny', value: ['help'] }, priority: 0 };
    case 'decision':
      return { label: 'Which way?' };
    case 'action':
      return { label: 'Automated step', do: [{ tag: 'review' }] };
    case 'pass':
      return {
        label: 'Pass to a team',
        to: { team: hub },
        preAction: { checklist: [] },
        expected: { action: 'Reply publicly', within: 'PT1H', outcomes: ['done', 'escalate'] },
      };
    case 'end':
      return { label: 'Resolved', outcome: 'resolved', lessons: { required: false } };
  }
}

/** A short, readable id not yet used by any of `taken`: `pass-1`, `pass-2`, … */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 100) || 'node';
  for (let n = 1; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}
