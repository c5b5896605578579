import type { Context } from 'hono';
import { bulkFormatOf } from '../bulk/bulkMentions.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './AppEnv.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/**
 * Whether a browser says the request comes from a page on another site: Fetch Metadata where the
 * browser sends it, else an `Origin` that is not this server's (`null` included). Scripts send
 * neither header.
 */
function fromAnotherSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  return !URL.canParse(origin) || new URL(origin).host !== new URL(c.req.url).host;
}

/**
 * Every API body is JSON, so a body is read as JSON when it is declared `application/json`,
 * `application/*+json`, `text/plain` or not at all: scripts that forget the header (fetch sends a
 * string as text/plain) work, and bad JSON is still a 400. The request's type is rewritten to
 * `application/json` because the route validators answer 415 to anything else. Other types (forms,
 * multipart) are 400, and an empty body counts as none, whatever its type.
 *
 * text/plain and untyped bodies are also what a page on another site can send without a CORS
 * preflight, which JSON used to need; such requests are refused (403 CSRF) so that signing in
 * cannot be forged across sites. Cookie requests still need `X-CSRF-Token` (auth/authenticate.ts).
 *
 * The one exception: `POST /api/mentions` also takes files of mentions as `text/csv` or NDJSON
 * (`application/x-ndjson`, `application/ndjson`), left as they are for that route to read. Neither is
 * a type a page on another site can send without a CORS preflight. Returns that format, if any.
 */
export function jsonContentType(c: Context<AppEnv>, empty: boolean): 'csv' | 'ndjson' | undefined {
  const headers = c.req.raw.headers;
  const declared = headers.get('content-type') ?? '';
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (empty) {
    headers.delete('content-type');
    return undefined;
  }
  if (JSON_TYPE.test(type)) {
    headers.set('content-type', 'application/json');
    return undefined;
  }
  const bulk = bulkFormatOf(type);
  if (bulk && c.req.method === 'POST' && c.req.path.replace(/\/$/, '') === '/api/mentions') return bulk;
  if (type !== '' && type !== 'text/plain') {
    throw new ApiError(400, 'NOT_JSON', `Send the body as JSON (Content-Type: application/json), not ${type.slice(0, 100)}`);
  }
  if (fromAnotherSite(c)) throw new ApiError(403, 'CSRF', 'A page on another site may not send requests to Baton');
  headers.set('content-type', 'application/json');
  return undefined;
}
