/**
 * `baton import FILE --url URL --token TOKEN`: sends a file of mentions (CSV, NDJSON or a JSON
 * array) to a running Baton in batches, with a progress bar, and can be run again after an
 * interruption without doubling anything.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { brandSchema, type Mention } from '@baton/engine';
import { BadRowError, bulkMentions, type BulkFormat } from '../bulk/bulkMentions.ts';
import { CliError } from './loadDocument.ts';
import { progressBar } from './progressBar.ts';

/** Most mentions the server takes in one request. */
const MAX_BATCH = 1000;
/** Bad rows listed before "and N more". */
const SHOWN_BAD_ROWS = 20;

type Status = 'routed' | 'attached' | 'unrouted' | 'duplicate';
type Counts = Record<Status, number>;

/**
 * What an import remembers beside its file (`FILE.baton-import.json`): which file it was (size,
 * modification time and content hash: a changed file starts over), where it went, in what batch
 * size, how many batches the server acknowledged, and what became of their mentions.
 */
interface ImportState {
  file: { size: number; mtimeMs: number; sha256: string };
  url: string;
  batch: number;
  brand: string | null;
  acknowledged: number;
  counts: Counts;
}

/** The value after `--name` (or `--name=value`); `--name` with no value is a usage error. */
function option(args: string[], name: string): string | undefined {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`--${name} needs a value`);
  return value;
}

/** The format of a file: by its extension, else by its first character. */
export function formatOf(path: string, text: string): BulkFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.json') return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    // One object over the whole file is a JSON document; one per line is NDJSON.
    const lines = start.split('\n').filter((l) => l.trim() !== '');
    return lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{') && l.trimEnd().endsWith('}')) ? 'ndjson' : 'json';
  }
  return 'csv';
}

/** `http://host:port` → `http://host:port/api/mentions`; anything but an http(s) URL is a usage error. */
function ingestUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`--url must be the address of a Baton server, such as http://localhost:3000 (got '${url}')`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(`--url must start with http:// or https:// (got '${url}')`);
  }
  const base = parsed.href.replace(/\/+$/, '');
  return base.endsWith('/api/mentions') ? base : `${base}/api/mentions`;
}

const noCounts = (): Counts => ({ routed: 0, attached: 0, unrouted: 0, duplicate: 0 });

async function readState(path: string): Promise<ImportState | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ImportState;
  } catch {
    return undefined; // none yet, or unreadable: start over
  }
}

/** Writes the state whole or not at all (a crash mid-write leaves the previous one). */
async function saveState(path: string, state: ImportState): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

/** Progress on standard error: a bar on a terminal, else a plain line every tenth of the way. */
function progress(total: number) {
  if (process.stderr.isTTY) return progressBar('Importing', 0);
  let shownTenth = -1;
  return {
    update(done: number) {
      const tenth = Math.floor((done / total) * 10);
      if (done === 0 || tenth === shownTenth) return;
      shownTenth = tenth;
      process.stderr.write(`baton import: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} mentions sent\n`);
    },
    finish() {},
  };
}

/** Why a request failed, in one line. */
function networkError(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const why = code === 'ECONNREFUSED' ? 'connection refused: is Baton running there?'
    : code === 'ENOTFOUND' ? 'no such host'
      : code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' ? 'the connection timed out'
        : cause?.message ?? (error as Error).message;
  return new CliError(`cannot reach ${new URL(url).origin} (${why}); what was sent so far is kept: run the same command again to go on`, 1);
}

/** Times a batch is offered again while the server says it is too busy (429, with Retry-After). */
const RATE_LIMIT_RETRIES = 20;

/** Posts one batch; answers its results or throws a one-line error. */
async function send(url: string, token: string, batch: Mention[]): Promise<{ status: Status }[]> {
  let res: Response;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    } catch (error) {
      throw networkError(url, error);
    }
    if (res.status !== 429 || attempt === RATE_LIMIT_RETRIES) break;
    await res.body?.cancel();
    const seconds = Math.min(60, Math.max(1, Number(res.headers.get('retry-after')) || 1));
    await new Promise((ok) => setTimeout(ok, seconds * 1000));
  }
  const text = await res.text();
  let body: { results?: { status: Status }[]; error?: { code?: string; message?: string } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: not a Baton server, or a proxy's error page
  }
  if (res.ok && Array.isArray(body.results)) return body.results;
  const said = body.error?.message ? `: ${body.error.message}` : '';
  if (res.status === 401) throw new CliError(`the server refused the token (401${said}); pass an ingest token with --token`, 1);
  if (res.status === 403) throw new CliError(`the server refused this import (403${said})`, 1);
  if (res.status === 404) throw new CliError(`${url} is not a Baton server's ingest address (404); --url takes the server's address, such as http://localhost:3000`, 1);
  if (res.ok) throw new CliError(`${url} answered something that is not Baton's (no results); check --url`, 1);
  throw new CliError(`the server refused a batch (${res.status}${said})`, 1);
}

