import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error meant for the caller: `app.onError` answers it as
 * `{ error: { code, message, details?, requestId } }` with `status`.
 * @example throw new ApiError(409, 'CLAIMED', 'Case is held by ana', { holder: 'ana' });
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 404 for a thing the caller may not see or that does not exist (the two look alike on purpose). */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${what} not found`);
}

/** 403 for a signed-in caller without the needed role. */
export function forbidden(message = 'You do not have the role this needs'): ApiError {
  return new ApiError(403, 'FORBIDDEN', message);
}
