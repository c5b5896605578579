import { OpenAPIHono } from '@hono/zod-openapi';
import { authenticate } from './auth/authenticate.ts';
import { verifySignature } from './auth/verifySignature.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Db } from './db/client.ts';
import { ApiError } from './errors.ts';
import { EventBus } from './events/EventBus.ts';
import type { AppEnv } from './http/AppEnv.ts';
import { onError } from './http/onError.ts';
import { rateLimitByIp, rateLimitByToken } from './http/rateLimit.ts';
import { readBody } from './http/readBody.ts';
import { requestContext } from './http/requestContext.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { limitStreams } from './http/streamLimit.ts';
import { requestId } from './http/requestId.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { MapCache } from './maps/MapCache.ts';
import { Online } from './presence/Online.ts';
import { Presence } from './presence/Presence.ts';
import { onlineEvent, presenceEvent } from './presence/presenceEvent.ts';
import { auditRoutes } from './routes/audit.ts';
import { caseRoutes } from './routes/cases.ts';
import { viewingRoutes } from './routes/viewing.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { mapReviewRoutes } from './routes/mapReview.ts';
import { mapSimulateRoutes } from './routes/mapSimulate.ts';
import { mapScenarioRoutes } from './routes/mapScenarios.ts';
import { mapReplayRoutes } from './routes/mapReplay.ts';
import { mapRoutes } from './routes/maps.ts';
import { mentionRoutes } from './routes/mentions.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { cannedReplyRoutes } from './routes/cannedReplies.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { replyRoutes } from './routes/replies.ts';
import { webhookSecretRoutes } from './routes/webhookSecret.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { setupRoutes } from './routes/setup.ts';
import { teamRoutes } from './routes/teams.ts';
import { triageRoutes } from './routes/triage.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userAdminRoutes } from './routes/userAdmin.ts';
import { userRoutes } from './routes/users.ts';
import { DEFAULT_CONFIG, type RuntimeConfig } from './config.ts';
import type { Runtime } from './Runtime.ts';
import { Scheduler } from './scheduler.ts';
import { digestRoutes } from './routes/digest.ts';
import { OutboxWorker, type OutboxOptions } from './outbox/OutboxWorker.ts';
import { serveWebApp } from './webApp.ts';
import { SourceManager, type SourceManagerOptions } from './sources/SourceManager.ts';
import { sourceRoutes } from './routes/sources.ts';
import { contactRoutes } from './routes/contacts.ts';
import { interactionHookRoutes } from './routes/interactionHooks.ts';
import { peopleRoutes } from './routes/people.ts';
import { searchRoutes } from './routes/search.ts';
import { drillRoutes } from './routes/drills.ts';
import { mapLessonRoutes } from './routes/mapLessons.ts';
import { DrillRunner } from './drills/DrillRunner.ts';

/**
 * Mounts every resource's sub-app under `/api`, in one chain so that its type carries every route:
 * that type is {@link AppType}.
 */
function mountApi(app: OpenAPIHono<AppEnv>) {
  return app
    .route('/api/health', healthRoutes())
    .route('/api/setup', setupRoutes())
    .route('/api/session', sessionRoutes())
    .route('/api/users', userRoutes())
    .route('/api/users', userAdminRoutes())
    .route('/api/teams', teamRoutes())
    .route('/api/tokens', tokenRoutes())
    .route('/api/audit', auditRoutes())
    .route('/api/maps', mapRoutes())
    .route('/api/maps', mapReviewRoutes())
    .route('/api/maps', mapSimulateRoutes())
    .route('/api/maps', mapLessonRoutes())
    .route('/api/maps', mapScenarioRoutes())
    .route('/api/maps', mapReplayRoutes())
    .route('/api/mentions', mentionRoutes())
    .route('/api/mentions', triageRoutes())
    .route('/api/cases', caseRoutes())
    .route('/api/cases', viewingRoutes())
    .route('/api/events', eventRoutes())
    .route('/api/notifications', notificationRoutes())
    .route('/api/cases', replyRoutes())
    .route('/api/teams', cannedReplyRoutes())
    .route('/api/deliveries', deliveryRoutes())
    .route('/api/webhooks', webhookSecretRoutes())
    .route('/api/reports', reportRoutes())
    .route('/api/sources', sourceRoutes())
    .route('/api/cases', contactRoutes())
    .route('/api/search', searchRoutes())
    .route('/api/people', peopleRoutes())
    .route('/api/webhooks', interactionHookRoutes())
    .route('/api/drills', drillRoutes())
    .route('/api/digest', digestRoutes());
}

