import { describe, expect, it } from 'vitest';
import { fillReplyTemplate } from './fillReplyTemplate.ts';

describe('fillReplyTemplate', () => {
  it('fills the author and the case, and leaves other braces as written', () => {
    const text = fillReplyTemplate('Hi {author.name} ({ author.handle }), case {case.id}. {unknown}', { authorName: 'Ana', authorHandle: '@ana', caseId: 'c-1' });
    expect(text).toBe('Hi Ana (@ana), case c-1. {unknown}');
  });

  it('uses the handle where the author gave no name', () => {
    expect(fillReplyTemplate('Hi {author.name}', { authorName: null, authorHandle: '@bo', caseId: 'c' })).toBe('Hi @bo');
  });
});
