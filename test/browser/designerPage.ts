/**
 * What a person does on the designer's screens, in playwright-core terms: sign in, drag from the
 * palette, connect handles, pick a problem.
 */
import type { Locator, Page } from 'playwright-core';

/** Signs in through the sign-in page. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/#/maps`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** Signs out with the top bar's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.locator('input[name=email]').waitFor();
}

/** Drags a palette item onto the canvas at (x, y) relative to the canvas; resolves to the new node. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<Locator> {
  const before = await page.locator(`.react-flow__node-${type}`).count();
  await page.locator(`[data-palette-item="${type}"]`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
  const node = page.locator(`.react-flow__node-${type}`).nth(before);
  await node.waitFor();
  return node;
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from a source handle to a node's target handle with the mouse, in several steps. */
export async function connect(page: Page, sourceHandle: Locator, targetNode: Locator): Promise<void> {
  await sourceHandle.hover();
  const from = await centre(sourceHandle);
  const to = await centre(targetNode.locator('.react-flow__handle.target'));
  const under = await page.evaluate<string>(
    `(() => { const el = document.elementFromPoint(${from.x}, ${from.y}); return el ? el.tagName + '.' + el.className : 'nothing'; })()`,
  );
  if (!under.includes('react-flow__handle')) throw new Error(`the source handle is covered by ${under}`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
}

/** The node on the canvas with this map node id. */
export function nodeById(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Problem rows of one code in the problems drawer. */
export function problemRows(page: Page, code: string): Locator {
  return page.locator(`[data-problem-code="${code}"]`);
}
