import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './AppEnv.ts';
import { jsonContentType } from './jsonContentType.ts';
import { jsonDepth, MAX_JSON_DEPTH } from './jsonDepth.ts';

const tooLarge = (limit: number) => new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`);

/** Reads a body of unknown length (chunked, or a Request built in a test) up to `limit` bytes. */
async function readStream(c: Context<AppEnv>, limit: number): Promise<string> {
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Reads every request body once, before any route sees it: larger than `limit` bytes is 413
 * (judged from `Content-Length` before reading when the client sent one, else while streaming),
 * a body that is not JSON is refused or read as JSON ({@link jsonContentType}), and
 * JSON nested deeper than `MAX_JSON_DEPTH` is 400 — deep nesting is never a real map or mention,
 * and recursive code (schemas, JSON.stringify) would otherwise spend its stack on it. The text is
 * left in Hono's body cache, so `c.req.json()`/`text()` and the validators reuse it.
 *
 * With a `Content-Length` the body is read straight from the socket (the HTTP parser holds the
 * client to that length), which spares building a web `Request` and its stream on every POST.
 */
export function readBody(limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    let text: string;
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const declared = Number(length);
      if (!(declared <= limit)) throw tooLarge(limit);
      text = declared === 0 ? '' : await c.req.text();
    } else {
      text = await readStream(c, limit);
      // Every body, whatever its declared type: some routes explain a refused body by parsing it anyway.
      // (Hono's type says string; what the cache holds and `c.req.text()` reads is the promise of one.)
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    }
    // A CSV file's cells are not JSON: brackets in its text say nothing of nesting.
    if (jsonContentType(c, text === '') === 'csv') return next();
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new ApiError(400, 'TOO_DEEP', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
    await next();
  };
}
