import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_THROTTLE } from '../config.ts';
import { openDb } from '../db/client.ts';
import { LoginThrottle } from './loginThrottle.ts';

describe('LoginThrottle', () => {
  it('locks an e-mail on one address after five failures, for a minute, doubling after that', () => {
    const t = new LoginThrottle(openDb(':memory:'), DEFAULT_LOGIN_THROTTLE);
    for (let i = 0; i < 4; i++) expect(t.failed('ana@x.org', '1.1.1.1', 0)).toBe(0);
    expect(t.failed('ANA@x.org ', '1.1.1.1', 0)).toBe(60_000); // e-mails compare trimmed, case-insensitively
    expect(t.retryAfter('ana@x.org', '1.1.1.1', 10_000)).toBe(50_000);
    expect(t.retryAfter('ana@x.org', '2.2.2.2', 10_000)).toBe(0);
    expect(t.failed('ana@x.org', '1.1.1.1', 60_000)).toBe(120_000);
  });

  it('caps the lock, forgets old failures, and a success clears the account', () => {
    const t = new LoginThrottle(openDb(':memory:'), { ...DEFAULT_LOGIN_THROTTLE, perAccount: 1, maxLockMs: 5 * 60_000 });
    let lock = 0;
    for (let i = 0; i < 30; i++) lock = t.failed('bo@x.org', 'ip', 0);
    expect(lock).toBe(5 * 60_000);
    t.succeeded('bo@x.org', 'ip');
    expect(t.retryAfter('bo@x.org', 'ip', 0)).toBe(0);
    const u = new LoginThrottle(openDb(':memory:'), DEFAULT_LOGIN_THROTTLE);
    for (let i = 0; i < 4; i++) u.failed('cy@x.org', 'ip', 0);
    expect(u.failed('cy@x.org', 'ip', DEFAULT_LOGIN_THROTTLE.windowMs + 1)).toBe(0); // a fresh window
  });

  it('locks an address spraying many e-mails', () => {
    const t = new LoginThrottle(openDb(':memory:'), DEFAULT_LOGIN_THROTTLE);
    for (let i = 0; i < 49; i++) expect(t.failed(`u${i}@x.org`, '9.9.9.9', 0)).toBe(0);
    expect(t.failed('u49@x.org', '9.9.9.9', 0)).toBe(60_000);
    expect(t.retryAfter('fresh@x.org', '9.9.9.9', 0)).toBe(60_000);
  });

  it('holds a lock for every process on the database, and prunes counts that are over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-throttle-'));
    try {
      const file = join(dir, 't.db');
      const nodeA = new LoginThrottle(openDb(file), DEFAULT_LOGIN_THROTTLE);
      const nodeB = new LoginThrottle(openDb(file), DEFAULT_LOGIN_THROTTLE);
      for (let i = 0; i < 4; i++) expect((i % 2 ? nodeA : nodeB).failed('ana@x.org', '1.1.1.1', 0)).toBe(0);
      expect(nodeA.failed('ana@x.org', '1.1.1.1', 0)).toBe(60_000); // the fifth failure, counted across both
      expect(nodeB.retryAfter('ana@x.org', '1.1.1.1', 1_000)).toBe(59_000);
      expect(nodeB.prune(60_000)).toBe(0); // still within the window
      expect(nodeB.prune(DEFAULT_LOGIN_THROTTLE.windowMs + 1)).toBe(2); // the account and the address counts
      expect(nodeA.retryAfter('ana@x.org', '1.1.1.1', DEFAULT_LOGIN_THROTTLE.windowMs + 1)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
