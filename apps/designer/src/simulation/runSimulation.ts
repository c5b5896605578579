/**
 * Runs a simulation the way the worker does, in whichever thread calls it: the engine's result
 * plus each case's arrival time, for the timeline, and each node's timeline from the engine's trace,
 * for the badges at a scrubbed moment, and the series the charts draw.
 */
import { RunSeriesCollector, expandScenario, parseDuration, seededRandom, simulateMap } from '@baton/engine';
import type { BatonMap, Scenario, SimulateOptions } from '@baton/engine';
import { nodeTimelineBuilder } from './nodeMoments.ts';
import { runEndSec } from './openCases.ts';
import type { SimulationOutput } from './workerMessages.ts';

/** Simulates `map` against `scenario`, adding the arrival second of every case and the node timelines. */
export function runSimulation(map: BatonMap, scenario: Scenario, options: SimulateOptions = {}): SimulationOutput {
  const nodes = nodeTimelineBuilder(map);
  const series = new RunSeriesCollector(map);
  const result = simulateMap(map, scenario, { ...options, onTrace: (e) => { nodes.add(e); series.add(e); } });
  // The engine expands the scenario with a fresh generator of the same seed, so this matches its arrivals.
  const arrivals = expandScenario(scenario, seededRandom(scenario.seed ?? 1));
  const at = new Map<string, number>();
  for (const a of arrivals) if (!at.has(a.mention.id)) at.set(a.mention.id, a.at / 1000);
  const arrivalSec = result.cases.map((c) => at.get(c.mention) ?? 0);
  const until = scenario.until !== undefined ? parseDuration(scenario.until) : undefined;
  const endSec = runEndSec(result.cases, arrivalSec, until === undefined ? null : until / 1000);
  return { result, arrivalSec, endSec, nodes: nodes.finish(), series: series.finish(result, endSec) };
}
