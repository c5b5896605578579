import { scenarioSchema, validateMap, validateScenario, type DrillStart, type Scenario } from '@baton/engine';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { timeOrderedId } from '../auth/secrets.ts';
import { write } from '../cases/write.ts';
import { drillMentions, drills, mapVersions, teamMembers, teams as teamsTable, users, type DrillRow } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { issuesOf } from '../http/onError.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';
import { drillUntil, planDrill } from './planDrill.ts';

/** Most mentions one drill may feed: real people work every case. */
export const MAX_DRILL_MENTIONS = 10_000;

/**
 * Starts a drill (docs/api.md#drills): checks the version (submitted or approved, without errors),
 * the scenario and the teams, fixes the participants (the members and backups of the teams taking
 * part, as the directory has them now), plans every mention in drill time and stores it all in one
 * transaction. The feeder ({@link DrillRunner}) does the rest.
 */
export function startDrill(rt: Runtime, user: SessionUser, input: DrillStart, from?: RequestContext): DrillRow {
  const { db } = rt;
  const version = db.select().from(mapVersions).where(and(eq(mapVersions.mapId, input.mapId), eq(mapVersions.version, input.version))).get();
  if (!version) throw notFound('Map version');
  if (version.state !== 'submitted' && version.state !== 'approved') {
    throw new ApiError(409, 'VERSION_STATE', `Version ${input.version} is ${version.state}; drills run on a submitted or approved version`);
  }
  const validation = validateMap(version.document);
  if (!validation.valid) throw new ApiError(422, 'INVALID_MAP', 'That version has validation errors', { problems: validation.problems });
  const parsed = scenarioSchema.safeParse(input.scenario);
  if (!parsed.success) throw new ApiError(400, 'INVALID', 'The scenario does not fit the schema', { issues: issuesOf(parsed.error) });
  const scenario: Scenario = parsed.data;
  const checked = validateScenario(scenario, rt.maps.get(input.mapId, input.version).map);
  const scenarioErrors = checked.problems.filter((p) => p.severity === 'error');
  if (scenarioErrors.length) throw new ApiError(422, 'INVALID_SCENARIO', scenarioErrors[0]!.message, { problems: scenarioErrors });
  const size = (scenario.mentions?.length ?? 0) + (scenario.generate ?? []).reduce((n, g) => n + g.count, 0);
  if (size === 0) throw new ApiError(422, 'EMPTY_SCENARIO', 'The scenario has no mentions to feed');
  if (size > MAX_DRILL_MENTIONS) throw new ApiError(422, 'TOO_LARGE', `A drill feeds at most ${MAX_DRILL_MENTIONS} mentions: real people work every case`);

  const compiled = rt.maps.get(input.mapId, input.version);
  const mapTeams = compiled.map.teams.map((t) => t.id);
  const known = new Set(db.select({ id: teamsTable.id }).from(teamsTable).where(inArray(teamsTable.id, mapTeams)).all().map((t) => t.id));
  const picked = input.teams ?? mapTeams.filter((t) => known.has(t));
  const strange = picked.filter((t) => !mapTeams.includes(t) || !known.has(t));
  if (strange.length) throw new ApiError(422, 'UNKNOWN_TEAM', `Not a team of this map in the directory: ${strange.join(', ')}`, { teams: strange });
  if (!picked.length) throw new ApiError(422, 'NO_TEAMS', 'Pick at least one team to take part');
  const participants = db.select({ userId: users.id, name: users.name, team: teamMembers.teamId, backup: teamMembers.backup })
    .from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, picked), isNull(users.disabledAt))).orderBy(teamMembers.teamId, users.name).all();

  return write(rt, (w) => {
    const id = timeOrderedId('drill', w.now);
    const plan = planDrill(id, scenario, input.speed, w.now);
    const row: DrillRow = {
      id, mapId: input.mapId, version: input.version, scenario: input.scenario, speed: input.speed, teams: picked, participants,
      state: 'running', reason: null, startedBy: user.id, startedAt: w.now, endedAt: null, total: plan.length, fed: 0,
      untilAt: drillUntil(scenario, input.speed, w.now), lastTickAt: w.now, pausedMs: 0, maxQueue: {}, crisis: null, report: null,
    };
    db.insert(drills).values(row).run();
    for (let i = 0; i < plan.length; i += 500) {
      db.insert(drillMentions).values(plan.slice(i, i + 500).map((p) => ({
        drillId: id, seq: p.seq, offset: p.offset, dueAt: p.dueAt, mention: p.mention, status: 'pending',
      }))).run();
    }
    audit(db, w.now, { actor: user.id, action: 'drill.start', target: id, from, data: { mapId: input.mapId, version: input.version, scenario: scenario.name, speed: input.speed, teams: picked } });
    return row;
  });
}
