import { compileMap, type CompiledMap } from '../compile/compileMap.ts';
import { parseDuration } from '../schema/common.ts';
import type { BatonMap } from '../schema/map.ts';
import type { Bar, RunFigures, VersionRun } from '../schema/rehearsal.ts';
import type { Scenario } from '../schema/scenario.ts';
import { simulateMap } from '../simulate/simulateMap.ts';
import type { SimulationResult } from '../simulate/simulationResult.ts';
import { validateScenario } from '../validate/validateScenario.ts';
import { evaluateBars } from './evaluateBars.ts';
import { RunSeriesCollector } from './runSeries.ts';

/** A version to rehearse: its number (null for an unsaved draft), its map, and the map compiled if the caller has it. */
export interface VersionToRehearse {
  version: number | null;
  map: BatonMap;
  compiled?: CompiledMap;
}

/** What rehearsing one kept scenario gives: its runs, or why it could not run. */
export type ScenarioRehearsal =
  | { ok: true; passed: boolean; submitted: VersionRun; active: VersionRun | null }
  | { ok: false; message: string };

/** The headline figures of a result (its metrics without `byNode` and `crisis`). */
export function runFigures(result: SimulationResult): RunFigures {
  const { byNode: _byNode, crisis: _crisis, ...figures } = result.metrics;
  return figures;
}

/** Runs `scenario` on one version: figures, series for charts, and the bars checked. */
export function rehearseOn(target: VersionToRehearse, scenario: Scenario, bars: readonly Bar[]): VersionRun {
  const series = new RunSeriesCollector(target.map);
  const result = simulateMap(target.map, scenario, { compiled: target.compiled ?? compileMap(target.map), onTrace: series.add });
  const until = scenario.until !== undefined ? (parseDuration(scenario.until) ?? 0) / 1000 : undefined;
  return { version: target.version, figures: runFigures(result), series: series.finish(result, until), bars: evaluateBars(target.map, result, bars) };
}

/**
 * Rehearses a kept scenario on the version under review, against its must-pass bars, and on the
 * active version beside it (its bars are checked too, for comparison; only the submitted version's
 * decide). A scenario that no longer fits the submitted map (it names a team the map dropped, …)
 * does not run: the evidence says why.
 * @example rehearseScenario({ version: 3, map }, { version: 2, map: active }, scenario, [{ metric: 'breaches', max: 0 }])
 */
export function rehearseScenario(submitted: VersionToRehearse, active: VersionToRehearse | null, scenario: Scenario, bars: readonly Bar[]): ScenarioRehearsal {
  const problem = validateScenario(scenario, submitted.map).problems.find((p) => p.severity === 'error');
  if (problem) return { ok: false, message: `The scenario does not fit this version: ${problem.message}` };
  const mine = rehearseOn(submitted, scenario, bars);
  const fitsActive = active && !validateScenario(scenario, active.map).problems.some((p) => p.severity === 'error');
  return { ok: true, passed: mine.bars.every((b) => b.passed), submitted: mine, active: fitsActive ? rehearseOn(active, scenario, bars) : null };
}
