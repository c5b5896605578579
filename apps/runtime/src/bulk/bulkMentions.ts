import { mentionSchema, type Mention } from '@baton/engine';
import { parse } from 'csv-parse/sync';
import type { ZodError } from 'zod';

/** One mention of a file, with the line of the file it starts on (counted from 1). */
export interface BulkRow {
  line: number;
  mention: Mention;
}

/** The formats a file of mentions may come in. */
export type BulkFormat = 'csv' | 'ndjson' | 'json';

/**
 * A row of a file that is not a mention: the line it starts on, the Mention field at fault (dotted
 * for nested ones, `author.followers`; null where the row could not be read at all) and why.
 */
export class BadRowError extends Error {
  constructor(
    readonly line: number,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`Line ${line}${field ? `, ${field}` : ''}: ${reason}`);
    this.name = 'BadRowError';
  }
}

type CellType = 'string' | 'integer' | 'boolean' | 'number';

/**
 * Every Mention field a CSV column may name, with how its cells are read. The test beside this file
 * checks it against the mention schema, so a new Mention field cannot be forgotten here.
 */
export const CSV_COLUMNS: Readonly<Record<string, CellType>> = {
  id: 'string', network: 'string', 'author.handle': 'string', 'author.name': 'string',
  'author.followers': 'integer', 'author.verified': 'boolean', text: 'string', url: 'string',
  createdAt: 'string', inReplyTo: 'string', directedAtBrand: 'boolean', lang: 'string',
  sentiment: 'number', brand: 'string',
};

/** A cell as the JSON value its column takes; throws a reason when it is not one. */
function readCell(type: CellType, cell: string): string | number | boolean {
  switch (type) {
    case 'string':
      return cell;
    case 'integer':
      if (!/^\s*-?\d+\s*$/.test(cell)) throw new Error(`must be a whole number, not "${cell.slice(0, 40)}"`);
      return Number(cell);
    case 'number': {
      const n = Number(cell);
      if (cell.trim() === '' || !Number.isFinite(n)) throw new Error(`must be a number, not "${cell.slice(0, 40)}"`);
      return n;
    }
    case 'boolean': {
      const v = cell.trim().toLowerCase();
      if (v === 'true') return true;
      if (v === 'false') return false;
      throw new Error(`must be true or false, not "${cell.slice(0, 40)}"`);
    }
  }
}

/** The first schema issue as a dotted field and its message. */
function firstIssue(error: ZodError): { field: string | null; reason: string } {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.');
  return { field: field || null, reason: issue.message };
}

/**
 * Where bad rows go: without a list the first one is thrown; with one (the CLI, which reports them
 * all before sending anything) each is added to it and the reading goes on.
 */
type BadRows = BadRowError[] | undefined;

function refuse(bad: BadRows, error: BadRowError): void {
  if (!bad) throw error;
  bad.push(error);
}

/** Adds one mention checked against the schema to `rows`; the line is where its row starts. */
function check(rows: BulkRow[], bad: BadRows, line: number, value: unknown): void {
  const r = mentionSchema.safeParse(value);
  if (r.success) rows.push({ line, mention: r.data });
  else {
    const { field, reason } = firstIssue(r.error);
    refuse(bad, new BadRowError(line, field, reason));
  }
}

/**
 * Reads a CSV file of mentions: a header row naming Mention fields (dotted for nested ones,
 * `author.handle`), then one mention per row. Empty cells are absent fields; `author.followers` is
 * a whole number, `author.verified` and `directedAtBrand` are true/false, `sentiment` a number.
 * Quoted cells may hold commas and line breaks; a row's line is the line it starts on (the header
 * is line 1). Throws {@link BadRowError} for the first row that is not a mention, or for a header
 * naming a column that is not a Mention field (with a `bad` list, bad rows go there instead).
 * @example csvMentions('id,network,author.handle,text,createdAt\nx:1,twitter,@ana,Hi,2026-01-01T09:00:00Z\n')
 */
