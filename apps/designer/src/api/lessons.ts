/** Typed call for lessons on the map (docs/api.md "Lessons on the map"). */
import type { InferResponseType } from 'hono/client';
import { answer, client } from './client.ts';

const lessons = client.api.maps[':id'].lessons;

/** `GET /api/maps/:id/lessons`: per node, the lessons and breaches of a period. */
export type MapLessons = InferResponseType<typeof lessons.$get, 200>;
/** One lesson on a node. */
export type NodeLesson = MapLessons['nodes'][string]['lessons'][number];

export const lessonsApi = {
  ofMap: (id: string, from: string, to: string) => answer(lessons.$get({ param: { id: encodeURIComponent(id) }, query: { from, to } })),
};
