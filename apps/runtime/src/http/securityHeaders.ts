import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './AppEnv.ts';

/**
 * Headers that make the browser a second line of defence: a Content-Security-Policy that allows
 * only Baton's own scripts (so even text that slipped into the page as HTML could not run an
 * inline handler such as `onerror=`), `nosniff` so a JSON answer is never read as a page, no
 * framing, no referrer. Inline styles stay allowed: the map canvas positions nodes with them.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
}
