import { startCase, type CompiledMap, type MentionFacts } from '@baton/engine';
import { timeOrderedId } from '../auth/secrets.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import type { CaseRow } from '../db/schema.ts';
import { settle } from './moveCase.ts';
import type { CarriedTag } from './persistStep.ts';
import type { Work } from './write.ts';
import { teamHours } from '../teams/teamHours.ts';

/** An approved map version, compiled: one that may take new cases. */
export interface ActiveMap {
  mapId: string;
  version: number;
  compiled: CompiledMap;
}

/** How a case starts besides its map, trigger and mention. */
export interface OpenCaseOptions {
  /** The person who started it from the triage inbox; absent when a trigger matched on ingest. */
  startedBy?: string;
  /** Tags the case starts with; its first conditions already see them. */
  tags?: CarriedTag[];
  /** The drill whose mention this is: the case is marked as drill work. */
  drill?: string;
}

/**
 * Starts a case for a mention on one approved map version at `trigger`, inside the caller's
 * transaction: the engine walks it through decisions and actions (with the map's crisis flag as
 * `book` has it now) to its first pass or end, the step is persisted with its history and effects,
 * carried tags are stored on the case, and a pass strategy may hand it to a member at once — all in
 * one write of the new row.
 * Ingest and the triage inbox both start cases here, so a case walks the same whoever started it.
 * The caller stores the mention's status and emits its `mention` event.
 * @example const row = openCase(w, book, target, mention.id, trigger.id, mentionFacts(mention));
 */
export function openCase(
  w: Work, book: CrisisBook, target: ActiveMap, mentionId: string, trigger: string, facts: MentionFacts, opts: OpenCaseOptions = {},
): CaseRow {
  const caseId = timeOrderedId('case', w.now);
  const carried = opts.tags ?? [];
  const step = startCase(target.compiled, {
    caseId, mentionId, trigger, facts, at: w.now, crisis: book.on(target.mapId, target.compiled), hours: teamHours(w.rt.db),
    ...(carried.length ? { tags: carried.map((t) => t.tag) } : {}),
  });
  return settle(w, book, target.compiled, {
    id: caseId, mapId: target.mapId, mapVersion: target.version, mentionId, trigger, facts,
    ...(opts.startedBy ? { startedBy: opts.startedBy } : {}), ...(carried.length ? { tags: carried } : {}), ...(opts.drill ? { drillId: opts.drill } : {}),
  }, step, w.now, { handOut: true }).row;
}
