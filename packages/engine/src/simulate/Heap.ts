/**
 * A binary min-heap ordered by `less`. Used for the simulator's event queue and team queues.
 */
export class Heap<T> {
  private items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  /** Number of items held. */
  get size(): number {
    return this.items.length;
  }

  /** Adds an item. */
  push(item: T): void {
    const { items, less } = this;
    // Sift up with a hole: parents move down until the item's place is found.
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (!less(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  /** The smallest item, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Removes and returns the smallest item. */
  pop(): T | undefined {
    const { items, less } = this;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (n > 0 && last !== undefined) {
      // Sift down with a hole: the smaller child moves up until the last item's place is found.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let m = l;
        if (r < n && less(items[r] as T, items[l] as T)) m = r;
        if (!less(items[m] as T, last)) break;
        items[i] = items[m] as T;
        i = m;
      }
      items[i] = last;
    }
    return top;
  }
}
