/**
 * Builds the designer when `apps/designer/dist` is missing or older than its sources (or the
 * bundled examples), so browser tests always drive the code under test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const designer = join(root, 'apps', 'designer');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => (name === 'node_modules' || name === 'dist' ? max : Math.max(max, newest(join(path, name)))), 0);
}

/** Runs `npm run build -w @baton/designer` if the build is missing or stale. */
export function ensureDesignerBuilt(): void {
  const index = join(designer, 'dist', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(join(designer, 'src')), newest(join(designer, 'index.html')), newest(join(designer, 'vite.config.ts')), newest(join(root, 'examples')), newest(join(root, 'packages', 'engine', 'src')));
  if (built > sources) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const run = spawnSync('npm', ['run', 'build', '-w', '@baton/designer'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) throw new Error(`The designer did not build:\n${run.stdout}\n${run.stderr}`);
}
