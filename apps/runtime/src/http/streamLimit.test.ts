import { describe, expect, it } from 'vitest';
import { testRuntime } from '../testing/testApp.ts';
import { MAX_STREAMS_PER_USER } from './streamLimit.ts';

describe('live-event stream cap', () => {
  it('lets a person hold 20 streams, refuses the 21st with 429, and frees a place when one closes', async () => {
    const t = await testRuntime();
    const token = (await t.anonymous('POST', '/api/session', { email: 'admin@example.test', password: 'correct horse battery' })).body.token;
    const open = () => t.app.request('/api/events', { headers: { authorization: `Bearer ${token}` } });
    const streams: Response[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) streams.push(await open());
    expect(streams.every((s) => s.status === 200)).toBe(true);
    // Events still flow through the counted stream.
    const reader = streams[0]!.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    await streams[1]!.body!.cancel();
    const again = await open();
    expect(again.status).toBe(200);
    // Another person has their own allowance.
    expect((await t.admin('GET', '/api/session')).status).toBe(200);
    await again.body!.cancel();
    await reader.cancel();
    for (const s of streams.slice(2)) await s.body!.cancel();
  });
});
