/**
 * `baton serve --demo` (`npm run demo`): loads the example maps as approved versions, creates their
 * teams with demo agents, then replays the examples' hand-written scenarios in compressed time
 * (one scenario minute per second, over and over) while demo agents work some of the cases, so a
 * newcomer sees queues fill, cases get claimed, passed on and closed.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDuration, scenarioSchema, type Mention } from '@baton/engine';
import { and, eq, inArray } from 'drizzle-orm';
import type { BatonApp } from './app.ts';
import { createUser } from './auth/createUser.ts';
import { loadSessionUser } from './auth/sessionUser.ts';
import { claim, learn, reportOutcome, tick } from './cases/caseActions.ts';
import { ingestMentions } from './cases/ingest.ts';
import { cannedReplies, cases, mapVersions, teamMembers, users } from './db/schema.ts';
import { importMap } from './maps/importMap.ts';
import type { SessionUser } from './http/AppEnv.ts';

const EXAMPLES = resolve(fileURLToPath(import.meta.url), '../../../../examples');
/** Real milliseconds per scenario minute. */
const MS_PER_SCENARIO_MINUTE = 1000;

/** One mention of the demo's feed, `at` real milliseconds into a round. */
export interface Feed { at: number; mention: Mention }

/**
 * The example maps and the feed of their hand-written scenarios' mentions, in time order. Each
 * example listens to its own brand and its mentions carry it, so no example's mention starts a case
 * on another example's map.
 */
export function loadExamples(): { maps: Record<string, unknown>[]; feed: Feed[] } {
  const maps: Record<string, unknown>[] = [];
  const feed: Feed[] = [];
  let dirs: string[] = [];
  try {
    dirs = readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return { maps, feed };
  }
  for (const name of dirs) {
    try {
      maps.push(JSON.parse(readFileSync(join(EXAMPLES, name, `${name}.map.json`), 'utf8')));
      for (const file of readdirSync(join(EXAMPLES, name)).filter((f) => f.endsWith('.scenario.json'))) {
        const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, name, file), 'utf8')));
        if (scenario.generate?.length) continue; // the spikes are for the simulator
        for (const m of scenario.mentions ?? []) feed.push({ at: ((parseDuration(m.at) ?? 0) / 60_000) * MS_PER_SCENARIO_MINUTE, mention: m.mention });
      }
    } catch {
      // an example being edited right now: leave it out of the demo
    }
  }
  feed.sort((a, b) => a.at - b.at);
  return { maps, feed };
}

/** Approves the example maps and staffs their teams; prints how to sign in as a demo agent. */
async function prepare(app: BatonApp, maps: Record<string, unknown>[]): Promise<SessionUser[]> {
  const { db, clock } = app.rt;
  for (const doc of maps) {
    const live = db.select().from(mapVersions).where(and(eq(mapVersions.mapId, String(doc.id)), eq(mapVersions.state, 'approved'))).get();
    if (!live) importMap(db, doc, { approve: true, createTeams: true, actor: 'demo', now: clock.now() });
  }
  const teamIds = [...new Set(maps.flatMap((m) => (m.teams as { id: string }[]).map((t) => t.id)))];
  const created: string[] = [];
  for (const team of teamIds) {
    for (const n of [1, 2]) {
      const email = `${team}${n}@demo.baton.test`;
      if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) continue;
      const password = randomBytes(9).toString('base64url');
      await createUser(db, { email, name: `${team} agent ${n}`, password, roles: ['agent'], teams: [team] }, clock.now());
      created.push(`    ${email.padEnd(40)} ${password}`);
    }
  }
  // Two canned replies per team, so the reply box has something to offer.
  for (const team of teamIds) {
    if (db.select({ id: cannedReplies.id }).from(cannedReplies).where(eq(cannedReplies.teamId, team)).get()) continue;
    db.insert(cannedReplies).values([
      { teamId: team, title: 'We are on it', text: 'Hi {author.name}, thanks for telling us. We are looking into it now and will come back to you here.', createdBy: null, createdAt: clock.now() },
      { teamId: team, title: 'Moving to DM', text: 'Hi {author.name}, could you send us a direct message with your order number? Our reference is {case.id}.', createdBy: null, createdAt: clock.now() },
    ]).run();
  }
  if (created.length) {
    console.log('\nDemo agents (passwords made up just now; shown once):');
    console.log(created.join('\n'));
  }
  const members = db.select({ userId: teamMembers.userId }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, teamIds)).all();
  return [...new Set(members.map((m) => m.userId))].map((id) => loadSessionUser(db, id)!).filter((u) => u.email.endsWith('@demo.baton.test'));
}

/** Demo agents work some cases: tick checklists, claim, report the first outcome, write lessons. */
function work(app: BatonApp, agents: SessionUser[]): void {
  const { db } = app.rt;
  const open = db.select().from(cases).where(inArray(cases.status, ['preparing', 'waiting', 'held', 'closing'])).all();
  for (const c of open) {
    const age = app.rt.clock.now() - c.updatedAt;
    const agent = agents.find((a) => c.team && a.teams.includes(c.team) && (c.status !== 'held' || c.holder === a.id));
    if (!agent || age < 4000 || Math.random() < 0.4) continue; // leave some work for the people watching
    const view = c.view as { outcomes: string[] };
    try {
      if (c.status === 'preparing') tick(app.rt, agent, c.id, { all: true }, true);
      else if (c.status === 'waiting') claim(app.rt, agent, c.id, app.rt.config.leaseMs);
      else if (c.status === 'held' && view.outcomes[0]) reportOutcome(app.rt, agent, c.id, view.outcomes[0], 'Handled by the demo agent');
      else if (c.status === 'closing') learn(app.rt, agent, c.id, 'Demo lesson: reply sooner.');
    } catch {
      // someone else (a person trying the demo) got there first
    }
  }
}

/** Runs the demo against a started server: maps, teams, agents, then a feed that never ends. */
export async function runDemo(app: BatonApp, url: string): Promise<void> {
  const { maps, feed } = loadExamples();
  if (!maps.length) {
    console.log('Demo: no example maps found under examples/; serving without a demo feed.');
    return;
  }
  const agents = await prepare(app, maps);
  console.log(`\nDemo: ${maps.length} example maps approved; replaying ${feed.length} mentions every ${Math.ceil((feed.at(-1)?.at ?? 0) / 1000) + 30} s. Open ${url}\n`);
  let round = 0;
  const play = () => {
    round++;
    const suffix = `${Date.now().toString(36)}-${round}`;
    for (const f of feed) {
      setTimeout(() => {
        const m = { ...f.mention, id: `${f.mention.id}~${suffix}`, createdAt: new Date().toISOString(), ...(f.mention.inReplyTo ? { inReplyTo: `${f.mention.inReplyTo}~${suffix}` } : {}) };
        try {
          ingestMentions(app.rt, [m]);
        } catch (e) {
          app.rt.log.error({ msg: 'demo ingest failed', error: String(e) });
        }
      }, f.at).unref();
    }
    setTimeout(play, (feed.at(-1)?.at ?? 0) + 30_000).unref();
  };
  play();
  setInterval(() => work(app, agents), 2000).unref();
}
