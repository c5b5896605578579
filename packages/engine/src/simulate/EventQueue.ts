import { Heap } from './Heap.ts';
import type { SimEvent } from './simulationRecords.ts';

/** The order events run in: by instant, then by class (SPEC §5), then in the order created. */
export const eventBefore = (a: SimEvent, b: SimEvent): boolean =>
  a.at !== b.at ? a.at < b.at : a.kind !== b.kind ? a.kind < b.kind : a.seq < b.seq;

/** Events pushed in order: a FIFO with a moving head. */
class Lane {
  items: SimEvent[] = [];
  head = 0;

  get first(): SimEvent | undefined {
    return this.items[this.head];
  }

  get last(): SimEvent | undefined {
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
 * The simulator's pending events, earliest first in `eventBefore` order. Events of a lane (the
 * deadlines of one pass: the same `within` from an ever later now) mostly come in order, so each
 * lane is a FIFO and only the rest go into a heap: a large run's thousands of pending deadlines
 * cost no heap work. An event that would break its lane's order goes into the heap instead, so
 * the order out is the same whatever comes in.
 */
export class EventQueue {
  private readonly heap = new Heap<SimEvent>(eventBefore);
  private readonly lanes = new Map<string, Lane>();
  private readonly laneList: Lane[] = [];

  push(event: SimEvent, lane?: string): void {
    if (lane !== undefined) {
      let l = this.lanes.get(lane);
      if (!l) {
        l = new Lane();
        this.lanes.set(lane, l);
        this.laneList.push(l);
      }
      const last = l.last;
      if (last === undefined || eventBefore(last, event)) {
        l.items.push(event);
        return;
      }
    }
    this.heap.push(event);
  }

  /** The lane whose head comes first, or null when the heap's top does (or nothing is pending). */
  private firstLane(): Lane | null {
    let best: Lane | null = null;
    let first = this.heap.peek();
    for (const l of this.laneList) {
      const head = l.first;
      if (head !== undefined && (first === undefined || eventBefore(head, first))) {
        best = l;
        first = head;
      }
    }
    return best;
  }

  peek(): SimEvent | undefined {
    const lane = this.firstLane();
    return lane ? lane.first : this.heap.peek();
  }

  pop(): SimEvent | undefined {
    const lane = this.firstLane();
    if (!lane) return this.heap.pop();
    const event = lane.first;
    lane.shift();
    return event;
  }
}
