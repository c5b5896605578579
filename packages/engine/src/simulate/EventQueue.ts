import { Heap } from './Heap.ts';
import type { SimEvent } from './simulationRecords.ts';

/** The order events run in: by instant, then by class (docs/scenarios.md#how-the-simulated-staff-work), then in the order created. */
export const eventBefore = (a: SimEvent, b: SimEvent): boolean =>
  a.at !== b.at ? a.at < b.at : a.kind !== b.kind ? a.kind < b.kind : a.seq < b.seq;

/** Items pushed in order: a FIFO with a moving head. */
class Lane<T> {
  items: T[] = [];
  head = 0;

  get first(): T | undefined {
    return this.items[this.head];
  }

  get last(): T | undefined {
    return this.head < this.items.length ? this.items[this.items.length - 1] : undefined;
  }

  shift(): void {
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * A priority queue (smallest first by `before`, a strict total order) for items that mostly
 * arrive in order within a lane: each lane is a FIFO and only the rest go into a heap, so a
 * large run's thousands of pending items cost no heap work. An item that would break its lane's
 * order goes into the heap instead, so what comes out, and when, is the same as from a heap.
 */
export class LaneQueue<T> {
  private readonly heap: Heap<T>;
  private readonly lanes = new Map<unknown, Lane<T>>();
  private readonly laneList: Lane<T>[] = [];
  private count = 0;

  constructor(private readonly before: (a: T, b: T) => boolean) {
    this.heap = new Heap<T>(before);
  }

  /** Number of items held. */
  get size(): number {
    return this.count;
  }

  /** Adds an item, to the FIFO of `lane` when it comes after everything in it. */
  push(item: T, lane?: unknown): void {
    this.count++;
    if (lane !== undefined) {
      let l = this.lanes.get(lane);
      if (!l) {
        l = new Lane<T>();
        this.lanes.set(lane, l);
        this.laneList.push(l);
      }
      const last = l.last;
      if (last === undefined || this.before(last, item)) {
        l.items.push(item);
        return;
      }
    }
    this.heap.push(item);
  }

  /** The lane whose head comes first, or null when the heap's top does (or nothing is held). */
  private firstLane(): Lane<T> | null {
    let best: Lane<T> | null = null;
    let first = this.heap.peek();
    for (const l of this.laneList) {
      const head = l.first;
      if (head !== undefined && (first === undefined || this.before(head, first))) {
        best = l;
        first = head;
      }
    }
    return best;
  }

  /** The smallest item, without removing it. */
  peek(): T | undefined {
    const lane = this.firstLane();
    return lane ? lane.first : this.heap.peek();
  }

  /** Removes and returns the smallest item. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    this.count--;
    const lane = this.firstLane();
    if (!lane) return this.heap.pop();
    const item = lane.first;
    lane.shift();
    return item;
  }
}

/**
 * The simulator's pending events, earliest first in `eventBefore` order. The deadlines of one
 * pass (the same `within` from an ever later now) fall due in the order they were set: one lane
 * per pass.
 */
export class EventQueue extends LaneQueue<SimEvent> {
  constructor() {
    super(eventBefore);
  }
}
