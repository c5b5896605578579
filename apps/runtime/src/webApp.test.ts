import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDb } from './db/client.ts';
import { silentLogger } from './logger.ts';

describe('the web app on the same port', () => {
  it('serves the built files, falls back to index.html for app routes, and keeps /api for the API', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baton-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    const app = createApp({ db: openDb(':memory:'), log: silentLogger(), config: { webRoot: root } });
    expect(await (await app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await app.request('/maps/customer-complaint')).text()).toContain('id="root"');
    const api = await app.request('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('without a build, says how to make one', async () => {
    const app = createApp({ db: openDb(':memory:'), log: silentLogger(), config: { webRoot: join(tmpdir(), 'no-such-build') } });
    expect(await (await app.request('/')).text()).toContain('npm run build -w @baton/designer');
  });
});
