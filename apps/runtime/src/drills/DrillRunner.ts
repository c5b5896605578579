import { eq } from 'drizzle-orm';
import { write } from '../cases/write.ts';
import { drillMentions, drills } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { feedDrill, openDrillCases } from './feedDrill.ts';
import { finishDrill } from './finishDrill.ts';
import { sql } from 'drizzle-orm';

/** A drill whose runtime was down longer than this stops at the restart instead of resuming. */
export const RESUME_LIMIT_MS = 15 * 60_000;

/**
 * Runs the drills: feeds each running drill's due mentions (docs/semantics.md#drills), ends a drill
 * as `done` once every mention is fed and every case is over (or the scenario's `until` has come),
 * and after a restart resumes a drill where it paused — the time the runtime was down is added to
 * what is still to come — or stops it, with the reason, when it was down too long. Everything it
 * needs is in the database; the timer only decides when to look.
 */
export class DrillRunner {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly rt: Runtime) {}

  /** Feeds and ends drills as of the clock's now; returns how many mentions were fed. Tests call it with a manual clock. */
  tick(): number {
    const { db } = this.rt;
    let fed = 0;
    for (const drill of db.select().from(drills).where(eq(drills.state, 'running')).all()) {
      try {
        const target = { mapId: drill.mapId, version: drill.version, compiled: this.rt.maps.get(drill.mapId, drill.version) };
        const n = write(this.rt, (w) => feedDrill(w, drill, target));
        fed += n;
        const now = this.rt.clock.now();
        const after = db.select({ fed: drills.fed, total: drills.total, untilAt: drills.untilAt }).from(drills).where(eq(drills.id, drill.id)).get()!;
        if (after.untilAt !== null && now >= after.untilAt) finishDrill(this.rt, drill.id, 'done', "The scenario's time is up");
        else if (after.fed >= after.total && write(this.rt, (w) => openDrillCases(w, drill.id)) === 0) finishDrill(this.rt, drill.id, 'done', 'Every mention was fed and every case is over');
      } catch (e) {
        this.rt.log.error({ msg: 'drill feed failed', drill: drill.id, error: String(e) });
        finishDrill(this.rt, drill.id, 'stopped', 'The drill could not go on: the runtime failed to feed it');
      }
    }
    return fed;
  }

  /**
   * After a restart: a running drill resumes where it paused (its pending mentions and `until`
   * move later by the time the runtime was down, so nobody faces a burst of overdue mentions), or
   * stops with a reason when the runtime was down longer than {@link RESUME_LIMIT_MS}.
   */
  resume(): void {
    const { db } = this.rt;
    const now = this.rt.clock.now();
    for (const drill of db.select().from(drills).where(eq(drills.state, 'running')).all()) {
      const down = now - drill.lastTickAt;
      if (down > RESUME_LIMIT_MS) {
        finishDrill(this.rt, drill.id, 'stopped', `The runtime was down for ${Math.round(down / 60_000)} minutes during the drill, so it stopped`);
        continue;
      }
      if (down <= 0) continue;
      write(this.rt, () => {
        db.update(drillMentions).set({ dueAt: sql`${drillMentions.dueAt} + ${down}` })
          .where(sql`${drillMentions.drillId} = ${drill.id} and ${drillMentions.status} = 'pending'`).run();
        db.update(drills).set({
          pausedMs: drill.pausedMs + down, lastTickAt: now, ...(drill.untilAt !== null ? { untilAt: drill.untilAt + down } : {}),
        }).where(eq(drills.id, drill.id)).run();
      });
      this.rt.log.info({ msg: 'drill resumed after a restart', drill: drill.id, downMs: down });
    }
  }

  /** Resumes drills left running, then looks every `intervalMs`. */
  start(intervalMs = 250): void {
    if (this.timer) return;
    this.resume();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops looking (running drills stay running in the database, to resume at the next start). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
