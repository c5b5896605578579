import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { requireUser, seesAllTeams } from '../auth/guards.ts';
import { offerOnArrival } from '../cases/autoAssign.ts';
import type { LiveEvent } from '../events/EventBus.ts';
import { errors, newRouter, signedIn } from '../http/openapi.ts';

const events = createRoute({
  operationId: 'streamEvents',
  method: 'get', path: '/', tags: ['events'], summary: 'Live events (Server-Sent Events): case, claim, queue, crisis, map, mention, notification, presence',
  description: 'Each event has a name and JSON data. Agents receive the case, claim, queue and presence events of their own teams only. A comment line is sent every 15 s to keep proxies from closing the stream.',
  security: signedIn,
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, 401: errors[401] },
});

/** `/api/events`: the live-event stream for the web app. */
export function eventRoutes() {
  return newRouter()
    .openapi(events, (c) => {
      const user = requireUser(c);
      const { bus } = c.get('rt');
      const all = seesAllTeams(user);
      const mine = new Set([...user.teams, ...user.backupTeams]);
      const visible = (e: LiveEvent) =>
        (e.users ? e.users.includes(user.id) : true) && (all || !e.teams || e.teams.some((t) => mine.has(t)) || e.data.holder === user.id);
      return streamSSE(c, async (stream) => {
        const leave = c.get('rt').online.connect(user.id);
        try {
          offerOnArrival(c.get('rt'), user.id);
        } catch (e) {
          // Handing out work is a courtesy of connecting; the stream itself must still open.
          c.get('rt').log.error({ msg: 'handing waiting work to a member who came online failed', user: user.id, error: String(e) });
        }
        let id = 0;
        const queue: LiveEvent[] = [];
        let wake: (() => void) | null = null;
        const off = bus.subscribe((e) => {
          if (!visible(e)) return;
          queue.push(e);
          wake?.();
        });
        stream.onAbort(() => {
          off();
          leave();
          wake?.();
        });
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user: user.id }), id: String(id++) });
          while (!stream.aborted && !stream.closed) {
            const e = queue.shift();
            if (e) {
              await stream.writeSSE({ event: e.type, data: JSON.stringify(e.data), id: String(id++) });
              continue;
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 15_000);
              wake = () => {
                clearTimeout(timer);
                wake = null;
                resolve();
              };
            });
            if (!queue.length && !stream.aborted) await stream.write(': keep-alive\n\n');
          }
        } finally {
          // However the stream ends (closed, aborted, a failed write), the person is no longer here.
          off();
          leave();
        }
      }) as never;
    });
}
