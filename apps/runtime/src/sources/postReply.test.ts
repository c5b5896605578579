import { describe, expect, it } from 'vitest';
import { addressed, replyVisibility } from './postReply.ts';

describe('addressed (a Mastodon reply names its customer)', () => {
  it('puts the handle in front unless the text already names that account', () => {
    expect(addressed('Sorry!', '@ana@social.example')).toBe('@ana@social.example Sorry!');
    expect(addressed('Hi @ana@social.example, sorry!', '@ana@social.example')).toBe('Hi @ana@social.example, sorry!');
    expect(addressed('@ANA@Social.Example sorry', '@ana@social.example')).toBe('@ANA@Social.Example sorry');
    expect(addressed('@bo thanks', '@bo')).toBe('@bo thanks');
    expect(addressed('@bob thanks', '@bo')).toBe('@bo @bob thanks');
    expect(addressed('@bo@other.example thanks', '@bo')).toBe('@bo @bo@other.example thanks');
    expect(addressed('mail bo@example.test', '@bo')).toBe('@bo mail bo@example.test');
  });

  it('leaves the text alone without a usable handle', () => {
    expect(addressed('Sorry!', undefined)).toBe('Sorry!');
    expect(addressed('Sorry!', 'Ana Ruiz')).toBe('Sorry!');
  });
});

describe('replyVisibility (never wider than the customer’s post)', () => {
  it('keeps direct, followers-only and unlisted; public otherwise', () => {
    expect(['direct', 'private', 'unlisted', 'public', undefined, 'odd'].map((v) => replyVisibility(v))).toEqual(['direct', 'private', 'unlisted', 'public', 'public', 'public']);
  });
});
