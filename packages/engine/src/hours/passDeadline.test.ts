import { describe, expect, it } from 'vitest';
import { compileMap } from '../compile/compileMap.ts';
import { startCase, stepCase, type CaseStep } from '../case/runCase.ts';
import { mapSchema } from '../schema/map.ts';
import type { BusinessHours } from './businessHoursSchema.ts';

const at = { x: 0, y: 0 };
const day = [['09:00', '17:00']] as [string, string][];
const care: BusinessHours = { timeZone: 'UTC', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };

function compiled(checklist: string[]) {
  return compileMap(mapSchema.parse({
    format: 'baton.map/v1', id: 'm', name: 'M', hub: 'social',
    teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }],
    nodes: [
      { id: 't', type: 'trigger', label: 'Any', position: at, when: { field: 'text', op: 'exists' } },
      { id: 'p', type: 'pass', label: 'Care', position: at, to: { team: 'care' }, ...(checklist.length ? { preAction: { checklist } } : {}),
        expected: { action: 'Reply', within: 'PT2H', outcomes: ['done'], businessHours: true } },
      { id: 'e', type: 'end', label: 'End', position: at, outcome: 'ok' },
    ],
    edges: [{ id: 'a', source: 't', target: 'p' }, { id: 'b', source: 'p', target: 'e', on: 'done' }],
  }));
}

const friday5pm = Date.parse('2026-01-09T16:00:00Z');
const input = { caseId: 'c', mentionId: 'm', trigger: 't', facts: { text: 'hi' } as never, at: friday5pm, crisis: false };

describe('a pass counting its deadline in business hours', () => {
  it('sets the deadline in the receiving team’s hours when the case queues at once', () => {
    const step = startCase(compiled([]), { ...input, hours: { care } });
    expect(new Date(step.view.dueAt!).toISOString()).toBe('2026-01-12T10:00:00.000Z');
  });

  it('and when the checklist is done', () => {
    const map = compiled(['Look']);
    const started = startCase(map, { ...input, hours: { care } });
    expect(started.view.dueAt).toBeNull();
    const ready = stepCase(map, started.snapshot, { type: 'checklist.done', at: friday5pm, crisis: false, hours: { care } }) as CaseStep;
    expect(new Date(ready.view.dueAt!).toISOString()).toBe('2026-01-12T10:00:00.000Z');
  });

  it('runs on plain time for a team with no hours', () => {
    const step = startCase(compiled([]), { ...input, hours: {} });
    expect(step.view.dueAt).toBe(friday5pm + 2 * 3_600_000);
  });
});
