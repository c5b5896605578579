/**
 * A progress bar on standard error for runs that take more than a moment. Silent when standard
 * error is not a terminal, so piped and `--json` output stay clean.
 */
export function progressBar(label: string, startedAt = performance.now()): { update(done: number, total: number): void; finish(): void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!tty || total === 0 || performance.now() - startedAt < 400) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const pct = Math.floor((done / total) * 100);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    },
    finish() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
