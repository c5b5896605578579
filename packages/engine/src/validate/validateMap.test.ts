import { describe, expect, it } from 'vitest';
import { validateMap } from './validateMap.ts';
import { PROBLEM_CODES, type Problem } from './problem.ts';

type Json = Record<string, any>;
const at = { x: 0, y: 0 };

/** A small, valid outage map: trigger → decision → pass to care → resolved / escalate / timeout. */
function outageMap(): Json {
  return {
    format: 'baton.map/v1',
    id: 'network-outage',
    name: 'Network outage',
    hub: 'social',
    teams: [
      { id: 'social', name: 'Social hub' },
      { id: 'care', name: 'Customer Care' },
      { id: 'pr', name: 'Press office' },
    ],
    crisis: { window: 'PT10M', threshold: 40, notify: [{ team: 'pr' }] },
    nodes: [
      { id: 'outage', type: 'trigger', label: 'Outage talk', position: at, priority: 10,
        when: { field: 'text', op: 'containsAny', value: ['outage', 'down', 'no signal'] } },
      { id: 'route', type: 'decision', label: 'Big voice?', position: at },
      { id: 'tag', type: 'action', label: 'Tag', position: at,
        do: [{ tag: 'outage' }, { notify: { team: 'pr' }, message: 'Influencer reports an outage' }] },
      { id: 'care', type: 'pass', label: 'Care replies', position: at, to: { team: 'care' },
        preAction: { checklist: ['Check the status page'] },
        expected: { action: 'Reply with the status', within: 'PT15M', outcomes: ['resolved', 'escalate'] } },
      { id: 'pr-review', type: 'pass', label: 'PR review', position: at, to: { team: 'pr' },
        expected: { action: 'Approve a statement', within: 'PT1H', outcomes: ['done'] } },
      { id: 'closed', type: 'end', label: 'Closed', position: at, outcome: 'resolved', notify: [{ team: 'social' }] },
      { id: 'escalated', type: 'end', label: 'Escalated', position: at, outcome: 'escalated', lessons: { required: true } },
    ],
    edges: [
      { id: 'e1', source: 'outage', target: 'route' },
      { id: 'e2', source: 'route', target: 'tag', when: { field: 'author.followers', op: 'gte', value: 10000 } },
      { id: 'e3', source: 'route', target: 'care' },
      { id: 'e4', source: 'tag', target: 'care' },
      { id: 'e5', source: 'care', target: 'closed', on: 'resolved' },
      { id: 'e6', source: 'care', target: 'pr-review', on: 'escalate' },
      { id: 'e7', source: 'care', target: 'pr-review', on: 'timeout' },
      { id: 'e8', source: 'pr-review', target: 'escalated', on: 'done' },
      { id: 'e9', source: 'pr-review', target: 'escalated', on: 'timeout' },
    ],
  };
}

const codes = (problems: Problem[]) => problems.map((p) => p.code);
const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const nodeById = (map: Json, id: string) => map.nodes.find((n: Json) => n.id === id);
const edgeById = (map: Json, id: string) => map.edges.find((e: Json) => e.id === id);

describe('validateMap on a sound map', () => {
  it('finds nothing wrong', () => {
    expect(validateMap(outageMap())).toEqual({ valid: true, problems: [] });
  });
});

describe('validateMap schema problems', () => {
  it('refuses what is not a map with one clear problem', () => {
    for (const input of [null, 42, 'map', [], undefined, { format: 'baton.map/v2' }, { nodes: [] }]) {
      const { valid, problems } = validateMap(input);
      expect(valid).toBe(false);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('E_SCHEMA');
      expect(problems[0]?.message).toContain('baton.map/v1');
    }
  });

  it('names the path and the node of a schema problem', () => {
    const map = outageMap();
    nodeById(map, 'care').expected.within = '15 minutes';
    const [p] = validateMap(map).problems;
    expect(p).toEqual({
      code: 'E_SCHEMA',
      severity: 'error',
      node: 'care',
      message: 'nodes[3].expected.within: must be an ISO 8601 duration such as PT15M, PT2H or P1D',
    });
  });

  it('says what is missing or of the wrong type, in plain words', () => {
    const map = outageMap();
    delete nodeById(map, 'closed').outcome;
    nodeById(map, 'route').position = 'top left';
    edgeById(map, 'e1').label = 7;
    nodeById(map, 'tag').type = 'robot';
    const messages = only(validateMap(map).problems, 'E_SCHEMA').map((p) => p.message);
    expect(messages).toEqual([
      'nodes[1].position: must be an object, not text',
      'nodes[2].type: "robot" is not known; use one of trigger, decision, action, pass, end',
      'nodes[5].outcome: is missing; add text',
      'edges[0].label: must be text, not a whole number',
    ]);
  });

  it('asks for the member when a pass hands every case to one person', () => {
    const map = outageMap();
    nodeById(map, 'care').to = { team: nodeById(map, 'care').to.team, strategy: 'member' };
    expect(only(validateMap(map).problems, 'E_SCHEMA')).toEqual([{
      code: 'E_SCHEMA', severity: 'error', node: 'care',
      message: 'nodes[3].to.member: is missing; name the person who takes every case (user id or e-mail)',
    }]);
    nodeById(map, 'care').to.member = 'dana@example.test';
    expect(validateMap(map).valid).toBe(true);
  });

  it('still checks the graph of a map with malformed parts', () => {
    const map = outageMap();
    nodeById(map, 'care').expected.within = 'soon';
    nodeById(map, 'outage').when = { field: 'text', op: 'containsAny', value: 'outage' };
    edgeById(map, 'e5').target = 'closd';
    const { valid, problems } = validateMap(map);
    expect(valid).toBe(false);
    // 'closed' lost its only way in; care can still reach the other end through pr-review.
    expect(codes(problems)).toEqual(['E_SCHEMA', 'E_DANGLING_EDGE', 'E_BAD_CONDITION', 'W_UNREACHABLE']);
  });
});

