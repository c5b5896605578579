#!/usr/bin/env node
// The PostgreSQL tests start a throwaway cluster with the server's own programs (initdb, pg_ctl).
// Finds them, installs Debian's `postgresql` when they are missing and we are allowed to, and
// prints the folder that holds them (so the test setup can use it). `BATON_PG_BIN` names the
// folder by hand. Nothing here starts a server.
import { existsSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';

/** The folder with initdb and pg_ctl: BATON_PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
function findBin() {
  const has = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (process.env.BATON_PG_BIN) return has(process.env.BATON_PG_BIN) ? process.env.BATON_PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(root, v, 'bin'))) return join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && has(dir)) return dir;
  return null;
}

let bin = findBin();
if (!bin) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error('PostgreSQL (initdb, pg_ctl) is needed for the PostgreSQL tests and was not found.');
    console.error('Install it (Debian/Ubuntu: sudo apt-get install -y postgresql) or set BATON_PG_BIN to the folder holding initdb.');
    process.exit(1);
  }
  console.error('Installing PostgreSQL for the tests (apt-get install postgresql)…');
  try {
    // Debian's package would also create and start a cluster of its own; the tests never use it.
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql', { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.error('Installing PostgreSQL failed; install it by hand: apt-get install -y postgresql');
    process.exit(1);
  }
  bin = findBin();
  if (!bin) {
    console.error('PostgreSQL was installed but initdb was not found; set BATON_PG_BIN to the folder holding it.');
    process.exit(1);
  }
}
if (process.argv.includes('--print-bin')) process.stdout.write(`${bin}\n`);
