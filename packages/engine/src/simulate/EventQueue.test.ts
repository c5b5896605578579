import { describe, expect, it } from 'vitest';
import { EventQueue, eventBefore } from './EventQueue.ts';
import { seededRandom } from './random.ts';
import type { SimEvent } from './simulationRecords.ts';

describe('EventQueue', () => {
  it('always gives back the earliest pending event, whether or not a lane comes in order', () => {
    const random = seededRandom(7);
    const queue = new EventQueue();
    const pending: SimEvent[] = [];
    const earliest = () => pending.reduce((a, b) => (eventBefore(b, a) ? b : a));
    const popOne = () => {
      const want = earliest();
      expect(queue.peek()).toBe(want);
      expect(queue.pop()).toBe(want);
      pending.splice(pending.indexOf(want), 1);
    };
    let now = 0;
    for (let seq = 0; seq < 3000; seq++) {
      now += Math.floor(random() * 3);
      // Lanes get a fixed delay from a later now (in order), now and then one out of order.
      const lane = ['a', 'b', undefined][Math.floor(random() * 3)];
      const inOrder = lane !== undefined && random() > 0.05;
      const at = inOrder ? now + (lane === 'a' ? 10 : 30) : now + Math.floor(random() * 50);
      const event: SimEvent = { at, kind: Math.floor(random() * 3), seq, index: seq, token: 0, member: null };
      queue.push(event, lane);
      pending.push(event);
      if (random() < 0.45) popOne();
    }
    while (pending.length > 0) popOne();
    expect(queue.pop()).toBeUndefined();
  });
});
