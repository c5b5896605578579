import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor, stepThrough, type KeyPress } from './consoleKeys.ts';

const press = (key: string, target: KeyPress['target'] = { tagName: 'BODY' }, mods: Partial<KeyPress> = {}): KeyPress =>
  ({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('console shortcuts', () => {
  it.each([['j', 'next'], ['k', 'previous'], ['c', 'claim'], ['r', 'reply'], ['o', 'outcome'], ['/', 'search'], ['?', 'help'], ['u', 'queue'], ['Escape', 'close']])(
    '%s → %s', (key, action) => expect(shortcutFor(press(key))).toBe(action),
  );

  it('never fires while typing, or with a modifier held', () => {
    expect(shortcutFor(press('j', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutFor(press('r', { tagName: 'INPUT', type: 'text' }))).toBeNull();
    expect(shortcutFor(press('/', { tagName: 'INPUT', type: 'search' }))).toBeNull();
    expect(shortcutFor(press('c', { tagName: 'SELECT' }))).toBeNull();
    expect(shortcutFor(press('o', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(shortcutFor(press('c', { tagName: 'BODY' }, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { tagName: 'BODY' }, { metaKey: true }))).toBeNull();
    // A checkbox or a button does not take text: shortcuts work there.
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(shortcutFor(press('j', { tagName: 'BUTTON' }))).toBe('next');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('steps through the queue order', () => {
    expect(stepThrough(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(stepThrough(['a', 'b', 'c'], null, -1)).toBe('c');
    expect(stepThrough(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(stepThrough(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(stepThrough(['a', 'b', 'c'], 'b', -1)).toBe('a');
    expect(stepThrough([], null, 1)).toBeNull();
  });
});
