import { SCENARIO_FORMAT, durationInWords, scenarioSchema, simulateMap, validateScenario, type BatonMap, type SimulationResult } from '@baton/engine';
import { CliError, loadDocument, parseArgs } from './loadDocument.ts';
import { loadMap } from './loadMap.ts';
import { formatProblems } from './formatProblems.ts';
import { progressBar } from './progressBar.ts';

/**
 * `baton simulate MAP SCENARIO [--json]`: rehearses the map in virtual time. `--json` prints
 * exactly the result docs/scenarios.md#the-result describes; the default is a readable summary.
 */
export async function runSimulate(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  const { map } = await loadMap(positional[0]);
  const doc = await loadDocument(positional[1], SCENARIO_FORMAT, 'Baton scenario');
  const checked = validateScenario(doc, map);
  if (!checked.valid) throw new CliError(`${positional[1]}: the scenario has errors:\n${formatProblems(checked.problems)}`, 1);
  const bar = progressBar('simulating');
  // A valid scenario fits the schema; parsing gives it its type (the schema has no defaults that would change it).
  const result = simulateMap(map as BatonMap, scenarioSchema.parse(doc), { onProgress: bar.update });
  bar.finish();
  process.stdout.write(flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : summary(result, map as BatonMap));
  return 0;
}

const n = (x: number) => x.toLocaleString('en');
const pad = (s: string, w: number) => s.padEnd(w);
const padL = (s: string, w: number) => s.padStart(w);

function summary(result: SimulationResult, map: BatonMap): string {
  const m = result.metrics;
  const lines: string[] = [];
  lines.push(`Simulated "${result.scenario}" on "${map.name}"`, '');
  lines.push(
    `  mentions ${n(m.mentions)} · cases ${n(m.cases)} · unrouted ${n(m.unrouted)} · attached ${n(result.attached.length)}` +
      ` · ended ${n(m.ended)} · open ${n(m.open)} · breaches ${n(m.breaches)}`,
  );
  lines.push(`  pick-up   p50 ${durationInWords(m.pickupSec.p50, { unit: 's' })} · p90 ${durationInWords(m.pickupSec.p90, { unit: 's' })} · max ${durationInWords(m.pickupSec.max, { unit: 's' })}`);
  lines.push(`  resolved  p50 ${durationInWords(m.resolvedSec.p50, { unit: 's' })} · p90 ${durationInWords(m.resolvedSec.p90, { unit: 's' })} · max ${durationInWords(m.resolvedSec.max, { unit: 's' })}`, '');
  const teamName = new Map(map.teams.map((t) => [t.id, t.name]));
  const tw = Math.max(4, ...map.teams.map((t) => t.name.length)) + 2;
  lines.push(`  ${pad('team', tw)}${padL('handled', 9)}${padL('max queue', 11)}${padL('busy', 7)}`);
  for (const [id, t] of Object.entries(m.byTeam)) {
    lines.push(`  ${pad(teamName.get(id) ?? id, tw)}${padL(n(t.handled), 9)}${padL(n(t.maxQueue), 11)}${padL(`${Math.round(t.utilization * 100)}%`, 7)}`);
  }
  lines.push('');
  const nw = Math.max(4, ...map.nodes.map((x) => x.label.length)) + 2;
  lines.push(`  ${pad('node', nw)}${padL('entered', 9)}${padL('breaches', 10)}`);
  for (const node of map.nodes) {
    const b = m.byNode[node.id];
    if (b) lines.push(`  ${pad(node.label, nw)}${padL(n(b.entered), 9)}${padL(n(b.breaches), 10)}`);
  }
  if (m.crisis.length) {
    lines.push('');
    for (const c of m.crisis) {
      lines.push(`  crisis from ${durationInWords(c.fromSec, { unit: 's' })} to ${c.toSec === null ? 'the end of the run (still on)' : durationInWords(c.toSec, { unit: 's' })} after the start`);
    }
  }
  return `${lines.join('\n')}\n`;
}
