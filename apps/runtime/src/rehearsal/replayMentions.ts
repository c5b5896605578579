import { RoutingReplay, type CompiledMap, type Mention, type ReplayResult } from '@baton/engine';
import type { Runtime } from '../Runtime.ts';

/** Mentions read per page: enough to keep SQLite busy, few enough to hold. */
export const REPLAY_PAGE = 2_000;

/** Pages between two yields to the event loop, so other requests are answered during a long replay. */
const PAGES_PER_TURN = 1;

interface MentionPageRow {
  seq: number;
  receivedAt: number;
  brand: string | null;
  document: string;
}

/**
 * Replays the real mentions received between `from` and `to` (epoch ms) on `after` and on
 * `before` (the active version; null when none): mentions are read from SQLite a page at a time,
 * in arrival order, each map compiled once by the caller; only counts and the listed changes are
 * held. Mentions that joined an open case's conversation are left out (they started no case).
 */
export async function replayMentions(
  rt: Runtime,
  target: { mapId: string; version: number; compiled: CompiledMap },
  active: { version: number; compiled: CompiledMap } | null,
  from: number,
  to: number,
  limit = 500,
): Promise<ReplayResult> {
  const replay = new RoutingReplay(active?.compiled ?? null, target.compiled, { limit });
  const page = rt.db.$client.prepare(
    `select seq, received_at as receivedAt, brand, document from mentions
     where seq > ? and received_at >= ? and received_at <= ? and status <> 'attached'
     order by seq limit ?`,
  );
  let after = 0;
  let pages = 0;
  for (;;) {
    const rows = page.all(after, from, to, REPLAY_PAGE) as MentionPageRow[];
    if (!rows.length) break;
    for (const r of rows) {
      const mention = JSON.parse(r.document) as Mention;
      if (r.brand && mention.brand === undefined) mention.brand = r.brand;
      replay.add(mention, new Date(r.receivedAt).toISOString());
    }
    after = rows[rows.length - 1]!.seq;
    if (rows.length < REPLAY_PAGE) break;
    if (++pages % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    map: target.mapId, version: target.version, activeVersion: active?.version ?? null,
    from: new Date(from).toISOString(), to: new Date(to).toISOString(),
    ...replay.result(),
  };
}

