import { loadMap } from './loadMap.ts';
import { parseArgs } from './loadDocument.ts';
import { formatProblems } from './formatProblems.ts';

/** `baton validate MAP [--json]`: every problem at once; exit 1 when the map has errors. */
export async function runValidate(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  const path = positional[0];
  const { doc, validation } = await loadMap(path, true);
  if (flags.has('json')) {
    process.stdout.write(`${JSON.stringify(validation, null, 2)}\n`);
  } else {
    const name = typeof doc.name === 'string' ? doc.name : path;
    const errors = validation.problems.filter((p) => p.severity === 'error').length;
    const warnings = validation.problems.length - errors;
    const head = validation.valid
      ? `✓ ${name} is valid${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}`
      : `✗ ${name} has ${errors} error${errors > 1 ? 's' : ''}${warnings ? ` and ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`;
    process.stdout.write(`${head}\n${validation.problems.length ? `${formatProblems(validation.problems)}\n` : ''}`);
  }
  return validation.valid ? 0 : 1;
}
