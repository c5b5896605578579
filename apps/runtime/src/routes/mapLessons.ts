import { createRoute, z } from '@hono/zod-openapi';
import { mapLessonsSchema } from '@baton/engine';
import { eq } from 'drizzle-orm';
import { requireUser } from '../auth/guards.ts';
import { maps } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { errors, idParam, json, newRouter, signedIn } from '../http/openapi.ts';
import { mapLessons } from '../lessons/mapLessons.ts';

/** The period lessons on the map cover when the caller names none. */
export const DEFAULT_LESSON_PERIOD_MS = 30 * 24 * 3_600_000;

const time = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time').transform((s) => Date.parse(s));

const lessonsRoute = createRoute({
  operationId: 'listMapLessons',
  method: 'get', path: '/{id}/lessons', tags: ['maps'], security: signedIn,
  summary: 'Per node, the lessons written on cases that passed through it and the deadlines missed there, in a period (agents: their teams\' cases)',
  request: {
    params: idParam,
    query: z.object({
      from: time.optional().openapi({ description: 'Start (ISO 8601); default 30 days before `to`' }),
      to: time.optional().openapi({ description: 'End (ISO 8601); default now' }),
      drills: z.enum(['true', 'false']).default('false').openapi({ description: 'Count drill cases too (their lessons carry the drill id)' }),
    }),
  },
  responses: { 200: json(mapLessonsSchema, 'Lessons and breaches per node'), 400: errors[400], 401: errors[401], 404: errors[404] },
});

/** `/api/maps/:id/lessons`: what the team learned, where on the map it happened. */
export function mapLessonRoutes() {
  return newRouter().openapi(lessonsRoute, (c) => {
    const user = requireUser(c);
    const rt = c.get('rt');
    const { id } = c.req.valid('param');
    if (!rt.db.select({ id: maps.id }).from(maps).where(eq(maps.id, id)).get()) throw notFound('Map');
    const q = c.req.valid('query');
    const to = q.to ?? rt.clock.now();
    const from = q.from ?? to - DEFAULT_LESSON_PERIOD_MS;
    if (from > to) throw new ApiError(400, 'INVALID', '`from` is after `to`');
    return c.json(mapLessons(rt, user, id, { from, to, drills: q.drills === 'true' }), 200);
  });
}