/** Runs `baton import FILE --url URL --token TOKEN [--batch N] [--brand B]`. */
export async function runImportMentions(args: string[]): Promise<number> {
  const valued = new Set(['url', 'token', 'batch', 'brand']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(args[i - 1]!.replace(/^--/, ''))));
  const unknown = args.filter((a) => a.startsWith('--') && !valued.has(a.slice(2).split('=')[0]!));
  if (unknown.length) throw new CliError(`unknown option ${unknown[0]} (import takes --url, --token, --batch, --brand)`);
  const [file, ...extra] = positional;
  if (!file) throw new CliError('missing file argument: baton import FILE --url URL --token TOKEN');
  if (extra.length) throw new CliError(`import sends one file at a time (got ${positional.length})`);
  const url = ingestUrl(option(args, 'url') ?? '');
  const token = option(args, 'token') ?? process.env.BATON_INGEST_TOKEN;
  if (!token) throw new CliError('missing --token: an ingest token (Admin → Tokens), or set BATON_INGEST_TOKEN');
  const batchText = option(args, 'batch') ?? '500';
  const batchSize = Number(batchText);
  if (!/^\d+$/.test(batchText) || batchSize < 1 || batchSize > MAX_BATCH) throw new CliError(`--batch must be a whole number from 1 to ${MAX_BATCH} (got '${batchText}')`);
  const brand = option(args, 'brand') ?? null;
  if (brand !== null && !brandSchema.safeParse(brand).success) throw new CliError(`--brand must be an id (letters, digits, _ . : -), not '${brand}'`);

  let text: string;
  let info;
  try {
    [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file of mentions' : `cannot be read (${code})`}`);
  }

  // Every row is checked before anything is sent.
  const format = formatOf(file, text);
  const bad: BadRowError[] = [];
  let rows;
  try {
    rows = bulkMentions(format, text, bad);
  } catch (error) {
    if (error instanceof BadRowError) throw new CliError(`${file}:${error.line}: ${error.field ? `${error.field}: ` : ''}${error.reason}; nothing was sent`, 1);
    throw error;
  }
  if (bad.length) {
    const shown = bad.slice(0, SHOWN_BAD_ROWS).map((e) => `  line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.reason}`);
    if (bad.length > SHOWN_BAD_ROWS) shown.push(`  … and ${bad.length - SHOWN_BAD_ROWS} more`);
    throw new CliError(`${file}: ${bad.length} row${bad.length === 1 ? ' is' : 's are'} not a mention; nothing was sent\n${shown.join('\n')}`, 1);
  }
  const mentions = rows.map((r) => (brand !== null && r.mention.brand === undefined ? { ...r.mention, brand } : r.mention));

  const statePath = `${file}.baton-import.json`;
  const fingerprint = { size: info.size, mtimeMs: info.mtimeMs, sha256: createHash('sha256').update(text).digest('hex') };
  const previous = await readState(statePath);
  const same = previous && previous.url === url && previous.batch === batchSize && previous.brand === brand
    && previous.file?.sha256 === fingerprint.sha256 && previous.file.size === fingerprint.size && previous.file.mtimeMs === fingerprint.mtimeMs;
  const state: ImportState = same ? previous : { file: fingerprint, url, batch: batchSize, brand, acknowledged: 0, counts: noCounts() };
  const batches = Math.ceil(mentions.length / batchSize);
  if (same && state.acknowledged > 0) {
    process.stderr.write(`baton import: going on from batch ${state.acknowledged + 1} of ${batches} (${Math.min(state.acknowledged * batchSize, mentions.length).toLocaleString('en')} mentions were sent before)\n`);
  }

  const bar = progress(mentions.length);
  const stopped = () => {
    bar.finish();
    process.stderr.write(`\nbaton import: stopped after ${Math.min(state.acknowledged * batchSize, mentions.length).toLocaleString('en')} of ${mentions.length.toLocaleString('en')} mentions; run the same command again to go on\n`);
    process.exit(130);
  };
  // Ctrl-C lets the batch in flight be answered and remembered (so it is not sent twice); a
  // second Ctrl-C stops at once (a batch sent again later only comes back as duplicates).
  let stopping = false;
  const onInterrupt = () => {
    if (stopping) stopped();
    stopping = true;
  };
  process.on('SIGINT', onInterrupt);
  try {
    for (let b = state.acknowledged; b < batches; b++) {
      bar.update(b * batchSize, mentions.length);
      const results = await send(url, token, mentions.slice(b * batchSize, (b + 1) * batchSize));
      for (const r of results) if (r.status in state.counts) state.counts[r.status]++;
      state.acknowledged = b + 1;
      await saveState(statePath, state);
      if (stopping && b + 1 < batches) stopped();
    }
    bar.update(mentions.length, mentions.length);
  } finally {
    bar.finish();
    process.removeListener('SIGINT', onInterrupt);
  }
  await rm(statePath, { force: true });
  const c = state.counts;
  const n = (x: number) => x.toLocaleString('en');
  console.log(`Imported ${n(mentions.length)} mention${mentions.length === 1 ? '' : 's'} from ${file}: ${n(c.routed)} routed, ${n(c.attached)} attached, ${n(c.unrouted)} unrouted, ${n(c.duplicate)} duplicate (already in Baton).`);
  return 0;
}