describe('validateMap ids and edges', () => {
  it('reports duplicate node and edge ids', () => {
    const map = outageMap();
    map.nodes.push({ ...nodeById(map, 'closed') });
    map.edges.push({ ...edgeById(map, 'e1') });
    const dups = only(validateMap(map).problems, 'E_DUPLICATE_ID');
    expect(dups).toMatchObject([{ node: 'closed' }, { edge: 'e1' }]);
    expect(dups[0]?.message).toBe("nodes[5] and nodes[7] share the id 'closed': give each node its own id.");
  });

  it('reports a map without trigger', () => {
    const map = outageMap();
    map.nodes = map.nodes.filter((n: Json) => n.type !== 'trigger');
    map.edges = map.edges.filter((e: Json) => e.source !== 'outage');
    const { problems } = validateMap(map);
    expect(codes(problems)).toEqual(['E_NO_TRIGGER']);
  });

  it('reports an edge to a node that does not exist', () => {
    const map = outageMap();
    edgeById(map, 'e4').target = 'carre';
    const [p] = only(validateMap(map).problems, 'E_DANGLING_EDGE');
    expect(p).toMatchObject({ edge: 'e4' });
    expect(p?.message).toMatch(/names 'carre', which is not a node/);
  });
});

describe('validateMap teams', () => {
  it('reports every place that names a team the map does not list', () => {
    const map = outageMap();
    map.hub = 'listening';
    nodeById(map, 'care').to.team = 'customer-care';
    nodeById(map, 'closed').notify = [{ team: 'billing' }, { email: 'ops@example.org' }];
    nodeById(map, 'tag').do[1].notify = { team: 'comms' };
    map.crisis.notify = [{ team: 'legal' }];
    const problems = only(validateMap(map).problems, 'E_UNKNOWN_TEAM');
    expect(problems.map((p) => [p.node, p.message.match(/'([^']+)'/g)?.at(-1)])).toEqual([
      [undefined, "'listening'"],
      [undefined, "'legal'"],
      ['tag', "'comms'"],
      ['care', "'customer-care'"],
      ['closed', "'billing'"],
    ]);
    expect(problems[3]?.message).toBe(
      "Pass 'care' passes to team 'customer-care', which the map does not list: add it to teams or use one of social, care or pr.",
    );
  });
});

describe('validateMap outgoing edges', () => {
  it('wants exactly one edge out of a trigger and an action', () => {
    const map = outageMap();
    map.edges.push({ id: 'e10', source: 'outage', target: 'care' });
    map.edges = map.edges.filter((e: Json) => e.id !== 'e4');
    const problems = only(validateMap(map).problems, 'E_OUTGOING');
    expect(problems.map((p) => p.node)).toEqual(['outage', 'tag']);
    expect(problems[0]?.message).toMatch(/has 2 outgoing edges \('e1', 'e10'\)/);
    expect(problems[1]?.message).toMatch(/Action 'tag' has no outgoing edge/);
  });

  it('wants no edge out of an end', () => {
    const map = outageMap();
    map.edges.push({ id: 'back', source: 'closed', target: 'care' });
    expect(only(validateMap(map).problems, 'E_OUTGOING')).toMatchObject([{ node: 'closed', edge: 'back' }]);
  });

  it('refuses when and on where they mean nothing', () => {
    const map = outageMap();
    edgeById(map, 'e1').when = { field: 'crisis', op: 'eq', value: true };
    edgeById(map, 'e3').on = 'resolved';
    edgeById(map, 'e5').when = { field: 'crisis', op: 'eq', value: true };
    const problems = only(validateMap(map).problems, 'E_OUTGOING');
    expect(problems.map((p) => p.edge)).toEqual(['e1', 'e3', 'e5']);
    expect(problems[0]?.message).toMatch(/only edges leaving a decision use/);
    expect(problems[1]?.message).toMatch(/only edges leaving a pass use/);
  });

  it('wants exactly one else edge out of a decision', () => {
    const noElse = outageMap();
    edgeById(noElse, 'e3').when = { field: 'sentiment', op: 'lt', value: 0 };
    expect(only(validateMap(noElse).problems, 'E_NO_ELSE')).toMatchObject([{ node: 'route' }]);
    const twoElses = outageMap();
    delete edgeById(twoElses, 'e2').when;
    const [p] = only(validateMap(twoElses).problems, 'E_NO_ELSE');
    expect(p?.message).toMatch(/2 edges without a condition \('e2', 'e3'\)/);
  });
});

