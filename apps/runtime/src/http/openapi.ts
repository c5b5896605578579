import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './AppEnv.ts';
import { issuesOf } from './onError.ts';

/** The error body every 4xx/5xx carries (docs/api.md). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

/**
 * A sub-app for one resource. Requests that fail their zod schema become a 400 `INVALID` error
 * listing the issues, through the app's one `onError`. Fields a strict schema does not know are
 * named in the message, since a misspelt field is the likeliest mistake there.
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const unknown = result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
        const message = unknown.length
          ? `The request ${result.target} has fields this route does not take: ${unknown.join(', ')}`
          : `The request ${result.target} does not fit the schema`;
        throw new ApiError(400, 'INVALID', message, { issues: issuesOf(result.error) });
      }
    },
  });
}

/** A required JSON request body. */
export function jsonBody<T extends ZodType>(schema: T, description?: string) {
  return { content: { 'application/json': { schema } }, required: true, ...(description ? { description } : {}) } as const;
}

/** A JSON response. */
export function json<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** The error responses most routes can give. */
export const errors = {
  400: err('Bad JSON, a body that is not JSON (NOT_JSON, e.g. a form), or a body/query that does not fit the schema'),
  401: err('Not signed in, an unknown token, or a session that has ended (SESSION_ENDED)'),
  403: err("Signed in without the needed role or team (another team's case is 404, as a missing one), or CSRF: a missing CSRF header or a text/plain body from a page on another site"),
  404: err("No such thing, or not yours to see (another team's case answers as a missing one)"),
} as const;

/** 409 and 422 responses, for routes that can refuse by state or domain rule. */
export const conflict = err('Refused in the current state (e.g. a claim held by someone else)');
export const unprocessable = err('A valid request the domain refuses (e.g. an invalid map on submit)');
/** 413: a body over the size limit (PAYLOAD_TOO_LARGE) or a batch over its item limit (TOO_MANY). */
export const tooLarge = err('Too large: a body over the size limit (PAYLOAD_TOO_LARGE) or a batch of more than 1,000 items (TOO_MANY)');
/** 429: a rate limit or a sign-in lock; `Retry-After` says how many seconds to wait. */
export const tooMany = err('Too many requests (or wrong passwords); the Retry-After header gives the seconds to wait');

/** Security requirement: a session (cookie or bearer). */
export const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** `{ id }` path parameter. */
export const idParam = z.object({ id: z.string().min(1).max(128).openapi({ param: { name: 'id', in: 'path' } }) });
