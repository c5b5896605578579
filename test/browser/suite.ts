/**
 * The life of a browser suite against the real runtime, in one place: before its tests the web app
 * is built if needed, `baton serve` starts on a fresh database, the suite's own `setup` runs with
 * the server up (directory, maps), and Chromium opens one page whose script errors are collected;
 * after the tests both stop.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { ensureDesignerBuilt } from './buildDesigner.ts';
import { launchBrowser, type TestBrowser } from './launch.ts';

/** What a browser suite works with; filled in before its first test runs. */
export interface BrowserSuite {
  server: RunningServer;
  browser: TestBrowser;
  page: Page;
  /** Script errors the page threw (a suite ends by expecting none). */
  pageErrors: string[];
}

export function browserSuite(opts: { setup?: (server: RunningServer) => Promise<void>; width?: number; height?: number } = {}): BrowserSuite {
  const suite = { pageErrors: [] as string[] } as BrowserSuite;
  beforeAll(async () => {
    ensureDesignerBuilt();
    suite.server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
    await opts.setup?.(suite.server);
    suite.browser = await launchBrowser({ width: opts.width ?? 1280, height: opts.height ?? 900 });
    suite.page = await suite.browser.newPage();
    suite.page.on('pageerror', (e) => suite.pageErrors.push(e.message));
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
