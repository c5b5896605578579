import type { Problem } from '@baton/engine';

/** One line a problem: severity, code, where, what to do. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const where = p.node ? ` node ${p.node}` : p.edge ? ` edge ${p.edge}` : '';
      return `  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.code}${where}: ${p.message}`;
    })
    .join('\n');
}
