/** Structured log lines (JSON), each carrying the request id where there is one. */
export interface Logger {
  info(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/** Writes JSON lines: info to stdout, errors to stderr. */
export const consoleLogger: Logger = {
  info: (f) => process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), ...f })}\n`),
  error: (f) => process.stderr.write(`${JSON.stringify({ level: 'error', time: new Date().toISOString(), ...f })}\n`),
};

/** Discards everything (tests). Errors can be captured by passing a list. */
export function silentLogger(errors?: Record<string, unknown>[]): Logger {
  return { info: () => {}, error: (f) => void errors?.push(f) };
}
