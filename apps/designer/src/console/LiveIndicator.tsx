import { useLiveStatus } from './liveEvents.ts';

const WORDS = { live: 'Live', connecting: 'Connecting…', offline: 'Offline — retrying' } as const;

/** Whether the view updates by itself right now. */
export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span className={`live-indicator live-${status}`} data-live={status} title="Rows update as cases move, without reloading">
      <span aria-hidden="true" className="live-dot" /> {WORDS[status]}
    </span>
  );
}
