import type { MapSummary } from '../api/client.ts';

/** Shown across every screen while any map is in crisis. */
export function CrisisBanner({ maps }: { maps: MapSummary[] }) {
  const inCrisis = maps.filter((m) => m.crisis);
  if (inCrisis.length === 0) return null;
  return (
    <div className="crisis-banner" role="alert" data-testid="crisis-banner">
      <strong>Crisis:</strong> {inCrisis.map((m) => m.name).join(', ')} — backups are taking new work.
    </div>
  );
}
