/**
 * The lessons of the open map for the chosen period, shared by the node badges and the inspector.
 * Fetched once per map and period (and again when the period changes), never per node.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { lessonsApi, type MapLessons } from '../api/lessons.ts';
import { periodRange, type LessonPeriodKey } from './lessonPeriod.ts';

/** What the badges and the inspector read: the answer, or null while hidden, loading or unsaved. */
export const LessonsContext = createContext<MapLessons | null>(null);

/** One node's lessons and breaches, or undefined when it has none in the period. */
export function useNodeLessons(id: string) {
  return useContext(LessonsContext)?.nodes[id];
}

/** Loads the lessons of a saved map for a period; a failure leaves the badges off (the canvas still works). */
export function useMapLessons(mapId: string | null, period: LessonPeriodKey): { lessons: MapLessons | null; failed: boolean } {
  const [state, setState] = useState<{ lessons: MapLessons | null; failed: boolean }>({ lessons: null, failed: false });
  useEffect(() => {
    const range = periodRange(period, Date.now());
    if (!mapId || !range) {
      setState({ lessons: null, failed: false });
      return;
    }
    let live = true;
    lessonsApi.ofMap(mapId, range.from, range.to).then(
      (lessons) => live && setState({ lessons, failed: false }),
      () => live && setState({ lessons: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [mapId, period]);
  return state;
}
