import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { currentSessionUser } from '../auth/authenticate.ts';
import { requireUser } from '../auth/guards.ts';
import { offerOnArrival } from '../cases/offerNext.ts';
import { mayReceive } from '../events/audience.ts';
import type { LiveEvent } from '../events/EventBus.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { errors, newRouter, signedIn } from '../http/openapi.ts';

const events = createRoute({
  operationId: 'streamEvents',
  method: 'get', path: '/', tags: ['events'], summary: 'Live events (Server-Sent Events): case, claim, queue, crisis, map, mention, notification, presence',
  description: 'Each event has a name and JSON data. Agents receive the case, claim, queue and presence events of their own teams only; `mention` events go to those who work triage (admins, managers, the hub team of an approved map). The stream ends when its session ends (sign-out, expiry, the person disabled) or the person\'s roles or teams change; reconnecting gives what they may see now. A comment line is sent every 15 s to keep proxies from closing the stream.',
  security: signedIn,
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, 401: errors[401] },
});

/** Whether two views of a person grant the same: same roles, teams and backup teams. */
function sameRights(a: SessionUser, b: SessionUser): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && [...x].sort().join('\n') === [...y].sort().join('\n');
  return same(a.roles, b.roles) && same(a.teams, b.teams) && same(a.backupTeams, b.backupTeams);
}

/**
 * `/api/events`: the live-event stream for the web app. It lasts only as long as the right to read
 * it: when its session ends (signed out, expired, the person disabled) or the person's roles or
 * teams change, the stream ends at once, and the web app reconnects with what it may now see (or
 * is told to sign in). Changes made here signal the stream (`bus.personChanged`); it also checks
 * itself against the database every `liveRecheckMs`, which covers changes made on another node.
 */
export function eventRoutes() {
  return newRouter()
    .openapi(events, (c) => {
      const user = requireUser(c);
      const auth = c.get('auth');
      const sessionHash = auth.kind === 'user' ? auth.sessionHash : '';
      const rt = c.get('rt');
      const { bus } = rt;
      return streamSSE(c, async (stream) => {
        const leave = rt.online.connect(user.id);
        try {
          offerOnArrival(rt, user.id);
        } catch (e) {
          // Handing out work is a courtesy of connecting; the stream itself must still open.
          rt.log.error({ msg: 'handing waiting work to a member who came online failed', user: user.id, error: String(e) });
        }
        let id = 0;
        const queue: LiveEvent[] = [];
        let wake: (() => void) | null = null;
        let ended = false;
        /** Ends the stream unless its session still stands with the same rights. */
        const recheck = () => {
          if (ended) return;
          let now: SessionUser | undefined;
          try {
            now = currentSessionUser(rt, sessionHash);
          } catch {
            now = undefined; // cannot tell (the database is closing): end rather than keep telling
          }
          if (now && sameRights(now, user)) return;
          ended = true;
          queue.length = 0;
          wake?.();
        };
        const off = bus.subscribe((e) => {
          if (ended || !mayReceive(rt, user, e)) return;
          queue.push(e);
          wake?.();
        });
        const offPerson = bus.onPersonChanged((changed) => {
          if (changed === user.id) recheck();
        });
        const timer = setInterval(recheck, rt.config.liveRecheckMs);
        timer.unref();
        const stop = () => {
          clearInterval(timer);
          off();
          offPerson();
          leave();
        };
        stream.onAbort(() => {
          stop();
          wake?.();
        });
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user: user.id }), id: String(id++) });
          while (!ended && !stream.aborted && !stream.closed) {
            const e = queue.shift();
            if (e) {
              await stream.writeSSE({ event: e.type, data: JSON.stringify(e.data), id: String(id++) });
              continue;
            }
            await new Promise<void>((resolve) => {
              const keepAlive = setTimeout(resolve, 15_000);
              wake = () => {
                clearTimeout(keepAlive);
                wake = null;
                resolve();
              };
            });
            if (!ended && !queue.length && !stream.aborted) await stream.write(': keep-alive\n\n');
          }
        } finally {
          // However the stream ends (session gone, closed, aborted, a failed write), the person is no longer here.
          stop();
        }
      }) as never;
    });
}
