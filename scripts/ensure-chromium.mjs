#!/usr/bin/env node
// The browser tests drive Debian's Chromium (test tools cannot download their own browsers
// here). Installs it when missing and we are allowed to; otherwise says how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`Chromium is needed for the browser tests and was not found at ${path}.`);
  console.error('Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set BATON_CHROMIUM to its path.');
  process.exit(1);
}
console.error('Installing Chromium for the browser tests (apt-get install chromium)…');
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: ['ignore', 'ignore', 'inherit'] });
} catch {
  console.error('Installing Chromium failed; install it by hand: apt-get install -y chromium');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`Chromium was installed but is not at ${path}; set BATON_CHROMIUM to its path.`);
  process.exit(1);
}
