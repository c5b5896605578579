import { describe, expect, it } from 'vitest';
import { emptyDraft, sourceRequest } from './sourceForm.ts';

describe('the Add source form', () => {
  it('builds the request per kind', () => {
    expect(sourceRequest({ ...emptyDraft('rss'), name: ' Reviews ', url: 'https://example.org/feed.xml', network: 'review' })).toEqual({
      ok: true, source: { kind: 'rss', name: 'Reviews', settings: { url: 'https://example.org/feed.xml', every: 'PT5M', network: 'review' } },
    });
    expect(sourceRequest({ ...emptyDraft('mastodon'), name: 'M', brand: 'acme', instance: 'https://social.example', hashtags: '#acme, help', secret: 'tok' })).toEqual({
      ok: true, source: { kind: 'mastodon', name: 'M', brand: 'acme', settings: { instance: 'https://social.example', hashtags: ['#acme', 'help'] }, secrets: { accessToken: 'tok' } },
    });
  });

  it('names the fields a person must fix, in plain words', () => {
    const r = sourceRequest({ ...emptyDraft('bluesky'), name: '', handle: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toBe('Give the source a name.');
      expect(r.problems.some((p) => p.startsWith('Handle:'))).toBe(true);
      expect(r.problems.some((p) => p.startsWith('App password:'))).toBe(true);
    }
  });
});
