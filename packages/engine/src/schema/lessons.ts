import { z } from 'zod';

/** One lesson as the map shows it on a node its case passed through. */
export const nodeLessonSchema = z.object({
  id: z.number(),
  text: z.string(),
  author: z.string().nullable(),
  authorName: z.string().nullable(),
  at: z.string(),
  caseId: z.string(),
  /** The node the lesson was written at (the end the case reached). */
  node: z.string(),
  /** The drill the case rehearsed, when drills were asked for; null for real work. */
  drill: z.string().nullable(),
});
export type NodeLesson = z.infer<typeof nodeLessonSchema>;

/** `GET /api/maps/:id/lessons` (docs/api.md#lessons-on-the-map): per node, the lessons and breaches of a period. */
export const mapLessonsSchema = z.object({
  mapId: z.string(),
  from: z.string(),
  to: z.string(),
  nodes: z.record(z.string(), z.object({
    /** Lessons in the period on cases that passed through the node (`lessons` lists the newest 200). */
    count: z.number(),
    lessons: z.array(nodeLessonSchema),
    breaches: z.number(),
  })),
});
export type MapLessons = z.infer<typeof mapLessonsSchema>;
