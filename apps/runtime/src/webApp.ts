import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './http/AppEnv.ts';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Baton</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Baton is running</h1>
<p>The API answers under <a href="/api/openapi.json"><code>/api</code></a>, but the web app has not been built yet.</p>
<p>Build it with <code>npm run build -w @baton/designer</code> (or just run <code>npm start</code>, which builds what is missing), then reload.</p>
</body>`;

/**
 * Serves the built web app (`apps/designer/dist`) for every non-API path, falling back to
 * `index.html` so client-side routes work; without a build, a plain page says how to make one.
 */
export function serveWebApp(app: Hono<AppEnv>, root: string | null): void {
  const index = root ? join(root, 'index.html') : null;
  if (!root || !index || !existsSync(index)) {
    app.get('*', (c) => c.html(NOT_BUILT));
    return;
  }
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
}
