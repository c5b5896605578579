import { notificationsSupported, setNotifications, useNotificationsOn } from './useNewCaseNotifications.ts';

/** Opt-in browser notifications for new cases in my teams, and a pointer to the shortcuts. */
export function NotifyToggle() {
  const on = useNotificationsOn();
  return (
    <span className="notify-toggle">
      {notificationsSupported() ? (
        <label>
          <input type="checkbox" checked={on} onChange={(e) => void setNotifications(e.target.checked)} data-testid="notify-new-cases" />
          {' '}Notify me of new cases
        </label>
      ) : null}
      <span className="muted shortcuts-hint">Press <kbd>?</kbd> for shortcuts</span>
    </span>
  );
}
