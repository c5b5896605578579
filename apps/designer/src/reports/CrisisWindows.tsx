import type { ReportSummary } from '../api/reports.ts';
import { secondsInWords } from '../simulation/timeWords.ts';
import { whenInWords } from './period.ts';

/** The crises that overlapped the period: which map, when it began, how long it lasted. */
export function CrisisWindows({ crises, now }: { crises: ReportSummary['crises']; now: number }) {
  if (!crises.length) return <p className="muted" data-testid="report-crises">No crisis in this period.</p>;
  return (
    <ul className="report-crises" data-testid="report-crises">
      {crises.map((c) => {
        const end = c.endedAt ? Date.parse(c.endedAt) : now;
        return (
          <li key={`${c.mapId}@${c.startedAt}`}>
            <strong>{c.mapName}</strong> — from {whenInWords(c.startedAt)}, {c.endedAt ? `for ${secondsInWords((end - Date.parse(c.startedAt)) / 1000)}` : `still on (${secondsInWords((end - Date.parse(c.startedAt)) / 1000)} so far)`}
          </li>
        );
      })}
    </ul>
  );
}
