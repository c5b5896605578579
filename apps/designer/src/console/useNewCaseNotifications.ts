import { useEffect, useSyncExternalStore } from 'react';
import type { User } from '../api/client.ts';
import { caseHash } from './consoleRoute.ts';
import { subscribeLive } from './liveEvents.ts';

/** The browser-notification setting, per browser: off unless the person turns it on. */
const KEY = 'baton.notifyNewCases';
const listeners = new Set<() => void>();

/** Whether this browser can show notifications at all. */
export const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

/** On when asked for here and the browser allows it. */
function enabled(): boolean {
  return notificationsSupported() && localStorage.getItem(KEY) === 'on' && Notification.permission === 'granted';
}

/** Turns notifications on (asking the browser's permission first) or off; answers the new state. */
export async function setNotifications(on: boolean): Promise<boolean> {
  if (on && notificationsSupported() && Notification.permission !== 'granted') await Notification.requestPermission();
  localStorage.setItem(KEY, on ? 'on' : 'off');
  listeners.forEach((l) => l());
  return enabled();
}

/** The setting, live. */
export function useNotificationsOn(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, enabled, () => false);
}

/**
 * While the console is open and the person turned them on, a browser notification for each case
 * that arrives waiting in one of their teams' queues (once per case and team); clicking it opens
 * the case.
 */
export function useNewCaseNotifications(user: User): void {
  useEffect(() => {
    const seen = new Set<string>();
    return subscribeLive((type, data) => {
      if (type !== 'case' || !enabled()) return;
      const team = typeof data.team === 'string' ? data.team : null;
      const id = typeof data.id === 'string' ? data.id : null;
      if (!id || !team || data.status !== 'waiting' || data.holder || !user.teams.includes(team)) return;
      const key = `${id}\u0000${team}`;
      if (seen.has(key)) return;
      seen.add(key);
      const note = new Notification('New case in your queue', { body: `Team ${team} has a new case waiting.`, tag: key });
      note.onclick = () => {
        window.focus();
        location.hash = caseHash(id);
        note.close();
      };
    });
  }, [user.teams]);
}
