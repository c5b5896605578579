import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './AppEnv.ts';

/**
 * For routes that take no body: nothing, or the empty JSON object `{}` (what some clients send
 * by habit), passes; anything else is a 400, so a caller who meant to send something learns that
 * it was not read instead of believing it was. The body was already read by `readBody`.
 */
export async function refuseBody(c: Context<AppEnv>): Promise<void> {
  const text = (await c.req.text()).trim();
  if (text === '') return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'INVALID', 'The body is not JSON; this route takes no body (send none, or {})');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length) {
    throw new ApiError(400, 'INVALID', 'This route takes no body (send none, or {})');
  }
}
