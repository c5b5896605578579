/** An HTTP error a network client threw, with the server's status and its reason in words. */
export class NetworkHttpError extends Error {
  constructor(message: string, readonly statusCode: number, readonly description?: string) {
    super(message);
    this.name = 'NetworkHttpError';
  }
}

function isResponse(x: unknown): x is Response {
  const r = x as { status?: unknown; headers?: unknown; text?: unknown };
  return typeof r === 'object' && r !== null && typeof r.status === 'number' && typeof r.text === 'function' && typeof r.headers === 'object';
}

/**
 * masto turns a refused request into an error only when the thrown answer is an instance of the
 * global `Response`; in `baton serve` the HTTP server replaces that global with its own class, so
 * masto throws the raw answer instead and the server's reason is lost ("[object Response]"). This
 * reads such an answer into an error with the status and the server's `error` (and
 * `error_description`); anything else is returned as it is.
 */
export async function readNetworkError(error: unknown): Promise<unknown> {
  if (!isResponse(error)) return error;
  let text = '';
  try {
    text = await error.text();
  } catch {
    // the body is gone; the status still says something
  }
  let message = '';
  let description: string | undefined;
  try {
    const data = JSON.parse(text) as { error?: unknown; error_description?: unknown; message?: unknown };
    message = typeof data.error === 'string' ? data.error : typeof data.message === 'string' ? data.message : '';
    if (typeof data.error_description === 'string') description = data.error_description;
  } catch {
    message = text.slice(0, 300);
  }
  return new NetworkHttpError(message || `the server answered ${error.status} ${error.statusText ?? ''}`.trim(), error.status, description);
}
