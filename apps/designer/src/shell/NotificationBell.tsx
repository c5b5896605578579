import { useCallback, useEffect, useRef, useState } from 'react';
import { repliesApi, type InboxNotification } from '../api/replies.ts';
import { overhearLive, useLiveStatus } from '../console/liveEvents.ts';
import { showError } from './toasts.ts';

/** How often the bell asks when no live stream is open (pages that do not work live). */
const POLL_MS = 30_000;

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function caseOf(n: InboxNotification): string | null {
  return typeof n.data?.caseId === 'string' ? n.data.caseId : null;
}

/**
 * The in-app notifications: a bell with the unread count in the top bar ("Notifications, 3 unread"),
 * kept current by the live `notification` event, opening a list of recent notifications with a
 * link to each case, mark read and mark all read.
 */
export function NotificationBell() {
  const [items, setItems] = useState<InboxNotification[] | null>(null);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const live = useLiveStatus();
  const load = useCallback(() => {
    repliesApi.notifications().then((r) => setItems(r.notifications.slice(0, 50)), () => undefined);
  }, []);
  useEffect(load, [load]);
  useEffect(() => overhearLive((type) => (type === 'notification' || type === 'ready') && load()), [load]);
  useEffect(() => {
    if (live === 'live') return;
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [live, load]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const unread = items?.filter((n) => !n.readAt).length ?? 0;
  const markRead = (n: InboxNotification) => {
    if (n.readAt) return;
    setItems((all) => all?.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)) ?? null);
    repliesApi.markRead(n.id).catch((e) => showError('Could not mark the notification read', e));
  };
  const markAll = () => {
    repliesApi.markAllRead().then(load, (e) => showError('Could not mark the notifications read', e));
  };

  return (
    <div className="bell" ref={root}>
      <button type="button" className="bell-button" aria-expanded={open} aria-controls="bell-panel" onClick={() => setOpen((o) => !o)}
        aria-label={`Notifications, ${unread === 0 ? 'none' : unread} unread`} data-testid="notification-bell" data-unread={unread}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" id="bell-panel" role="region" aria-label="Notifications">
          <div className="bell-head">
            <strong>Notifications</strong>
            <button type="button" className="link-button" onClick={markAll} disabled={unread === 0} data-testid="mark-all-read">Mark all read</button>
          </div>
          {items === null ? (
            <p className="muted bell-empty" aria-busy="true">Loading…</p>
          ) : items.length === 0 ? (
            <p className="muted bell-empty">Nothing yet. Maps tell you here when a case you should know about ends or needs you.</p>
          ) : (
            <ul className="bell-list">
              {items.map((n) => {
                const caseId = caseOf(n);
                return (
                  <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item bell-unread'} data-testid="notification">
                    <p className="plain-text">{n.message}</p>
                    <div className="bell-meta">
                      <span className="small muted">{time(n.at)}</span>
                      {caseId && <a className="small" href={`#/console/case/${encodeURIComponent(caseId)}`} onClick={() => { markRead(n); setOpen(false); }}>Open the case</a>}
                      {!n.readAt && <button type="button" className="link-button" onClick={() => markRead(n)}>Mark read</button>}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
