import type { AnyMachineSnapshot } from 'xstate';
import type { SimulatedCase } from './simulationResult.ts';
import type { Member, QueueEntry } from './staff.ts';

// Event classes, in the order they run at equal instants (docs/scenarios.md#how-the-simulated-staff-work): the crisis flag is brought
// up to date first, then outcomes, deadlines, team openings; arrivals (kept out of the heap) come last.
export const CRISIS = 0;
export const OUTCOME = 1;
export const DEADLINE = 2;
/** A team with hours opens: its free members take waiting cases (`index` is the team's place in the roster). */
export const OPENING = 3;

/** Something due at an instant: a crisis check, a member's outcome, a pass deadline. */
export interface SimEvent {
  at: number;
  kind: number;
  seq: number;
  index: number;
  token: number;
  /** The member whose outcome this is; null for other events. */
  member: Member | null;
}

/** What the run keeps of one case. */
export interface SimCase {
  row: SimulatedCase;
  arrivalAt: number;
  /** The case machine's snapshot while the case is live; null once ended. */
  snapshot: AnyMachineSnapshot | null;
  visit: number;
  pathSeen: number;
  breachesSeen: number;
  entry: QueueEntry | null;
  worker: Member | null;
}

/** Takes a case out of the queue it waits in, if any (the entry stays in the heap, inactive). */
export function leaveQueue(sim: SimCase): void {
  const entry = sim.entry;
  if (entry?.active) {
    entry.active = false;
    entry.team.waiting--;
  }
  sim.entry = null;
}