export function csvMentions(text: string, bad?: BadRowError[]): BulkRow[] {
  const source = text.replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // Where each record ends, as the parser says when it hands the record over.
    const ends: number[] = [];
    const cells = parse(source, { skip_empty_lines: true, on_record: (record, { bytes }) => (ends.push(bytes), record) });
    records = cells.map((record, i) => ({ record, info: { bytes: ends[i]! } }));
  } catch (e) {
    const err = e as { code?: string; lines?: number; record?: string[]; message?: string };
    const reason = err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? `the row has ${err.record?.length ?? 'a different number of'} cells, not one per column of the header`
      : err.code?.includes('QUOTE') ? 'a quoted cell is not closed, or has text after its closing quote' : 'not readable as CSV';
    throw new BadRowError(err.lines ?? 1, null, reason);
  }
  if (records.length === 0) return [];
  // The line each record starts on, counted in the bytes before it: the parser's own line count
  // takes a CR LF inside a quoted cell for two lines. `info.bytes` is where a record ends.
  const bytes = Buffer.from(source, 'utf8');
  const starts: number[] = [];
  let line = 1;
  let at = 0;
  for (const { info } of records) {
    while (at < info.bytes && (bytes[at] === 10 || bytes[at] === 13)) if (bytes[at++] === 10) line++; // skipped empty lines
    starts.push(line);
    for (; at < info.bytes; at++) if (bytes[at] === 10) line++;
  }
  const header = records[0]!.record.map((h) => h.trim());
  const headerLine = starts[0]!;
  const seen = new Set<string>();
  for (const column of header) {
    if (!(column in CSV_COLUMNS)) {
      throw new BadRowError(headerLine, column, `"${column.slice(0, 60)}" is not a Mention field (use ${Object.keys(CSV_COLUMNS).join(', ')})`);
    }
    if (seen.has(column)) throw new BadRowError(headerLine, column, `the column "${column}" appears twice`);
    seen.add(column);
  }
  const rows: BulkRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record } = records[r]!;
    const line = starts[r]!;
    const mention: Record<string, unknown> = {};
    let cellError: BadRowError | undefined;
    header.forEach((column, i) => {
      const cell = record[i]!;
      if (cell === '' || cellError) return;
      let value;
      try {
        value = readCell(CSV_COLUMNS[column]!, cell);
      } catch (e) {
        cellError = new BadRowError(line, column, (e as Error).message);
        return;
      }
      const dot = column.indexOf('.');
      if (dot === -1) mention[column] = value;
      else ((mention[column.slice(0, dot)] ??= {}) as Record<string, unknown>)[column.slice(dot + 1)] = value;
    });
    if (cellError) refuse(bad, cellError);
    else check(rows, bad, line, mention);
  }
  return rows;
}

/**
 * Reads newline-delimited JSON: one mention per line; blank lines are skipped but counted.
 * Throws {@link BadRowError} for the first line that is not JSON or not a mention.
 */
export function ndjsonMentions(text: string, bad?: BadRowError[]): BulkRow[] {
  const rows: BulkRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return refuse(bad, new BadRowError(i + 1, null, `not JSON (${(e as Error).message.slice(0, 100)})`));
    }
    check(rows, bad, i + 1, value);
  });
  return rows;
}

/** The line each top-level item of a JSON array starts on (strings skipped, escapes honoured). */
function itemLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectItem && ch !== ']') {
      starts.push(line);
      expectItem = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 1) expectItem = true;
    } else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 1) expectItem = true;
  }
  return starts;
}

/** Reads a JSON array of mentions (or one mention), each with the line its item starts on. */
export function jsonMentions(text: string, bad?: BadRowError[]): BulkRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BadRowError(1, null, `not JSON (${(e as Error).message.slice(0, 100)})`);
  }
  const rows: BulkRow[] = [];
  if (!Array.isArray(value)) check(rows, bad, 1, value);
  else {
    const lines = itemLines(text);
    value.forEach((item, i) => check(rows, bad, lines[i] ?? 1, item));
  }
  return rows;
}

/** Reads a file of mentions in the given format (see {@link csvMentions}, {@link ndjsonMentions}, {@link jsonMentions}). */
export function bulkMentions(format: BulkFormat, text: string, bad?: BadRowError[]): BulkRow[] {
  return format === 'csv' ? csvMentions(text, bad) : format === 'ndjson' ? ndjsonMentions(text, bad) : jsonMentions(text, bad);
}

/** The bulk format a `Content-Type` names, if any: `text/csv`, `application/x-ndjson` or `application/ndjson`. */
export function bulkFormatOf(contentType: string | undefined): 'csv' | 'ndjson' | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return 'ndjson';
  return undefined;
}
