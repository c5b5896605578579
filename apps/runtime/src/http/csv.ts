import type { ZodType } from 'zod';
import { json } from './openapi.ts';

/** A CSV cell: quoted, and defused (a leading `'`) when a spreadsheet would read it as a formula. */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return `"${s.replace(/"/g, '""')}"`;
}

/** A CSV document (RFC 4180, CRLF line ends) from a header and rows of cells. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The headers of a CSV download named `name`.csv. */
export function csvHeaders(name: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv"`,
    'Cache-Control': 'no-store',
  };
}

/**
 * The OpenAPI response of an answer that is JSON, or a CSV download with `?format=csv` (said in
 * the description: declaring a second content type would make typed clients read every answer
 * as either).
 */
export function jsonOrCsv<T extends ZodType>(schema: T, description: string) {
  return json(schema, `${description}; with \`format=csv\`, the same as a CSV download (text/csv)`);
}
