import { describe, expect, it } from 'vitest';
import type { BatonMap } from '../schema/map.ts';
import { validateScenario } from './validateScenario.ts';

const at = { x: 0, y: 0 };
const map: BatonMap = {
  format: 'baton.map/v1',
  id: 'complaints',
  name: 'Complaints',
  hub: 'social',
  teams: [{ id: 'social', name: 'Social hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 'angry', type: 'trigger', label: 'Angry', position: at, priority: 0, when: { field: 'sentiment', op: 'lt', value: -0.3 } },
    { id: 'care', type: 'pass', label: 'Care', position: at, to: { team: 'care' },
      expected: { action: 'Reply', within: 'PT2H', outcomes: ['resolved', 'escalate'] } },
    { id: 'done', type: 'end', label: 'Done', position: at, outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'angry', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'resolved' },
    { id: 'e3', source: 'care', target: 'done', on: 'escalate' },
  ],
};

function scenario(): Record<string, any> {
  return {
    format: 'baton.scenario/v1',
    name: 'Monday morning',
    start: '2026-03-02T09:00:00Z',
    seed: 7,
    mentions: [
      {
        at: 'PT0S',
        mention: {
          id: 'twitter:1', network: 'twitter', author: { handle: '@maria_k' },
          text: '@ShopCo my order is 9 days late. Unacceptable.', createdAt: '2026-03-02T09:00:00Z',
        },
      },
    ],
    staff: { care: { members: 2, responseTime: { min: 'PT5M', max: 'PT20M' }, outcomes: { resolved: 3, escalate: 1 } } },
    responses: [{ mention: 'twitter:1', node: 'care', outcome: 'escalate', after: 'PT10M' }],
  };
}

describe('validateScenario', () => {
  it('accepts a sound scenario for its map', () => {
    expect(validateScenario(scenario(), map)).toEqual({ valid: true, problems: [] });
  });

  it('refuses what is not a scenario with one problem', () => {
    for (const input of [null, 'x', [], { format: 'baton.map/v1' }]) {
      const { problems } = validateScenario(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'E_SCHEMA', severity: 'error' });
    }
  });

  it('reports schema problems by path', () => {
    const s = scenario();
    s.staff.care.members = -1;
    s.mentions[0].at = 'later';
    const messages = validateScenario(s).problems.map((p) => p.message);
    expect(messages).toEqual([
      'mentions[0].at: must be an ISO 8601 duration such as PT15M, PT2H or P1D',
      'staff.care.members: must be at least 0',
    ]);
  });

  it('reports a min response time above the max, and a batch that ends before it starts', () => {
    const s = scenario();
    s.staff.care.responseTime = { min: 'PT1H', max: 'PT10M' };
    s.generate = [{ count: 10, from: 'PT30M', to: 'PT0S', template: { network: 'twitter', author: { handle: '@x' }, text: 'down' } }];
    expect(validateScenario(s).problems.map((p) => p.message)).toEqual([
      'staff.care.responseTime: min PT1H is longer than max PT10M; swap them.',
      'generate[0]: from PT30M is after to PT0S; swap them.',
    ]);
  });

  it('reports staff of a team the map does not have', () => {
    const s = scenario();
    s.staff.billing = { members: 1, responseTime: 'PT30M' };
    expect(validateScenario(s, map).problems).toEqual([
      {
        code: 'E_UNKNOWN_TEAM',
        severity: 'error',
        message: "staff names team 'billing', which map 'complaints' does not list: use one of social or care, or remove it.",
      },
    ]);
    expect(validateScenario(s).valid).toBe(true);
  });

  it('reports scripted responses that name an unknown node, a non-pass, an undeclared outcome or mention', () => {
    const s = scenario();
    s.responses = [
      { mention: 'twitter:1', node: 'carre', outcome: 'resolved' },
      { mention: 'twitter:1', node: 'angry', outcome: 'resolved' },
      { mention: 'twitter:1', node: 'care', outcome: 'refunded' },
      { mention: 'twitter:404', node: 'care', outcome: 'resolved' },
    ];
    const problems = validateScenario(s, map).problems;
    expect(problems.map((p) => [p.code, p.node, p.message])).toEqual([
      ['E_SCHEMA', undefined, "responses[0].node: 'carre' is not a node of map 'complaints'; use the id of one of its passes."],
      ['E_SCHEMA', 'angry', "responses[1].node: 'angry' is a trigger, but scripted responses answer passes; use the id of a pass."],
      ['E_SCHEMA', 'care', "responses[2].outcome: pass 'care' does not declare 'refunded'; use 'resolved' or 'escalate'."],
      ['E_SCHEMA', undefined, "responses[3].mention: 'twitter:404' is not the id of a mention in this scenario; check the id."],
    ]);
  });

  it('never throws on junk', () => {
    for (const junk of [{ format: 'baton.scenario/v1', staff: 3, responses: 'x', generate: [null, { from: 1 }] }, { format: 'baton.scenario/v1', staff: { a: { responseTime: { min: 1 } } } }]) {
      expect(validateScenario(junk, map).valid).toBe(false);
      expect(validateScenario(junk, { junk: true } as unknown as BatonMap).valid).toBe(false);
    }
  });
});