/**
 * The runtime's API as a typed client sees it: every route with its request and response types.
 * The web app imports this type only (`hc<AppType>` from hono/client), never runtime code.
 */
export type AppType = ReturnType<typeof mountApi>;

/** What `createApp` needs; everything but `db` has a default. */
export interface AppOptions {
  db: Db;
  clock?: Clock;
  log?: Logger;
  config?: Partial<RuntimeConfig>;
  /** Delivery settings of the outbox worker (tests pass a fetch). */
  outbox?: OutboxOptions;
  /** The sources' secret key and backoff (tests shorten it). */
  sources?: SourceManagerOptions;
}

/** The Hono app with the runtime it serves and the scheduler that fires its deadlines. */
export type BatonApp = OpenAPIHono<AppEnv> & { rt: Runtime; scheduler: Scheduler; outbox: OutboxWorker; sources: SourceManager; drills: DrillRunner };

/**
 * Builds the runtime's Hono app: one sub-app per resource under `/api`, one `onError`, request ids,
 * a body size limit, and the built web app for every other path. Timers are not started here
 * (`server.ts` does); tests call `app.scheduler.tick()` and `app.outbox.deliverDue()` with a manual clock.
 * @example
 * const app = createApp({ db: openDb(':memory:'), clock: new ManualClock(0) });
 * const res = await app.request('/api/health');
 */
export function createApp(opts: AppOptions): BatonApp {
  let wake = () => {};
  const clock = opts.clock ?? systemClock;
  const bus = new EventBus();
  const rt: Runtime = {
    db: opts.db,
    clock,
    bus,
    log: opts.log ?? consoleLogger,
    maps: new MapCache(opts.db),
    online: new Online((userId, online) => bus.publish(onlineEvent(opts.db, userId, online))),
    presence: new Presence({ clock, announce: (caseId, viewers) => bus.publish(presenceEvent(opts.db, caseId, viewers)) }),
    config: { ...DEFAULT_CONFIG, ...opts.config },
    setupSecret: null,
    wake: () => wake(),
  };
  const scheduler = new Scheduler(rt);
  const outbox = new OutboxWorker(rt, opts.outbox);
  const sources = new SourceManager(rt, opts.sources);
  wake = () => {
    scheduler.wake();
    outbox.wake();
  };

  const app = new OpenAPIHono<AppEnv>() as BatonApp;
  app.use('*', requestId(rt));
  app.use('*', securityHeaders());
  app.use('*', requestContext(rt));
  app.use('/api/*', rateLimitByIp(rt));
  app.use('/api/*', readBody(rt.config.bodyLimit));
  app.use('/api/*', authenticate(rt));
  app.use('/api/*', rateLimitByToken(rt));
  app.use('/api/mentions', verifySignature(rt));
  app.use('/api/events', limitStreams());
  mountApi(app);
  app.route('/api', openapiRoutes(app));
  app.all('/api/*', () => {
    throw new ApiError(404, 'NOT_FOUND', 'No such API route');
  });
  serveWebApp(app, rt.config.webRoot);
  app.onError(onError);
  app.rt = rt;
  app.scheduler = scheduler;
  app.outbox = outbox;
  app.sources = sources;
  app.drills = new DrillRunner(rt);
  return app;
}
