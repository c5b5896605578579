import type { ContactKind } from '@baton/engine';

/** How the console names an offline pass: the heading, and the kind of contact its form starts with. */
export interface OfflineStep { title: string; kind: ContactKind }

/**
 * Reads an offline pass's expected action for the way the conversation moves off the network:
 * "Call the customer" for a call or phone, "Continue by e-mail", "Meet the customer", "Continue in a
 * direct message"; anything else is "Continue off the public network" (a call by default).
 * @example offlineStep('Call the prospect for a discovery call') // { title: 'Call the customer', kind: 'phone' }
 */
export function offlineStep(action: string): OfflineStep {
  const a = action.toLowerCase();
  if (/\b(call|phone|ring)\b/.test(a)) return { title: 'Call the customer', kind: 'phone' };
  if (/\be-?mail\b/.test(a)) return { title: 'Continue by e-mail', kind: 'email' };
  if (/\b(meet|meeting|visit)\b/.test(a)) return { title: 'Meet the customer', kind: 'meeting' };
  if (/\b(dm|direct message|private message)\b/.test(a)) return { title: 'Continue in a direct message', kind: 'dm' };
  return { title: 'Continue off the public network', kind: 'phone' };
}
