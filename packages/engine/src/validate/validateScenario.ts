import { parseDuration } from '../schema/common.ts';
import type { BatonMap } from '../schema/map.ts';
import { SCENARIO_FORMAT, scenarioSchema } from '../schema/scenario.ts';
import { joinWords } from './describeNode.ts';
import { isJson, listOf } from './lenientMap.ts';
import { problem, toResult, type PlacedProblem, type ValidationResult } from './problem.ts';
import { formatPath, issueMessage } from './schemaIssues.ts';

type Json = Record<string, unknown>;

function durationOf(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

/** Checks that need two fields at once: min ≤ max response time, from ≤ to of a batch. */
function rangeProblems(raw: Json): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  const say = (message: string) => placed.push({ position: 0, problem: problem('E_SCHEMA', message) });
  const staff = isJson(raw.staff) ? raw.staff : {};
  for (const [team, settings] of Object.entries(staff)) {
    const time = isJson(settings) ? settings.responseTime : undefined;
    if (!isJson(time)) continue;
    const min = durationOf(time.min);
    const max = durationOf(time.max);
    if (min !== undefined && max !== undefined && min > max) {
      say(`${formatPath(['staff', team, 'responseTime'])}: min ${String(time.min)} is longer than max ${String(time.max)}; swap them.`);
    }
  }
  listOf(raw.generate).forEach((batch, i) => {
    if (!isJson(batch)) return;
    const from = durationOf(batch.from);
    const to = durationOf(batch.to);
    if (from !== undefined && to !== undefined && from > to) {
      say(`generate[${i}]: from ${String(batch.from)} is after to ${String(batch.to)}; swap them.`);
    }
  });
  return placed;
}

/** Checks against the map: staffed teams exist, scripted responses name its passes and outcomes. */
function mapProblems(raw: Json, map: BatonMap): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  const teams = new Set(listOf(map.teams).flatMap((t) => (isJson(t) && typeof t.id === 'string' ? [t.id] : [])));
  const staff = isJson(raw.staff) ? raw.staff : {};
  for (const team of Object.keys(staff)) {
    if (teams.has(team)) continue;
    placed.push({
      position: 1,
      problem: problem('E_UNKNOWN_TEAM', `staff names team '${team}', which map '${map.id}' does not list: use one of ${joinWords([...teams])}, or remove it.`),
    });
  }
  const nodes = new Map(listOf(map.nodes).flatMap((n) => (isJson(n) && typeof n.id === 'string' ? [[n.id, n] as const] : [])));
  const mentionIds = new Set(listOf(raw.mentions).flatMap((m) => (isJson(m) && isJson(m.mention) ? [m.mention.id] : [])));
  const canCheckMentions = raw.generate === undefined;
  listOf(raw.responses).forEach((response, i) => {
    if (!isJson(response)) return;
    const say = (message: string, node?: string) =>
      placed.push({ position: 2 + i, problem: problem('E_SCHEMA', `responses[${i}].${message}`, { node }) });
    const { node: nodeId, outcome, mention } = response;
    if (canCheckMentions && typeof mention === 'string' && !mentionIds.has(mention)) {
      say(`mention: '${mention}' is not the id of a mention in this scenario; check the id.`);
    }
    if (typeof nodeId !== 'string') return;
    const node = nodes.get(nodeId);
    if (!node) {
      say(`node: '${nodeId}' is not a node of map '${map.id}'; use the id of one of its passes.`);
      return;
    }
    if (node.type !== 'pass') {
      say(`node: '${nodeId}' is a${node.type === 'action' ? 'n' : ''} ${String(node.type)}, but scripted responses answer passes; use the id of a pass.`, nodeId);
      return;
    }
    const expected = isJson(node.expected) ? node.expected : {};
    const outcomes = listOf(expected.outcomes).filter((o): o is string => typeof o === 'string');
    if (typeof outcome === 'string' && !outcomes.includes(outcome)) {
      say(`outcome: pass '${nodeId}' does not declare '${outcome}'; use ${joinWords(outcomes.map((o) => `'${o}'`))}.`, nodeId);
    }
  });
  return placed;
}

/**
 * Checks a scenario (docs/scenarios.md) and, given the map it rehearses, that its staff and scripted
 * responses fit that map. Same answer shape as `validateMap`: E_SCHEMA for what does not fit
 * (including a min response time above the max and a response naming an unknown node),
 * E_UNKNOWN_TEAM for staff of a team the map lacks.
 *
 * Accepts any value and never throws.
 */
export function validateScenario(input: unknown, map?: BatonMap): ValidationResult {
  if (!isJson(input) || input.format !== SCENARIO_FORMAT) {
    const message = !isJson(input)
      ? `The document is not a Baton scenario: a scenario is a JSON object with "format": "${SCENARIO_FORMAT}".`
      : input.format === undefined
        ? `format: is missing; a Baton scenario starts with "format": "${SCENARIO_FORMAT}".`
        : `format: ${JSON.stringify(input.format)} is not a format this version of Baton reads; use "${SCENARIO_FORMAT}".`;
    return toResult([{ position: -1, problem: problem('E_SCHEMA', message) }]);
  }
  let schema: PlacedProblem[];
  try {
    const parsed = scenarioSchema.safeParse(input);
    schema = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ position: 0, problem: problem('E_SCHEMA', issueMessage(issue, input)) }));
  } catch {
    schema = [{ position: 0, problem: problem('E_SCHEMA', 'The document is nested too deeply to read: simplify it.') }];
  }
  return toResult([...schema, ...rangeProblems(input), ...(isJson(map) ? mapProblems(input, map) : [])]);
}
