import { readFile } from 'node:fs/promises';

/** A user mistake the CLI reports in one line, with the exit code to leave with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON document and checks its `format` tag, so that a missing file, bad JSON or the
 * wrong kind of document each get one clear line instead of a stack trace.
 */
export async function loadDocument(
  path: string | undefined,
  format: string,
  what: string,
  /** Keys that mark the document as this kind even without its `format` tag (then the validator explains). */
  ownKeys: readonly string[] = [],
): Promise<Record<string, unknown>> {
  if (!path) throw new CliError(`missing ${what} file argument`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a folder, not a ${what} file`);
    throw new CliError(`${path}: cannot be read (${code ?? 'unknown error'})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new CliError(`${path}: not a ${what} (expected a JSON object with "format": "${format}")`);
  }
  const tag = (doc as Record<string, unknown>).format;
  const looksLikeIt = tag === undefined && ownKeys.some((k) => k in (doc as object));
  if (tag !== format && !looksLikeIt) {
    const found = typeof tag === 'string' ? `"${tag}"` : 'no format';
    throw new CliError(`${path}: not a ${what} (found ${found}, expected "format": "${format}")`);
  }
  return doc as Record<string, unknown>;
}

/** Splits `--flags` from positional arguments. */
export function parseArgs(args: readonly string[]): { positional: string[]; flags: Set<string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('--')) flags.add(arg.slice(2));
    else positional.push(arg);
  }
  return { positional, flags };
}

/** The value after `--name` in args (or of `--name=value`), if any. */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
