// Simulation speed: a generated crisis of 100,000 mentions over 24 h with 50 staff across
// 4 teams, against a floor measured in the same run: a bare loop that creates an XState actor
// of a 10-state machine, sends it 3 events and stops it, once per mention.
import { createActor, createMachine } from 'xstate';
import { compileMap, mapSchema, runnerFor, scenarioSchema, simulateMap } from '@baton/engine';

const MENTIONS = Number(process.env.BENCH_MENTIONS ?? 100_000);
const at = { x: 0, y: 0 };
const outage = { field: 'text', op: 'containsAny', value: ['down', 'outage', 'no signal', 'not working'] };

const map = mapSchema.parse({
  format: 'baton.map/v1', id: 'bench-outage', name: 'Outage (benchmark)', hub: 'social',
  teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'ops', name: 'Network ops' }, { id: 'pr', name: 'PR' }],
  crisis: { window: 'PT10M', threshold: 200, cooldown: 'PT30M' },
  nodes: [
    { id: 'outage', type: 'trigger', label: 'Outage', position: at, priority: 5, when: outage },
    { id: 'complaint', type: 'trigger', label: 'Complaint', position: at, when: { field: 'sentiment', op: 'lt', value: 0 } },
    { id: 'in-crisis', type: 'decision', label: 'Crisis?', position: at },
    { id: 'tag', type: 'action', label: 'Tag', position: at, do: [{ tag: 'outage' }] },
    { id: 'pr', type: 'pass', label: 'PR', position: at, to: { team: 'pr' }, expected: { action: 'Holding statement', within: 'PT15M', outcomes: ['posted'] } },
    { id: 'ops', type: 'pass', label: 'Ops', position: at, to: { team: 'ops' }, preAction: { checklist: ['Location'] }, expected: { action: 'Check the network', within: 'PT30M', outcomes: ['fixed', 'unknown'] } },
    { id: 'care', type: 'pass', label: 'Care', position: at, to: { team: 'care' }, expected: { action: 'Reply', within: 'PT1H', outcomes: ['done', 'escalate'] } },
    { id: 'social', type: 'pass', label: 'Social', position: at, to: { team: 'social' }, expected: { action: 'Escalation reply', within: 'PT2H', outcomes: ['done'] } },
    { id: 'end', type: 'end', label: 'Resolved', position: at, outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'outage', target: 'in-crisis' },
    { id: 'e2', source: 'complaint', target: 'care' },
    { id: 'e3', source: 'in-crisis', target: 'tag', when: { field: 'crisis', op: 'eq', value: true } },
    { id: 'e4', source: 'in-crisis', target: 'ops' },
    { id: 'e5', source: 'tag', target: 'pr' },
    { id: 'e6', source: 'pr', target: 'end', on: 'posted' },
    { id: 'e7', source: 'pr', target: 'end', on: 'timeout' },
    { id: 'e8', source: 'ops', target: 'care', on: 'fixed' },
    { id: 'e9', source: 'ops', target: 'care', on: 'unknown' },
    { id: 'e10', source: 'ops', target: 'care', on: 'timeout' },
    { id: 'e11', source: 'care', target: 'end', on: 'done' },
    { id: 'e12', source: 'care', target: 'social', on: 'escalate' },
    { id: 'e13', source: 'care', target: 'social', on: 'timeout' },
    { id: 'e14', source: 'social', target: 'end', on: 'done' },
    { id: 'e15', source: 'social', target: 'end', on: 'timeout' },
  ],
});

const template = { network: 'twitter', author: { handle: '@someone', followers: 120 }, text: 'x', createdAt: '2026-03-02T08:00:00Z', directedAtBrand: true };
const spike = Math.round(MENTIONS * 0.4);
const scenario = scenarioSchema.parse({
  format: 'baton.scenario/v1', name: `${MENTIONS} mentions over 24 h`, start: '2026-03-02T08:00:00Z', seed: 42,
  generate: [
    { count: MENTIONS - spike, from: 'PT0S', to: 'PT24H', template,
      texts: ['My bill is wrong again, terrible service', 'Is the network down in Leeds?', 'Love the new plan!', 'Still no signal since this morning #outage', 'App not working, useless'] },
    { count: spike, from: 'PT3H', to: 'PT5H', template, texts: ['Network DOWN everywhere #outage', 'no signal at all, what is going on', 'Is it an outage? Nothing is working'] },
  ],
  staff: {
    social: { members: 10, responseTime: { min: 'PT2M', max: 'PT10M' } },
    care: { members: 20, backup: 5, responseTime: { min: 'PT3M', max: 'PT12M' }, outcomes: { done: 9, escalate: 1 } },
    ops: { members: 15, responseTime: { min: 'PT5M', max: 'PT25M' }, outcomes: { fixed: 3, unknown: 1 } },
    pr: { members: 5, responseTime: { min: 'PT5M', max: 'PT20M' } },
  },
});

function floor(n: number): number {
  const states: Record<string, object> = {};
  for (let i = 0; i < 10; i++) states[`s${i}`] = { on: { NEXT: `s${(i + 1) % 10}` } };
  const machine = createMachine({ id: 'floor', initial: 's0', states });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const actor = createActor(machine);
    actor.start();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.stop();
  }
  return performance.now() - t0;
}

floor(5000); // warm up
const floorMs = floor(MENTIONS);
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const t0 = performance.now();
const compiled = compileMap(map);
const runner = runnerFor(compiled);
const result = simulateMap(map, scenario, { compiled, onProgress: () => { peak = Math.max(peak, process.memoryUsage().rss); } });
const simMs = performance.now() - t0;
peak = Math.max(peak, process.memoryUsage().rss);

const rate = (ms: number) => Math.round(MENTIONS / (ms / 1000));
const m = result.metrics;
console.log(`scenario: ${scenario.name}, 50 staff (+5 backups) across 4 teams`);
console.log(`result:   ${m.cases} cases, ${m.unrouted} unrouted, ${m.ended} ended, ${m.breaches} breaches, crisis windows ${m.crisis.length}`);
console.log(`simulate: ${(simMs / 1000).toFixed(2)} s wall, ${rate(simMs).toLocaleString('en')} mentions/s, peak RSS ${Math.round(peak / 1048576)} MB`);
console.log(`floor:    ${(floorMs / 1000).toFixed(2)} s wall, ${rate(floorMs).toLocaleString('en')} actors/s (create + start + 3 events + stop, 10 states)`);
console.log(`ratio:    ${(rate(simMs) / rate(floorMs)).toFixed(2)} of the floor's rate (goal ≥ 0.50)`);
// The floor makes 4 machine steps per mention (start + 3 events); a case here makes more.
const steps = runner.steps;
const simStepRate = steps / (simMs / 1000);
const floorStepRate = (4 * MENTIONS) / (floorMs / 1000);
console.log(`per step: ${(steps / MENTIONS).toFixed(1)} machine steps per mention; ${Math.round(simStepRate).toLocaleString('en')} steps/s vs the floor's ${Math.round(floorStepRate).toLocaleString('en')} (${(simStepRate / floorStepRate).toFixed(2)})`);
