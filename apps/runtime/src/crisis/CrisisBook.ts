import { CrisisTracker, durationInWords, type CompiledMap } from '@baton/engine';
import { and, eq, isNull } from 'drizzle-orm';
import { crises, mapCrisis } from '../db/schema.ts';
import type { Work } from '../cases/write.ts';
import { enqueue } from '../outbox/enqueue.ts';

type CrisisState = ReturnType<CrisisTracker['toJSON']>;

/**
 * The crisis trackers of the maps touched by one transaction: loaded from `map_crisis` on first
 * use, saved by `save()`. Onset opens a `crises` row and tells `crisis.notify` (once per crisis);
 * clearing closes it. Both are broadcast as `crisis` live events.
 */
export class CrisisBook {
  private readonly trackers = new Map<string, { tracker: CrisisTracker; dirty: boolean }>();

  constructor(private readonly w: Work) {}

  private load(mapId: string, compiled: CompiledMap) {
    let entry = this.trackers.get(mapId);
    const settings = compiled.map.crisis;
    if (!entry && settings) {
      const row = this.w.rt.db.select().from(mapCrisis).where(eq(mapCrisis.mapId, mapId)).get();
      const tracker = row ? CrisisTracker.fromJSON(settings, row.tracker as CrisisState) : new CrisisTracker(settings);
      entry = { tracker, dirty: !row };
      this.trackers.set(mapId, entry);
    }
    return entry;
  }

  /** Whether the map is in crisis (as of the last advance/record). */
  on(mapId: string, compiled: CompiledMap): boolean {
    return this.load(mapId, compiled)?.tracker.on ?? false;
  }

  /** Moves the map's tracker to `now`, clearing the crisis if its cooldown has passed. */
  advance(mapId: string, compiled: CompiledMap, now: number): void {
    const entry = this.load(mapId, compiled);
    if (!entry) return;
    const wasOn = entry.tracker.on;
    const cleared = entry.tracker.advance(now);
    entry.dirty = true;
    if (cleared === 'cleared' || (wasOn && !entry.tracker.on)) this.cleared(mapId, now);
  }

  /** Counts one mention this map's triggers matched, at `at`. */
  record(mapId: string, compiled: CompiledMap, at: number): void {
    const entry = this.load(mapId, compiled);
    if (!entry) return;
    const wasOn = entry.tracker.on;
    const onset = entry.tracker.record(at);
    entry.dirty = true;
    if (wasOn && !entry.tracker.on) this.cleared(mapId, at);
    if (onset === 'onset') this.onset(mapId, compiled, at);
  }

  private onset(mapId: string, compiled: CompiledMap, at: number): void {
    const { db } = this.w.rt;
    db.insert(crises).values({ mapId, startedAt: at }).run();
    const message = `Crisis on ${compiled.map.name}: ${compiled.map.crisis?.threshold} or more matching mentions within ${durationInWords(compiled.map.crisis?.window)}`;
    for (const recipient of compiled.map.crisis?.notify ?? []) enqueue(this.w, recipient, { kind: 'crisis', message, mapId });
    this.w.emit({ type: 'crisis', data: { mapId, on: true, since: new Date(at).toISOString() } });
  }

  private cleared(mapId: string, at: number): void {
    this.w.rt.db.update(crises).set({ endedAt: at }).where(and(eq(crises.mapId, mapId), isNull(crises.endedAt))).run();
    this.w.emit({ type: 'crisis', data: { mapId, on: false, until: new Date(at).toISOString() } });
  }

  /** Writes every touched tracker back, with the instant the scheduler must look again. */
  save(): void {
    for (const [mapId, { tracker, dirty }] of this.trackers) {
      if (!dirty) continue;
      const values = { on: tracker.on, tracker: tracker.toJSON(), nextCheckAt: tracker.nextCheckAt() };
      this.w.rt.db.insert(mapCrisis).values({ mapId, ...values }).onConflictDoUpdate({ target: mapCrisis.mapId, set: values }).run();
    }
  }
}