describe('validateMap pass outcomes', () => {
  it('wants an edge for every declared outcome', () => {
    const map = outageMap();
    map.edges = map.edges.filter((e: Json) => e.id !== 'e6');
    expect(only(validateMap(map).problems, 'E_OUTCOME_UNHANDLED')).toEqual([
      {
        code: 'E_OUTCOME_UNHANDLED',
        severity: 'error',
        node: 'care',
        message: "Pass 'care' declares outcome 'escalate' but no edge leaves on it: draw an edge from its 'escalate' handle.",
      },
    ]);
  });

  it('refuses an edge on an undeclared outcome, or on none', () => {
    const map = outageMap();
    edgeById(map, 'e6').on = 'escalated';
    delete edgeById(map, 'e8').on;
    const problems = only(validateMap(map).problems, 'E_OUTCOME_UNHANDLED');
    // Node problems come in node order, then edge problems in edge order.
    expect(problems.map((p) => [p.node, p.edge])).toEqual([
      ['care', undefined],
      ['pr-review', undefined],
      ['care', 'e6'],
      ['pr-review', 'e8'],
    ]);
    expect(problems[2]?.message).toMatch(/leaves pass 'care' on 'escalated', which the pass does not declare/);
  });

  it('reports two edges on the same outcome', () => {
    const map = outageMap();
    map.edges.push({ id: 'e5b', source: 'care', target: 'escalated', on: 'resolved' });
    expect(only(validateMap(map).problems, 'E_OUTGOING')).toMatchObject([{ node: 'care' }]);
  });

  it('warns about a pass without a timeout edge, and stays valid', () => {
    const map = outageMap();
    map.edges = map.edges.filter((e: Json) => e.id !== 'e7');
    const { valid, problems } = validateMap(map);
    expect(valid).toBe(true);
    expect(problems).toMatchObject([{ code: 'W_NO_TIMEOUT', severity: 'warning', node: 'care' }]);
    expect(problems[0]?.message).toMatch(/within PT15M/);
  });
});

describe('validateMap flow', () => {
  it('reports nodes from which no end can be reached', () => {
    const map = outageMap();
    map.edges = map.edges.filter((e: Json) => e.target !== 'escalated');
    map.nodes = map.nodes.filter((n: Json) => n.id !== 'escalated');
    map.edges.push({ id: 'loop', source: 'pr-review', target: 'care', on: 'done' });
    // pr-review loops back to care, which can still reach 'closed': no dead end.
    expect(only(validateMap(map).problems, 'E_DEAD_END')).toEqual([]);
    map.edges = map.edges.filter((e: Json) => e.id !== 'e5');
    map.nodes = map.nodes.filter((n: Json) => n.id !== 'closed');
    expect(only(validateMap(map).problems, 'E_DEAD_END').map((p) => p.node)).toEqual(['outage', 'route', 'tag', 'care', 'pr-review']);
  });

  it('warns about nodes no trigger reaches', () => {
    const map = outageMap();
    map.nodes.push({ id: 'orphan', type: 'end', label: 'Orphan', position: at, outcome: 'x' });
    const { valid, problems } = validateMap(map);
    expect(valid).toBe(true);
    expect(problems).toMatchObject([{ code: 'W_UNREACHABLE', severity: 'warning', node: 'orphan' }]);
  });
});

