import type { BatonMap, Mention } from '@baton/engine';

/** A small complaint map: hub checklist → care (PT1H, timeout → supervisors) → ends; one end asks for a lesson. */
export function complaintMap(overrides: Partial<BatonMap> = {}): BatonMap {
  return {
    format: 'baton.map/v1',
    id: 'complaints',
    name: 'Complaints',
    hub: 'social',
    teams: [
      { id: 'social', name: 'Social Hub' },
      { id: 'care', name: 'Customer Care' },
      { id: 'supervisors', name: 'Supervisors' },
    ],
    crisis: { window: 'PT10M', threshold: 3, notify: [{ webhook: 'http://hooks.example.test/crisis' }, { team: 'supervisors' }] },
    nodes: [
      { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 5, when: { field: 'text', op: 'containsAny', value: ['broken', 'refund'] } },
      { id: 'a', type: 'action', label: 'Tag it', position: { x: 1, y: 0 }, do: [{ tag: 'complaint' }, { log: 'picked up' }] },
      {
        id: 'care', type: 'pass', label: 'Care resolves', position: { x: 2, y: 0 },
        to: { team: 'care' }, preAction: { checklist: ['Screenshot', 'Check CRM'] },
        expected: { action: 'Resolve', within: 'PT1H', outcomes: ['resolved', 'escalate'] },
      },
      {
        id: 'sup', type: 'pass', label: 'Supervisor takes over', position: { x: 3, y: 0 },
        to: { team: 'supervisors' },
        expected: { action: 'Take over', within: 'PT2H', outcomes: ['resolved'] },
      },
      { id: 'done', type: 'end', label: 'Resolved', position: { x: 4, y: 0 }, outcome: 'resolved', notify: [{ webhook: 'http://hooks.example.test/end' }] },
      { id: 'escalated', type: 'end', label: 'Escalated', position: { x: 4, y: 1 }, outcome: 'escalated', lessons: { required: true, prompt: 'What went wrong?' } },
    ],
    edges: [
      { id: 'e1', source: 't', target: 'a' },
      { id: 'e2', source: 'a', target: 'care' },
      { id: 'e3', source: 'care', target: 'done', on: 'resolved' },
      { id: 'e4', source: 'care', target: 'escalated', on: 'escalate' },
      { id: 'e5', source: 'care', target: 'sup', on: 'timeout' },
      { id: 'e6', source: 'sup', target: 'done', on: 'resolved' },
      { id: 'e7', source: 'sup', target: 'done', on: 'timeout' },
    ],
    ...overrides,
  } as BatonMap;
}

let n = 0;
/** A mention; `text` decides whether the complaint map routes it. */
export function mention(text: string, extra: Partial<Mention> = {}): Mention {
  n++;
  return { id: `twitter:${n}-${Math.random().toString(36).slice(2, 8)}`, network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-01-01T09:00:00Z', ...extra };
}
