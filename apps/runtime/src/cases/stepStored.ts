import { stepCase, type CaseEvent, type CaseSnapshot, type CaseStep } from '@baton/engine';
import type { CaseRow } from '../db/schema.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import { autoAssign } from './autoAssign.ts';
import { persistStep } from './persistStep.ts';
import type { Work } from './write.ts';
import { teamHours } from '../teams/teamHours.ts';

/** An engine event without the instant and crisis flag (filled in here). */
export type CaseCommand = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'crisis'> : never) : never;

/**
 * Sends one event to a stored case: loads its map version (compiled once) and snapshot, steps
 * it with the map's crisis flag at `at`, persists the result, and hands a case that just entered
 * a queue to a member when the pass's strategy says so. Returns the engine's refusal unchanged.
 */
export function stepStored(w: Work, book: CrisisBook, row: CaseRow, command: CaseCommand, at = w.now): { row: CaseRow; step: CaseStep } | { refused: string } {
  const compiled = w.rt.maps.get(row.mapId, row.mapVersion);
  book.advance(row.mapId, compiled, at);
  const event = { ...command, at, crisis: book.on(row.mapId, compiled), hours: teamHours(w.rt.db) } as CaseEvent;
  const step = stepCase(compiled, row.snapshot as CaseSnapshot, event);
  if ('refused' in step) return step;
  const next = persistStep(w, compiled, row, step, at);
  return { row: autoAssign(w, book, next, at), step };
}
