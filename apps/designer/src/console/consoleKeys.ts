/**
 * The console's keyboard shortcuts, as data: what each key does and the words the `?` overlay
 * shows. Pure, so which key means what (and that typing in a box never triggers one) is tested
 * without a browser.
 */

/** What a shortcut does. */
export type ConsoleAction = 'next' | 'previous' | 'claim' | 'reply' | 'outcome' | 'search' | 'help' | 'queue' | 'close';

/** The shortcuts, in the order the overlay lists them. */
export const CONSOLE_SHORTCUTS: { key: string; label: string; action: ConsoleAction }[] = [
  { key: 'j', label: 'Next case', action: 'next' },
  { key: 'k', label: 'Previous case', action: 'previous' },
  { key: 'c', label: 'Claim the open case (or renew your claim)', action: 'claim' },
  { key: 'r', label: 'Write a reply', action: 'reply' },
  { key: 'o', label: 'Choose an outcome', action: 'outcome' },
  { key: 'u', label: 'Back to the queue', action: 'queue' },
  { key: '/', label: 'Search cases', action: 'search' },
  { key: '?', label: 'Show or hide these shortcuts', action: 'help' },
  { key: 'Escape', label: 'Close this list', action: 'close' },
];

/** The parts of a key event a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element that has focus (`event.target`). */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING_INPUTS = new Set(['text', 'search', 'email', 'url', 'password', 'number', 'tel', 'date', 'datetime-local', 'time', 'month', 'week', '']);

/** Whether the key goes into something the person is typing in (text boxes, selects, editable areas). */
export function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPING_INPUTS.has((target.type ?? '').toLowerCase());
}

/** The action a key press asks for, or null (typing, a modifier held, or no such shortcut). */
export function shortcutFor(press: KeyPress): ConsoleAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key !== 'Escape' && isTyping(press.target)) return null;
  return CONSOLE_SHORTCUTS.find((s) => s.key === press.key)?.action ?? null;
}

/** The case after (`+1`) or before (`-1`) `current` in queue order; the first (or last) when none is open. */
export function stepThrough(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (!order.length) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return step === 1 ? order[0]! : order[order.length - 1]!;
  const next = at + step;
  return next >= 0 && next < order.length ? order[next]! : null;
}
