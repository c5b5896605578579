import { describe, expect, it } from 'vitest';
import { simulateMap, validateScenario } from '@baton/engine';
import type { BatonMap } from '@baton/engine';
import customerComplaint from '../../../../examples/customer-complaint/customer-complaint.map.json';
import { buildSpikeScenario, spikeStart } from './spikeScenario.ts';

const map = customerComplaint as BatonMap;
const staff = Object.fromEntries(map.teams.map((t) => [t.id, { members: 2, backup: 1, responseTime: '10 min' }]));

describe('buildSpikeScenario', () => {
  it('builds a baton.scenario/v1 document that fits the map and runs', () => {
    const built = buildSpikeScenario({ count: 120, over: '30 min', texts: 'my order is late\n\nwhere is my refund?', staff, start: '2026-01-01T09:00:00Z' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const s = built.scenario;
    expect(s.format).toBe('baton.scenario/v1');
    expect(s.name).toBe('Quick spike: 120 mentions in 30 min');
    expect(s.generate?.[0]).toMatchObject({ count: 120, from: 'PT0S', to: 'PT30M', texts: ['my order is late', 'where is my refund?'] });
    expect(s.staff.care).toEqual({ members: 2, backup: 1, responseTime: 'PT10M' });
    expect(validateScenario(s, map).problems).toEqual([]);
    expect(simulateMap(map, s).metrics.mentions).toBe(120);
  });

  it('keeps a single text as the template text, without a texts list', () => {
    const built = buildSpikeScenario({ count: 5, over: '1 h', texts: 'down again', staff: {}, start: '2026-01-01T09:00:00Z' });
    expect(built.ok && built.scenario.generate?.[0]).toMatchObject({ to: 'PT1H', template: { text: 'down again' } });
    expect(built.ok && 'texts' in built.scenario.generate![0]!).toBe(false);
  });

  it('says in words what to fix', () => {
    const built = buildSpikeScenario({ count: 0, over: 'soon', texts: '  ', staff: { care: { members: -1, backup: 0, responseTime: 'quickly' } }, start: '2026-01-01T09:00:00Z' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems).toEqual([
      'How many mentions: give a number from 1 to 100,000.',
      'Over how long: “soon” is not a duration; write it like “30 min” or “2 h”.',
      'What they say: write at least one line of text.',
      'care: response time “quickly” is not a duration; write it like “10 min”.',
      'care: members must be a whole number, 0 or more.',
    ]);
  });

  it('starts a spike at the top of the current hour', () => {
    expect(spikeStart(new Date('2026-05-04T13:47:12.345Z'))).toBe('2026-05-04T13:00:00Z');
  });
});
