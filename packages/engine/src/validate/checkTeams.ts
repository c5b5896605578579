import { problem, type PlacedProblem } from './problem.ts';
import { isJson, listOf, type LenientMap } from './lenientMap.ts';
import { describeNode, joinWords } from './describeNode.ts';

/**
 * E_UNKNOWN_TEAM: the hub, a pass's `to.team`, and every `{ team }` recipient (end notify, action
 * notify effects, crisis notify) must be one of the map's `teams`. Skipped when `teams` is not a
 * list (the schema check reports that).
 */
export function checkTeams(map: LenientMap): PlacedProblem[] {
  const { teams } = map;
  if (!teams) return [];
  const known = teams.size > 0 ? ` or use one of ${joinWords([...teams])}` : '';
  const placed: PlacedProblem[] = [];
  const unknown = (team: unknown): team is string => typeof team === 'string' && !teams.has(team);
  const recipientTeam = (recipient: unknown) => (isJson(recipient) ? recipient.team : undefined);

  if (unknown(map.raw.hub)) {
    placed.push({
      position: -1,
      problem: problem('E_UNKNOWN_TEAM', `The hub '${map.raw.hub}' is not one of the map's teams: add it to teams${known}.`),
    });
  }
  const crisis = map.raw.crisis;
  for (const recipient of listOf(isJson(crisis) ? crisis.notify : undefined)) {
    const team = recipientTeam(recipient);
    if (unknown(team)) {
      placed.push({
        position: -1,
        problem: problem('E_UNKNOWN_TEAM', `The crisis notifies team '${team}', which the map does not list: add it to teams${known}.`),
      });
    }
  }
  for (const node of map.nodes) {
    const at = (message: string) =>
      placed.push({ position: node.index, problem: problem('E_UNKNOWN_TEAM', message, { node: node.id }) });
    const { raw } = node;
    if (node.type === 'pass' && isJson(raw.to) && unknown(raw.to.team)) {
      at(`${describeNode(node)} passes to team '${raw.to.team}', which the map does not list: add it to teams${known}.`);
    }
    if (node.type === 'end') {
      for (const recipient of listOf(raw.notify)) {
        const team = recipientTeam(recipient);
        if (unknown(team)) at(`${describeNode(node)} notifies team '${team}', which the map does not list: add it to teams${known}.`);
      }
    }
    if (node.type === 'action') {
      for (const effect of listOf(raw.do)) {
        const team = isJson(effect) ? recipientTeam(effect.notify) : undefined;
        if (unknown(team)) at(`${describeNode(node)} notifies team '${team}', which the map does not list: add it to teams${known}.`);
      }
    }
  }
  return placed;
}
