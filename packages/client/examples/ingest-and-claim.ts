/**
 * Signs in to a running Baton, ingests a mention, and claims the case it opened.
 *
 *   BATON_URL=http://127.0.0.1:8787 BATON_EMAIL=ana@example.org BATON_PASSWORD=… \
 *   BATON_INGEST_TOKEN=… npx tsx packages/client/examples/ingest-and-claim.ts "my parcel arrived broken"
 *
 * Listening tools ingest with an ingest token (`BATON_INGEST_TOKEN`); without one, the signed-in
 * person ingests, which an admin or manager may. `BATON_BRAND` names the brand the mention concerns
 * (a map that listens to brands hears only theirs). The mention opens a case only if an approved
 * map's trigger matches it. Prints one JSON line per step; exits 1 with the server's error otherwise.
 */
import { BatonError, createClient } from '../src/index.ts';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`Set ${name}`);
  return value;
};
const say = (step: string, data: object) => console.log(JSON.stringify({ step, ...data }));

try {
  const url = env('BATON_URL', 'http://127.0.0.1:8787');
  const person = createClient({ url });
  const user = await person.signIn(env('BATON_EMAIL'), env('BATON_PASSWORD'));
  say('signed-in', { user: user.email, roles: user.roles });

  const ingestToken = process.env.BATON_INGEST_TOKEN;
  const listener = ingestToken ? createClient({ url, token: ingestToken }) : person;
  const text = process.argv[2] ?? 'My order arrived broken and nobody answers';
  const [result] = await listener.ingest({
    id: `example:${Date.now()}`, network: 'forum', author: { handle: 'example-customer' }, text, createdAt: new Date().toISOString(), directedAtBrand: true,
    ...(process.env.BATON_BRAND ? { brand: process.env.BATON_BRAND } : {}),
  });
  say('ingested', { mention: result?.id, status: result?.status, caseId: result?.caseId ?? null });
  if (!result?.caseId) {
    say('no-case', { why: 'no approved map routed this mention (see Triage in the web app)' });
    process.exit(0);
  }

  const claimed = await person.claimCase(result.caseId);
  say('claimed', { caseId: claimed.id, status: claimed.status, team: claimed.team, holder: claimed.holder, node: claimed.node });
} catch (e) {
  if (e instanceof BatonError) console.error(`Baton said ${e.status} ${e.code}: ${e.message}${e.requestId ? ` (request ${e.requestId})` : ''}`);
  else console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
