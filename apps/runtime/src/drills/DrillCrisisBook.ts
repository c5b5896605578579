import { CrisisTracker, type CompiledMap, type CrisisState } from '@baton/engine';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Work } from '../cases/write.ts';

/** What a drill keeps of its crisis: the tracker and the windows it saw. */
export interface DrillCrisis {
  tracker: unknown;
  spans: { from: number; to: number | null }[];
}

/**
 * A drill's own crisis detection: the map's crisis settings counted over the drill's mentions
 * only, so a drill never sets (or notifies) the map's real crisis. It opens no `crises` row and
 * tells nobody; the windows it saw go into the drill's report.
 */
export class DrillCrisisBook extends CrisisBook {
  private readonly tracker: CrisisTracker | null;
  readonly spans: { from: number; to: number | null }[];

  constructor(w: Work, compiled: CompiledMap, kept: DrillCrisis | null) {
    super(w);
    const settings = compiled.map.crisis;
    this.tracker = settings ? (kept ? CrisisTracker.fromJSON(settings, kept.tracker as CrisisState) : new CrisisTracker(settings)) : null;
    this.spans = kept ? kept.spans.map((s) => ({ ...s })) : [];
  }

  override on(): boolean {
    return this.tracker?.on ?? false;
  }

  override advance(_mapId: string, _compiled: CompiledMap, now: number): void {
    if (!this.tracker) return;
    const was = this.tracker.on;
    this.tracker.advance(now);
    if (was && !this.tracker.on) this.close(now);
  }

  override record(_mapId: string, _compiled: CompiledMap, at: number): void {
    if (!this.tracker) return;
    const was = this.tracker.on;
    const onset = this.tracker.record(at);
    if (was && !this.tracker.on) this.close(at);
    if (onset === 'onset') this.spans.push({ from: at, to: null });
  }

  override save(): void {
    // The drill row keeps the state (see `state()`); nothing of the map's own crisis changes.
  }

  /** The state to keep on the drill row. */
  state(): DrillCrisis | null {
    return this.tracker ? { tracker: this.tracker.toJSON(), spans: this.spans } : null;
  }

  private close(at: number): void {
    const open = this.spans.at(-1);
    if (open && open.to === null) open.to = at;
  }
}