describe('validateMap conditions', () => {
  it('reports bad trigger and decision conditions with their path', () => {
    const map = outageMap();
    nodeById(map, 'outage').when = {
      all: [
        { field: 'text', op: 'containsAny', value: ['outage'] },
        { field: 'author.followers', op: 'gt', value: '10k' },
        { field: 'mood', op: 'eq', value: 'angry' },
      ],
    };
    edgeById(map, 'e2').when = { field: 'text', op: 'matches', value: '(?<=no )signal' };
    const problems = only(validateMap(map).problems, 'E_BAD_CONDITION');
    expect(problems.map((p) => [p.node ?? p.edge, p.message])).toEqual([
      ['outage', "Trigger 'outage': when.all[1].value: author.followers gt needs a number, got the text \"10k\"."],
      ['outage', expect.stringMatching(/^Trigger 'outage': when\.all\[2\]\.field: unknown field "mood"; use one of/)],
      ['e2', expect.stringMatching(/^Edge 'e2' \(route → tag\): when\.value: the pattern lookbehind is not supported; /)],
    ]);
    expect(codes(validateMap(map).problems)).not.toContain('E_SCHEMA');
  });

  it('reports a malformed condition as a bad condition, not twice', () => {
    const map = outageMap();
    nodeById(map, 'outage').when = { any: [{ field: 'text', op: 'exists', colour: 'red' }] };
    expect(codes(validateMap(map).problems)).toEqual(['E_BAD_CONDITION']);
    delete nodeById(map, 'outage').when;
    expect(validateMap(map).problems).toMatchObject([{ code: 'E_SCHEMA', node: 'outage', message: 'nodes[0].when: must be a condition: { all }, { any }, { not } or { field, op, value }' }]);
  });
});

describe('validateMap order and robustness', () => {
  it('lists problems by code, then document order', () => {
    const map = outageMap();
    nodeById(map, 'escalated').label = '';
    map.nodes.push({ id: 'orphan', type: 'action', label: 'x', position: at, do: [] });
    edgeById(map, 'e1').target = 'nowhere';
    nodeById(map, 'care').to.team = 'ghosts';
    const found = codes(validateMap(map).problems);
    const sorted = [...found].sort((a, b) => PROBLEM_CODES.indexOf(a) - PROBLEM_CODES.indexOf(b));
    expect(found).toEqual(sorted);
    expect(found[0]).toBe('E_SCHEMA');
    expect(found.at(-1)).toBe('W_UNREACHABLE');
  });

  it('never throws, whatever it is given', () => {
    let seed = 20260101;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const words = ['trigger', 'decision', 'action', 'pass', 'end', 'timeout', 'care', 'social', 'e1', 'n1', 'n2', 'when', 'on', 'all', 'any', 'not', 'text', 'containsAny', 'gt', 'PT15M', '', '(?=x)'];
    const keys = ['id', 'type', 'source', 'target', 'when', 'on', 'to', 'team', 'expected', 'outcomes', 'within', 'notify', 'do', 'field', 'op', 'value', 'all', 'any', 'not', 'label', 'position', 'x', 'y', 'hub', 'teams', 'crisis', 'nodes', 'edges', '__proto__', 'constructor'];
    const junk = (depth: number): unknown => {
      const r = random();
      if (depth > 5 || r < 0.3) return pick([null, true, false, 0, -1, 1e308, 0.5, pick(words), undefined]);
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 5) }, () => junk(depth + 1));
      const obj: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) obj[pick(keys)] = junk(depth + 1);
      return obj;
    };
    for (let i = 0; i < 3000; i++) {
      const base = outageMap();
      const input = random() < 0.5 ? junk(0) : { ...base, [pick(keys)]: junk(1), nodes: [...base.nodes, junk(1)], edges: [...base.edges, junk(1)] };
      const result = validateMap(input);
      expect(typeof result.valid).toBe('boolean');
      for (const p of result.problems) expect(typeof p.message).toBe('string');
    }
    let deep: unknown = { field: 'crisis', op: 'eq', value: true };
    for (let i = 0; i < 20_000; i++) deep = { not: deep };
    const map = outageMap();
    nodeById(map, 'outage').when = deep;
    nodeById(map, 'care').expected.within = 'soon';
    expect(validateMap(map).problems).toMatchObject([
      { code: 'E_SCHEMA', node: 'care', message: expect.stringMatching(/^nodes\[3\]\.expected\.within: /) },
      { code: 'E_BAD_CONDITION', node: 'outage', message: expect.stringMatching(/nested more than 32 levels/) },
    ]);
  });
});

describe('a pass lists each outcome once', () => {
  it('refuses the same outcome twice as a schema error on that pass, naming it', () => {
    const map = outageMap();
    nodeById(map, 'care').expected.outcomes = ['resolved', 'resolved'];
    const result = validateMap(map);
    expect(result.valid).toBe(false);
    expect(only(result.problems, 'E_SCHEMA')).toEqual([{
      code: 'E_SCHEMA', severity: 'error', node: 'care',
      message: 'nodes[3].expected.outcomes[1]: "resolved" is listed twice; name each outcome once',
    }]);
    nodeById(map, 'care').expected.outcomes = ['resolved'];
    expect(codes(validateMap(map).problems)).not.toContain('E_SCHEMA');
  });
});
