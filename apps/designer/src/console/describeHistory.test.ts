import { describe, expect, it } from 'vitest';
import { describeHistory } from './describeHistory.ts';

const names = { person: (id: string | null) => (id === 'u1' ? 'Ana Agent' : id ?? 'Baton'), node: (id: string) => (id === 'care' ? 'Care resolves' : id), team: (id: string) => (id === 'care' ? 'Customer Care' : id) };
const at = '2026-01-05T10:00:00.000Z';

describe('describeHistory', () => {
  it('names people and nodes instead of ids', () => {
    expect(describeHistory({ at, type: 'claim', actor: 'u1', data: { member: 'u1' } }, names)).toBe('Ana Agent claimed it');
    expect(describeHistory({ at, type: 'checklist', actor: 'u1', data: { item: 'Screenshot', done: true } }, names)).toBe('Ana Agent ticked “Screenshot”');
    expect(describeHistory({ at, type: 'breach', actor: null, data: { node: 'care' } }, names)).toBe('Deadline missed at Care resolves');
    expect(describeHistory({ at, type: 'entered', actor: null, data: { node: 'care', label: 'Care resolves', team: 'care' } }, names)).toBe('Reached Care resolves → Customer Care');
  });
  it('says a drill case left the queue when its drill ended', () => {
    expect(describeHistory({ at, type: 'drill.withdrawn', actor: null, data: { node: 'care', was: 'waiting', reason: 'Stopped by Mia' } }, names)).toBe('The drill ended; the case left the queue (Stopped by Mia)');
  });
  it('says who got a case handed out by a pass strategy', () => {
    expect(describeHistory({ at, type: 'claim', actor: null, data: { member: 'u1', strategy: 'round-robin' } }, names)).toBe('Handed to Ana Agent (round-robin)');
  });
  it('says who passed a case on when the checklist was done, and to which team', () => {
    expect(describeHistory({ at, type: 'passed', actor: 'u1', data: { node: 'care', from: 'social', team: 'care' } }, names)).toBe('Ana Agent finished the checklist and passed it to Customer Care');
  });
  it('says who started a case from the triage inbox, and which tags came with it', () => {
    expect(describeHistory({ at, type: 'opened', actor: 'u1', data: { mention: 'twitter:1', version: 2, from: 'triage' } }, names)).toBe('Ana Agent started it from the triage inbox (map version 2)');
    expect(describeHistory({ at, type: 'opened', actor: null, data: { mention: 'twitter:1', version: 2 } }, names)).toBe('Opened from mention twitter:1 (map version 2)');
    expect(describeHistory({ at, type: 'tag', actor: 'u1', data: { tag: 'press', from: 'triage' } }, names)).toBe('Ana Agent tagged #press in triage');
  });
  it('tells the story of a reply: written, posted or failed, sent again, recorded elsewhere', () => {
    expect(describeHistory({ at, type: 'reply', actor: 'u1', data: { network: 'mastodon' } }, names)).toBe('Ana Agent replied on Mastodon (queued)');
    expect(describeHistory({ at, type: 'reply', actor: 'u1', data: { network: 'review', sentElsewhere: true } }, names)).toBe('Ana Agent replied elsewhere and recorded it');
    expect(describeHistory({ at, type: 'reply.failed', actor: null, data: { error: 'The instance refused the token' } }, names)).toBe('Reply failed: The instance refused the token');
    expect(describeHistory({ at, type: 'reply.retry', actor: 'u1', data: {} }, names)).toBe('Ana Agent sent the reply again');
    expect(describeHistory({ at, type: 'reply.drafted', actor: null, data: { node: 'care' } }, names)).toBe('The map drafted a reply at Care resolves');
  });
  it('says who took a case over from whom, and why', () => {
    expect(describeHistory({ at, type: 'taken.over', actor: 'u2', data: { member: 'u1', by: 'u2', reason: 'off sick' } }, { ...names, person: (id) => (id === 'u1' ? 'Ana Agent' : id === 'u2' ? 'Max Manager' : 'Baton') })).toBe('Max Manager took it over from Ana Agent: “off sick”');
  });
  it('still says something for an entry it does not know', () => {
    expect(describeHistory({ at, type: 'something.new', actor: 'u1', data: {} }, names)).toBe('something.new by Ana Agent');
  });
});
