import type { DrillReport } from '@baton/engine';
import { csvCell } from '../http/csv.ts';

/** Which table of a drill report a CSV export holds. */
export type DrillCsvPart = 'comparison' | 'people' | 'cases' | 'held';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One table of a drill report as CSV (header row first, CRLF line ends). */
export function drillCsv(report: DrillReport, part: DrillCsvPart): string {
  let rows: string[][];
  if (part === 'people') {
    rows = [['person', 'name', 'team', 'claims', 'outcomes', 'lessons', 'notes', 'busySec', 'handleSecP50', 'handleSecP90', 'handleSecMax'],
      ...report.people.map((p) => [csvCell(p.userId), csvCell(p.name), csvCell(p.team), num(p.claims), num(p.outcomes), num(p.lessons), num(p.notes), num(p.busySec), num(p.handleSec.p50), num(p.handleSec.p90), num(p.handleSec.max)])];
  } else if (part === 'cases') {
    rows = [['mention', 'case', 'trigger', 'status', 'end', 'path', 'teams', 'breaches', 'pickupSec', 'resolvedSec'],
      ...report.cases.map((c) => [csvCell(c.mention), csvCell(c.case), csvCell(c.trigger), csvCell(c.status), csvCell(c.end), csvCell(c.path.join(' > ')), csvCell(c.teams.join(' ')), csvCell(c.breaches.join(' ')), num(c.pickupSec), num(c.resolvedSec)])];
  } else if (part === 'held') {
    rows = [['at', 'case', 'kind', 'recipient', 'message'], ...report.held.map((h) => [csvCell(h.at), csvCell(h.caseId), csvCell(h.kind), csvCell(h.recipient), csvCell(h.message)])];
  } else {
    rows = [['metric', 'label', 'drill', 'predicted', 'difference'],
      ...report.comparison.map((l) => [csvCell(l.metric), csvCell(l.label), num(l.drill), num(l.predicted), num(l.difference)])];
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
