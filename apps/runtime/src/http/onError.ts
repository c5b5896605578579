import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './AppEnv.ts';

/**
 * The one error handler: caller mistakes become `{ error: { code, message, details?, requestId } }`
 * with their 4xx status; anything else is logged with the request id and answered 500 without
 * internals.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = c.get('requestId') ?? '';
  c.header('X-Request-Id', requestId);
  if (err instanceof ApiError) {
    return c.json({ error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }), requestId } }, err.status);
  }
  if (err instanceof ZodError) {
    return c.json({ error: { code: 'INVALID', message: 'The request does not fit the schema', details: { issues: issuesOf(err) }, requestId } }, 400);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : err.status === 400 ? 'BAD_REQUEST' : 'HTTP_' + err.status;
    const message = err.status === 413 ? 'The request body is too large' : err.message || 'Bad request';
    return c.json({ error: { code, message, requestId } }, err.status);
  }
  c.get('rt')?.log.error({ requestId, method: c.req.method, path: c.req.path, error: String(err), stack: err instanceof Error ? err.stack : undefined });
  return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; the request id helps us find it', requestId } }, 500);
};

/** Zod issues as `{ path: "a.b[0]", message }`. */
export function issuesOf(err: ZodError): { path: string; message: string }[] {
  return err.issues.slice(0, 50).map((i) => ({
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join(''),
    message: i.message,
  }));
}
