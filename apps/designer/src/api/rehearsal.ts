/**
 * Typed calls for rehearsal before approval (docs/api.md "Rehearsal"): scenarios kept with a map
 * and their must-pass bars, the evidence stored with a submitted version, approving despite failed
 * evidence (admins), and the replay of real mentions.
 */
import type { Bar } from '@baton/engine';
import type { InferResponseType } from 'hono/client';
import { answer, client } from './client.ts';

const maps = client.api.maps;
const enc = encodeURIComponent;

/** A scenario kept with a map. */
export type KeptScenario = InferResponseType<(typeof maps)[':id']['scenarios']['$get'], 200>['scenarios'][number];
/** A version's evidence. */
export type VersionEvidence = InferResponseType<(typeof maps)[':id']['versions'][':version']['evidence']['$get'], 200>;
/** A replay's answer. */
export type Replay = InferResponseType<(typeof maps)[':id']['replay']['$post'], 200>;

export const rehearsalApi = {
  kept: (id: string) => answer(maps[':id'].scenarios.$get({ param: { id: enc(id) } })),
  keep: (id: string, scenario: Record<string, unknown>, mustPass: Bar[]) =>
    answer(maps[':id'].scenarios.$post({ param: { id: enc(id) }, json: { scenario, mustPass } })),
  edit: (id: string, scenarioId: string, scenario: Record<string, unknown>, mustPass: Bar[]) =>
    answer(maps[':id'].scenarios[':scenarioId'].$put({ param: { id: enc(id), scenarioId: enc(scenarioId) }, json: { scenario, mustPass } })),
  remove: (id: string, scenarioId: string) =>
    answer(maps[':id'].scenarios[':scenarioId'].$delete({ param: { id: enc(id), scenarioId: enc(scenarioId) } })),
  evidence: (id: string, version: number) =>
    answer(maps[':id'].versions[':version'].evidence.$get({ param: { id: enc(id), version: String(version) } })),
  /** An admin approves despite failed evidence, saying why (kept in the audit log). */
  approveDespite: (id: string, version: number, override: string, comment?: string) =>
    answer(maps[':id'].versions[':version'].approve.$post({ param: { id: enc(id), version: String(version) }, json: { override, ...(comment ? { comment } : {}) } })),
  replay: (id: string, version: number | 'draft' | 'latest', days: number) =>
    answer(maps[':id'].replay.$post({ param: { id: enc(id) }, json: { version, days } })),
};
