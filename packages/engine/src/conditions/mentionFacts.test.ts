import { describe, expect, it } from 'vitest';
import type { Mention } from '../schema/mention.ts';
import { isQuestion, mentionFacts, textSentiment } from './mentionFacts.ts';

const mention = (over: Partial<Mention> = {}): Mention => ({
  id: 'twitter:1790',
  network: 'twitter',
  author: { handle: '@ana' },
  text: '@AcmeTelecom is the network DOWN again? no signal since 9am #outage',
  createdAt: '2026-01-01T09:00:00Z',
  ...over,
});

describe('mentionFacts', () => {
  it('flattens the fields conditions use, leaving absent ones absent', () => {
    expect(mentionFacts(mention({ sentiment: -0.7 }))).toEqual({
      network: 'twitter',
      text: '@AcmeTelecom is the network DOWN again? no signal since 9am #outage',
      authorHandle: '@ana',
      sentiment: -0.7,
      isQuestion: true,
    });
    const full = mentionFacts(
      mention({ author: { handle: '@bigvoice', followers: 120_000, verified: true }, lang: 'en', directedAtBrand: true }),
    );
    expect(full).toMatchObject({ authorFollowers: 120_000, authorVerified: true, lang: 'en', directedAtBrand: true });
  });

  it('computes sentiment in [-1, 1] when the mention has none', () => {
    const angry = mentionFacts(mention({ text: 'Worst service ever, I hate this company. Terrible, awful.' })).sentiment;
    const happy = mentionFacts(mention({ text: 'Thank you so much, the engineer was great and fixed it fast!' })).sentiment;
    expect(angry).toBeLessThan(-0.5);
    expect(angry).toBeGreaterThanOrEqual(-1);
    expect(happy).toBeGreaterThan(0.5);
    expect(happy).toBeLessThanOrEqual(1);
    expect(textSentiment('Router arrived on Tuesday')).toBe(0);
  });

  it('rounds computed sentiment to 3 decimals', () => {
    const s = textSentiment('this is bad');
    expect(Math.round(s * 1000) / 1000).toBe(s);
    expect(s).toBeCloseTo(-3 / Math.sqrt(24), 3);
  });
});

describe('isQuestion', () => {
  it('sees question marks, also full-width and Spanish ones', () => {
    expect(isQuestion('is the network down again?')).toBe(true);
    expect(isQuestion('¿Por qué no tengo señal')).toBe(true);
    expect(isQuestion('为什么没有信号？')).toBe(true);
  });

  it('ignores the ? of a link', () => {
    expect(isQuestion('Outage map: https://acme.example/status?region=leeds')).toBe(false);
  });

  it('sees help requests without a question mark', () => {
    expect(isQuestion('Can anyone help, my bill doubled')).toBe(true);
    expect(isQuestion('how do I reset my router @AcmeTelecom')).toBe(true);
    expect(isQuestion('Anyone know why the app keeps crashing')).toBe(true);
    expect(isQuestion('PLEASE HELP my line is dead')).toBe(true);
    expect(isQuestion('is there a way to pause my contract')).toBe(true);
  });

  // Real phrasings seen on social networks (spelling and case as posted), and what isQuestion says.
  it.each([
    ['help me someone my internet has been off since 6am', true],
    ['can anyone tell me how to change the name on my account', true],
    ['Can anybody explain why my bill went up again', true],
    ['someone please help, charged twice for one order', true],
    ['i need help with my order it never came', true],
    ['HELP NEEDED: locked out of my account after the update', true],
    ['does anyone know if the Leeds store is open today', true],
    ['is anyone else getting logged out every 5 minutes @ShopCo', true],
    ['anyone else having trouble with the app today', true],
    ['where do i send the form for my membership renewal', true],
    ['where can i find my invoice', true],
    ['what do i do now, the engineer never turned up', true],
    ['Why is my parcel going to Glasgow', true],
    ["why can't i log in to the members area", true],
    ['tell me how to cancel this subscription', true],
    ['@AcmeTelecom help please, no signal in the whole street', true],
    ['Thanks to the staff in Leeds, brilliant service', false],
    ['the help page was useful, sorted it myself', false],
    ['Ordered on Monday, arrived Tuesday. Impressed.', false],
    ['Helpful chat with your team this morning', false],
    ['Someone at the store told me it would take a week', false],
    ['I can tell you the new app is much faster', false],
  ])('%s → %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected);
  });

  it('leaves statements alone', () => {
    expect(isQuestion('Great service from @AcmeTelecom today, thanks!')).toBe(false);
    expect(isQuestion('The helpdesk was helpful')).toBe(false);
    expect(isQuestion('Showhow do it')).toBe(false);
  });
});
