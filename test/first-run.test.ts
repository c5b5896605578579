/**
 * First start as a new user meets it: no admin in the environment, so Baton prints a one-time
 * setup secret; the web app asks for it, refuses a wrong one in plain words, and with the right
 * one creates the first administrator and signs them in. No default password exists anywhere.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDesignerBuilt } from './browser/buildDesigner.ts';
import { launchBrowser, type TestBrowser } from './browser/launch.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'first-run');
let server: RunningServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  ensureDesignerBuilt();
  server = await startServer({ env: { BATON_ADMIN_EMAIL: '', BATON_ADMIN_PASSWORD: '', BATON_INGEST_TOKEN: '' } });
  browser = await launchBrowser();
  page = await browser.newPage();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first start without an admin in the environment', () => {
  it('prints a one-time setup secret and no password', () => {
    expect(server.output()).toMatch(/setup secret/);
    expect(server.output()).toMatch(/setup_[A-Za-z0-9_-]{20,}/);
  });

  it('creates the first administrator from the web app with the secret, and signs them in', async () => {
    const secret = /(setup_[A-Za-z0-9_-]{20,})/.exec(server.output())![1]!;
    await page.goto(server.url);
    const form = page.getByTestId('first-admin-setup');
    await form.waitFor();
    await form.locator('input[name=secret]').fill('setup_not-the-right-one-at-all');
    await form.locator('input[name=name]').fill('Nora Lead');
    await form.locator('input[name=email]').fill('nora@example.test');
    await form.locator('input[name=password]').fill('a-long-passphrase');
    await form.getByRole('button', { name: 'Create the administrator' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('not the setup secret');
    await page.screenshot({ path: join(SHOTS, '01-wrong-secret.png') });

    await form.locator('input[name=secret]').fill(secret);
    await form.getByRole('button', { name: 'Create the administrator' }).click();
    await page.getByText('Nora Lead').first().waitFor();
    await expect.poll(() => page.locator('body').textContent()).toContain('No maps yet');
    await page.screenshot({ path: join(SHOTS, '02-signed-in.png') });

    // The secret is spent: the API refuses a second use, and the sign-in page is back to normal.
    const again = await fetch(`${server.url}/api/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret, email: 'eve@example.test', name: 'Eve', password: 'another-passphrase' }),
    });
    expect(again.status).toBe(409);
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false });
  });
});
