/**
 * Launches Debian's Chromium through playwright-core with a fresh profile, and saves screenshots
 * under `test-results/` (git-ignored) so a person can look at them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'designer');

/** A browser with its own throw-away profile; `close()` removes both. */
export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium headless at 1280×800 (the narrowest width the app supports is 1280 px). */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'baton-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot as `test-results/<folder>/<name>.png` (the window, or the whole page with
 * `fullPage`) and returns its path.
 */
export async function screenshot(page: Page, name: string, opts: { folder?: string; fullPage?: boolean } = {}): Promise<string> {
  const dir = opts.folder ? join(SCREENSHOTS, '..', opts.folder) : SCREENSHOTS;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}
