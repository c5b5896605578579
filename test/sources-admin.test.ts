/**
 * Admin → Sources in a real browser against the real runtime: an admin adds an RSS source and sees
 * it running with its mention count; a feed that keeps failing shows failing with the reason; pause
 * and resume work from the row. Screenshots land in test-results/sources/.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FeedServer } from './fakes/feedServer.ts';
import { signIn } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';

const feed = new FeedServer();
const broken = new FeedServer();

const s = browserSuite({
  setup: async () => {
    await feed.start();
    await broken.start();
    broken.failWith(503);
    feed.add({ guid: 'r1', title: 'The kettle leaks', author: 'Ana' });
    feed.add({ guid: 'r2', title: 'Lovely service', author: 'Bo' });
  },
});
afterAll(async () => {
  await feed.stop();
  await broken.stop();
});

const row = (name: string) => s.page.locator(`tr[data-source-name="${name}"]`);

async function addFeed(name: string, url: string): Promise<void> {
  await s.page.getByLabel('Kind').selectOption('rss');
  await s.page.getByLabel('Name', { exact: true }).fill(name);
  await s.page.getByLabel('Feed URL').fill(url);
  await s.page.getByLabel('Posts are').selectOption('review');
  await s.page.getByTestId('add-source').click();
}

describe('Admin → Sources', () => {
  it('an admin adds an RSS source and sees it running with its mention count', async () => {
    await signIn(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.goto(`${s.server.url}/#/admin/sources`);
    await expect.poll(() => s.page.getByTestId('sources-empty').textContent()).toContain('No sources yet');

    // A mistake is named in plain words before anything is sent.
    await s.page.getByLabel('Name', { exact: true }).fill('Reviews');
    await s.page.getByLabel('Feed URL').fill('not a url');
    await s.page.getByTestId('add-source').click();
    await expect.poll(() => s.page.locator('.source-problems').textContent()).toContain('Feed URL: must be an http or https URL');

    await addFeed('Reviews', `${feed.url}/feed.xml`);
    await expect.poll(() => row('Reviews').locator('[data-source-state]').getAttribute('data-source-state'), { timeout: 15_000 }).toBe('running');
    await expect.poll(() => row('Reviews').locator('[data-source-mentions]').getAttribute('data-source-mentions'), { timeout: 15_000 }).toBe('2');
    expect(await row('Reviews').textContent()).toContain('RSS or Atom feed');

    await addFeed('Broken feed', `${broken.url}/feed.xml`);
    await expect.poll(() => row('Broken feed').locator('[data-source-state]').getAttribute('data-source-state'), { timeout: 30_000 }).toBe('failing');
    expect(await row('Broken feed').locator('.source-error').textContent()).toBe('the feed answered HTTP 503');
    await s.page.getByRole('button', { name: 'Dismiss message' }).first().click({ timeout: 2000 }).catch(() => undefined);
    await screenshot(s.page, 'sources-1280', { folder: 'sources', fullPage: true });

    // The Mastodon form: plain labels, the token typed once.
    await s.page.getByLabel('Kind').selectOption('mastodon');
    expect(await s.page.getByLabel('Access token').getAttribute('type')).toBe('password');
    await expect.poll(() => s.page.locator('#source-secret-hint').textContent()).toBe('Stored encrypted, never shown again.');
    await screenshot(s.page, 'sources-mastodon-form-1280', { folder: 'sources' });
    await s.page.getByLabel('Kind').selectOption('rss');

    await row('Reviews').getByRole('button', { name: 'Pause Reviews' }).click();
    await expect.poll(() => row('Reviews').locator('[data-source-state]').getAttribute('data-source-state')).toBe('paused');
    await row('Reviews').getByRole('button', { name: 'Resume Reviews' }).click();
    await expect.poll(() => row('Reviews').locator('[data-source-state]').getAttribute('data-source-state')).toBe('running');
    expect(s.pageErrors).toEqual([]);
  });
});
