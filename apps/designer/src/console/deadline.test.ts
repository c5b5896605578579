import { describe, expect, it } from 'vitest';
import { durationInWords } from '@baton/engine';
import { deadlineState } from './deadline.ts';

const queued = { queuedAt: '2026-01-05T10:00:00.000Z', deadline: '2026-01-05T11:00:00.000Z', breached: false };
const at = (hhmm: string) => Date.parse(`2026-01-05T${hhmm}:00.000Z`);

describe('deadlineState', () => {
  it('is calm while a quarter or more of the time is left', () => {
    expect(deadlineState(queued, at('10:00'))).toEqual({ tone: 'ok', text: '1 h left' });
    expect(deadlineState(queued, at('10:45'))).toEqual({ tone: 'ok', text: '15 min left' });
  });
  it('turns amber under 25% left', () => {
    expect(deadlineState(queued, at('10:46'))).toEqual({ tone: 'warning', text: '14 min left' });
  });
  it('turns red once the deadline has passed, or when the case breached an earlier pass', () => {
    expect(deadlineState(queued, at('11:03'))).toEqual({ tone: 'breached', text: 'breached 3 min ago' });
    expect(deadlineState({ ...queued, breached: true }, at('10:10')).tone).toBe('breached');
  });
  it('says so when no deadline runs yet', () => {
    expect(deadlineState({ queuedAt: null, deadline: null, breached: false }, at('10:00'))).toEqual({ tone: 'none', text: 'no deadline yet' });
  });
});

describe('countdown words (the engine\'s durationInWords)', () => {
  it('reads like a person would say it', () => {
    expect(durationInWords(45_000)).toBe('45 s');
    expect(durationInWords(65 * 60_000)).toBe('1 h 5 min');
    expect(durationInWords(50 * 3_600_000)).toBe('2 d 2 h');
  });
});

describe('deadlineState in business hours', () => {
  const day = [['09:00', '17:30']] as [string, string][];
  const hours = { timeZone: 'Europe/London', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
  it('says when a paused countdown goes on, and counts only open time', () => {
    // Friday 17:00 → due Monday 09:30 (one open hour): on Saturday half an hour is left, paused.
    const c = { queuedAt: '2026-01-09T17:00:00Z', deadline: '2026-01-12T09:30:00Z', breached: false };
    expect(deadlineState(c, Date.parse('2026-01-10T12:00:00Z'), hours)).toEqual({ tone: 'ok', text: '30 min left, paused until Mon 09:00' });
    expect(deadlineState(c, Date.parse('2026-01-12T09:20:00Z'), hours)).toEqual({ tone: 'warning', text: '10 min left' });
  });
  it('shows the opening in the team’s time zone', () => {
    const ny = { ...hours, timeZone: 'America/New_York' };
    const c = { queuedAt: '2026-01-10T12:00:00Z', deadline: '2026-01-12T15:00:00Z', breached: false };
    expect(deadlineState(c, Date.parse('2026-01-10T12:00:00Z'), ny).text).toBe('1 h left, paused until Mon 09:00');
  });
});
