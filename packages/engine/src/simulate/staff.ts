import { parseDuration } from '../schema/common.ts';
import type { StaffSettings } from '../schema/scenario.ts';
import { LaneQueue } from './EventQueue.ts';
import type { BusinessHours } from '../hours/businessHoursSchema.ts';

/** A simulated person: works one case at a time. */
export interface Member {
  id: string;
  team: string;
  backup: boolean;
  /** The case in hand, or null when free. */
  caseIndex: number | null;
  /** Work token: an outcome event only counts if it carries the member's current token. */
  token: number;
  busySince: number;
}

/** A case waiting in a team's queue. */
export interface QueueEntry {
  team: SimTeam;
  caseIndex: number;
  visit: number;
  priority: number;
  queuedAt: number;
  seq: number;
  active: boolean;
}

/** A simulated team: its members, its queue and its tallies. */
export interface SimTeam {
  id: string;
  members: Member[];
  /** Free regular members, longest idle first. */
  free: Member[];
  /** Free backup members, longest idle first. */
  freeBackups: Member[];
  /** Waiting cases by `byQueueOrder`; one FIFO lane per priority (queued at an ever later now). */
  queue: LaneQueue<QueueEntry>;
  waiting: number;
  maxQueue: number;
  handled: number;
  busyMs: number;
  /** Busy time of backup members outside any crisis (finishing work taken during one). */
  backupAfterCrisisMs: number;
  responseMin: number;
  responseMax: number;
  outcomes: Record<string, number>;
  /** When members work; absent: always. */
  hours?: BusinessHours;
  /** An opening event is scheduled for this team. */
  openingPending: boolean;
}

const byQueueOrder = (a: QueueEntry, b: QueueEntry): boolean =>
  a.priority !== b.priority ? a.priority > b.priority : a.queuedAt !== b.queuedAt ? a.queuedAt < b.queuedAt : a.seq < b.seq;

/** Builds a team's roster from the scenario's staff settings (no staff: nobody works it). */
export function createTeam(id: string, staff: StaffSettings | undefined): SimTeam {
  const members: Member[] = [];
  const make = (n: number, backup: boolean) => {
    for (let i = 1; i <= n; i++) {
      members.push({ id: `${id}:${backup ? 'backup-' : ''}${i}`, team: id, backup, caseIndex: null, token: 0, busySince: 0 });
    }
  };
  make(staff?.members ?? 0, false);
  make(staff?.backup ?? 0, true);
  const rt = staff?.responseTime;
  const min = typeof rt === 'string' ? parseDuration(rt) : rt ? parseDuration(rt.min) : 0;
  const max = typeof rt === 'string' ? min : rt ? parseDuration(rt.max) : 0;
  return {
    id,
    members,
    free: members.filter((m) => !m.backup),
    freeBackups: members.filter((m) => m.backup),
    queue: new LaneQueue(byQueueOrder),
    waiting: 0,
    maxQueue: 0,
    handled: 0,
    busyMs: 0,
    backupAfterCrisisMs: 0,
    responseMin: min ?? 0,
    responseMax: Math.max(min ?? 0, max ?? 0),
    outcomes: staff?.outcomes ?? {},
    ...(staff?.hours ? { hours: staff.hours } : {}),
    openingPending: false,
  };
}

/** Draws how long a piece of work takes, in whole seconds between min and max. */
export function drawResponseMs(team: SimTeam, random: () => number): number {
  if (team.responseMax <= team.responseMin) return team.responseMin;
  const spanSec = Math.floor((team.responseMax - team.responseMin) / 1000);
  return team.responseMin + Math.floor(random() * (spanSec + 1)) * 1000;
}

/** Draws an outcome from the team's weights among those the pass declares; else the first. */
export function drawOutcome(team: SimTeam, declared: readonly string[], random: () => number): string {
  let total = 0;
  for (const o of declared) total += team.outcomes[o] ?? 0;
  if (total > 0) {
    let r = random() * total;
    for (const o of declared) {
      r -= team.outcomes[o] ?? 0;
      if (r < 0) return o;
    }
  }
  return declared[0] as string;
}

/**
 * A team's line in the metrics: outcomes reported, the longest queue, and utilization — busy
 * member-time over available member-time, where regular members are available the whole run (or
 * its open hours, `openMs`, when the team has hours) and
 * backups during a crisis and while they finish the work they took in it. Work still in hand at
 * the end counts up to `endMs`.
 */
export function teamMetrics(team: SimTeam, endMs: number, crisisMs: number, outsideCrisis: (from: number, to: number) => number, openMs = endMs) {
  let busy = team.busyMs;
  let backupAfterCrisis = team.backupAfterCrisisMs;
  for (const m of team.members) {
    if (m.caseIndex === null) continue;
    busy += Math.max(0, endMs - m.busySince);
    if (m.backup) backupAfterCrisis += outsideCrisis(m.busySince, Math.max(m.busySince, endMs));
  }
  const backups = team.members.filter((m) => m.backup).length;
  const available = (team.members.length - backups) * openMs + backups * crisisMs + backupAfterCrisis;
  const utilization = available > 0 ? Math.min(1, Math.round((busy / available) * 10000) / 10000) : 0;
  return { handled: team.handled, maxQueue: team.maxQueue, utilization };
}
