import { writeSync } from 'node:fs';

/** Structured log lines (JSON), each carrying the request id where there is one. */
export interface Logger {
  info(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

const line = (level: string, f: Record<string, unknown>) => `${JSON.stringify({ level, time: new Date().toISOString(), ...f })}\n`;

/**
 * Info lines gathered during one turn of the event loop, written to stdout together at its end:
 * under load one write per turn instead of one per request. Written synchronously if the process
 * exits first, so no line is lost.
 */
let pending = '';
let flushing = false;
function flush(): void {
  flushing = false;
  if (!pending) return;
  const text = pending;
  pending = '';
  process.stdout.write(text);
}
process.once('exit', () => {
  if (pending) writeSync(1, pending);
  pending = '';
});

/** Writes JSON lines: info to stdout (gathered per event-loop turn), errors to stderr at once. */
export const consoleLogger: Logger = {
  info: (f) => {
    pending += line('info', f);
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  },
  error: (f) => {
    flush();
    process.stderr.write(line('error', f));
  },
};

/** Discards everything (tests). Errors can be captured by passing a list. */
export function silentLogger(errors?: Record<string, unknown>[]): Logger {
  return { info: () => {}, error: (f) => void errors?.push(f) };
}
