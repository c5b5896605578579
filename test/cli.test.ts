import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const example = (name: string) => join(root, 'examples', name, `${name}.map.json`);
const scenarios = (name: string) =>
  readdirSync(join(root, 'examples', name)).filter((f) => f.endsWith('.scenario.json')).map((f) => join(root, 'examples', name, f));

/** Runs the real `baton` command as a user would (`npx baton …` resolves to this bin). */
function baton(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'baton-cli-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('baton validate', () => {
  it('says a shipped map is valid and exits 0', () => {
    const r = baton('validate', example('customer-complaint'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid/);
  });

  it('prints every problem as JSON and exits 1 for an invalid map', () => {
    const map = {
      format: 'baton.map/v1', id: 'broken', name: 'Broken', hub: 'social', teams: [{ id: 'social', name: 'Social' }],
      nodes: [
        { id: 't', type: 'trigger', label: 'T', position: { x: 0, y: 0 }, when: { field: 'nope', op: 'eq', value: 1 } },
        { id: 'p', type: 'pass', label: 'P', position: { x: 0, y: 0 }, to: { team: 'legal' },
          expected: { action: 'Review', within: 'PT1H', outcomes: ['ok'] } },
      ],
      edges: [{ id: 'e', source: 't', target: 'p' }],
    };
    const r = baton('validate', write('broken.map.json', JSON.stringify(map)), '--json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out);
    expect(result.valid).toBe(false);
    const codes = result.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['E_BAD_CONDITION', 'E_UNKNOWN_TEAM', 'E_OUTCOME_UNHANDLED', 'E_DEAD_END', 'W_NO_TIMEOUT']));
  });

  it.each([
    ['a missing file', () => join(tmp, 'missing.map.json'), /no such file/],
    ['bad JSON', () => write('bad.json', '{"format": "baton.map/v1",'), /not valid JSON/],
    ['a document that is not a map', () => write('other.json', '{"hello": 1}'), /not a Baton map/],
  ])('gives one clear line and exit 2 for %s', (_, path, message) => {
    const r = baton('validate', path());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('baton validate, a map without its format line', () => {
  it('is still read as a map: the missing format is a listed problem (exit 1), not a refusal', () => {
    const map = { id: 'x', name: 'X', hub: 'social', teams: [{ id: 'social', name: 'Social' }], nodes: [], edges: [] };
    const r = baton('validate', write('no-format.map.json', JSON.stringify(map)), '--json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out);
    expect(result.problems[0]).toMatchObject({ code: 'E_SCHEMA', severity: 'error' });
    expect(result.problems[0].message).toMatch(/format/);
  });
});

describe('baton compile', () => {
  it('prints the XState machine config with a state per node', () => {
    const r = baton('compile', example('customer-complaint'));
    expect(r.code).toBe(0);
    const config = JSON.parse(r.out);
    expect(config.initial).toBe('(start)');
    expect(Object.keys(config.states).length).toBeGreaterThan(3);
  });
});

describe('baton simulate', () => {
  it('prints exactly the result shape of docs/scenarios.md as JSON, the same bytes twice', () => {
    const [scenario] = scenarios('customer-complaint');
    const a = baton('simulate', example('customer-complaint'), scenario!, '--json');
    expect(a.code).toBe(0);
    const result = JSON.parse(a.out);
    expect(Object.keys(result)).toEqual(['map', 'scenario', 'cases', 'attached', 'metrics']);
    expect(Object.keys(result.metrics)).toEqual([
      'mentions', 'cases', 'unrouted', 'ended', 'open', 'breaches', 'pickupSec', 'resolvedSec', 'byNode', 'byTeam', 'crisis',
    ]);
    expect(baton('simulate', example('customer-complaint'), scenario!, '--json').out).toBe(a.out);
  });

  it('prints a readable summary by default', () => {
    const [scenario] = scenarios('network-outage-crisis');
    const r = baton('simulate', example('network-outage-crisis'), scenario!);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/mentions [\d,]+ · cases/);
    expect(r.out).toMatch(/team\s+handled\s+max queue/);
  });

  it('refuses a scenario with errors with exit 1 and names the problem', () => {
    const scenario = write('bad.scenario.json', JSON.stringify({ format: 'baton.scenario/v1', name: 'x', start: 'yesterday', staff: {} }));
    const r = baton('simulate', example('customer-complaint'), scenario);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/start/);
  });
});

describe('output into a pipe the reader closes early', () => {
  it('`baton simulate … --json | head -c` ends quietly with exit 0, no EPIPE stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), 'simulate', example('sales-opportunity'), join(root, 'examples/sales-opportunity/launch-day-spike.scenario.json'), '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // The spike's result (~500 kB) is far bigger than a pipe's buffer. Read the first chunk, as
    // `head` would, then close our end of the pipe while the command is still writing.
    const first = await new Promise<string>((ok) => child.stdout.once('data', (d: Buffer) => ok(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    expect(first.startsWith('{')).toBe(true);
    expect(err).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);
});
