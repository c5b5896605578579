/**
 * The Admin section in a real browser against the real runtime: a new admin creates the care team,
 * an agent in it with a generated password, and an ingest token read from its one-time box; the
 * token posts a mention from Node until it is revoked; the audit log shows what happened; the new
 * agent signs in with the generated password and lands in the Console without Admin.
 * Screenshots land in test-results/admin/.
 */
import { describe, expect, it } from 'vitest';
import { signIn as signInPage, signOut } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';

const AGENT = { name: 'Cara Care', email: 'cara@example.test' };

let agentPassword = '';
let ingestToken = '';

async function shot(name: string): Promise<void> {
  // Success toasts fade after a few seconds; the test is quicker, so clear them off the lists.
  const dismiss = s.page.getByRole('button', { name: 'Dismiss message' });
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2000 }).catch(() => undefined);
  await screenshot(s.page, name, { folder: 'admin', fullPage: true });
}

async function postMention(token: string): Promise<number> {
  const res = await fetch(`${s.server.url}/api/mentions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: `twitter:${Date.now()}`, network: 'twitter', author: { handle: '@carla' }, text: 'My order arrived broken', createdAt: new Date().toISOString() }),
  });
  await res.arrayBuffer();
  return res.status;
}

const tab = (id: string) => s.page.locator(`[data-admin-tab="${id}"]`);

const s = browserSuite();

describe('admin section', () => {
  it('opens on Teams with an empty state that says what to do, and checks team ids', async () => {
    await signInPage(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.locator('[data-section="admin"]').click();
    await expect.poll(() => s.page.getByTestId('teams-empty').textContent()).toContain('No teams yet — create the hub team first, e.g. social');
    expect(await tab('teams').getAttribute('aria-current')).toBe('page');
    await s.page.getByLabel('Name', { exact: true }).fill('Customer Care');
    expect(await s.page.getByLabel('Id', { exact: true }).inputValue()).toBe('customer-care');
    await s.page.getByLabel('Id', { exact: true }).fill('customer care');
    await expect.poll(() => s.page.locator('#team-id-hint').textContent()).toContain('no spaces');
    expect(await s.page.getByRole('button', { name: 'Create team' }).isDisabled()).toBe(true);
    await shot('01-teams-empty');
    await s.page.getByLabel('Id', { exact: true }).fill('care');
    await s.page.getByRole('button', { name: 'Create team' }).click();
    await s.page.locator('[data-team-id="care"]').waitFor();
    expect(await s.page.getByTestId('team-members-empty').textContent()).toContain('No members yet');
  });

  it('creates an agent in care with a generated password shown once', async () => {
    await tab('people').click();
    await expect.poll(() => s.page.url()).toContain('#/admin/people');
    await s.page.locator(`tr[data-user-email="${s.server.adminEmail}"]`).waitFor();
    await s.page.getByLabel('Name', { exact: true }).fill(AGENT.name);
    await s.page.getByLabel('E-mail', { exact: true }).fill(AGENT.email);
    await s.page.getByTestId('generate-password').click();
    agentPassword = (await s.page.getByTestId('generated-password').textContent())!;
    expect(agentPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await s.page.locator('#person-password').inputValue()).toBe(agentPassword);
    expect(await s.page.locator('#new-role-agent').isChecked()).toBe(true);
    await s.page.locator('#new-team-care').check();
    expect(await s.page.locator('.check-group').first().textContent()).toContain('approves map versions, never their own');
    await s.page.getByRole('button', { name: 'Create person' }).click();
    const row = s.page.locator(`tr[data-user-email="${AGENT.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Customer Care');
    expect(await row.textContent()).toContain('agent');
    await expect.poll(() => s.page.locator('.one-time-secret').textContent()).toContain(`Password for ${AGENT.name}`);
    expect(await s.page.getByTestId('generated-password').textContent()).toBe(agentPassword);
    expect(await s.page.locator('#person-password').inputValue()).toBe('');
    await shot('02-people-created');
    await row.getByRole('button', { name: `Edit roles and teams of ${AGENT.name}` }).click();
    const editor = s.page.getByRole('form', { name: `Edit ${AGENT.name}` });
    expect(await editor.getByLabel('Customer Care').first().isChecked()).toBe(true);
    await shot('02b-person-editor');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });

  it('lists the member in the team, adds a backup and removes them again', async () => {
    await tab('teams').click();
    const care = s.page.locator('[data-team-id="care"]');
    await expect.poll(() => care.locator('.member-list').textContent()).toContain(AGENT.email);
    const adminOption = await care.locator('option', { hasText: s.server.adminEmail }).getAttribute('value');
    await care.getByLabel('Add a person').selectOption(adminOption!);
    await care.getByLabel('as a backup').check();
    await care.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => care.locator('.backup-badge').count()).toBe(1);
    await shot('03-team-with-members');
    const adminRow = care.locator('.member-list li', { hasText: s.server.adminEmail });
    await adminRow.getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => care.locator('.member-list li').count()).toBe(1);
  });

  it('creates an ingest token shown once, which posts mentions until it is revoked', async () => {
    await tab('tokens').click();
    await s.page.locator('#token-name').fill('Listening tool');
    await s.page.getByRole('button', { name: 'Create token' }).click();
    const box = s.page.getByTestId('created-token');
    await box.waitFor();
    ingestToken = (await s.page.getByTestId('new-token').textContent())!;
    expect(ingestToken.length).toBeGreaterThan(20);
    expect(await box.textContent()).toContain('Copy it now: Baton keeps only a hash');
    const curl = (await s.page.getByTestId('curl-example').textContent())!;
    expect(curl).toContain(`'${s.server.url}/api/mentions'`);
    expect(curl).toContain(`Authorization: Bearer ${ingestToken}`);
    await shot('04-token-created');

    expect(await postMention(ingestToken)).toBe(200);

    const row = s.page.locator('tr[data-token-id]', { hasText: 'Listening tool' });
    await row.getByRole('button', { name: 'Revoke Listening tool' }).click();
    const confirm = s.page.locator('tr.confirm-row');
    expect(await confirm.textContent()).toContain('Sources using it get 401 from now on');
    await shot('05-token-revoke-confirm');
    await confirm.getByTestId('confirm-revoke').click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect(await postMention(ingestToken)).toBe(401);
    await shot('06-token-revoked');
  });

  it('shows the audit log with filters and export links', async () => {
    await tab('audit').click();
    await s.page.locator('tr[data-audit-action="token.revoke"]').waitFor();
    expect(await s.page.locator('tr[data-audit-action="user.create"]').textContent()).toContain(s.server.adminEmail);
    await shot('07-audit');
    await s.page.getByLabel('Action').fill('token.*');
    await s.page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => s.page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit-action')))).toEqual(['token.revoke', 'token.create']);
    expect(await s.page.getByTestId('audit-csv').getAttribute('href')).toBe('/api/audit/export?action=token.*&format=csv');
    const csv = await s.page.evaluate(`fetch(${JSON.stringify(`${s.server.url}/api/audit/export?action=token.*&format=csv`)}).then((r) => r.text())`);
    expect(String(csv)).toContain('token.revoke');
  });

  it('lets the new agent sign in with the generated password and see the Console, without Admin', async () => {
    await signOut(s.page);
    await signInPage(s.page, s.server.url, AGENT.email, agentPassword);
    await s.page.locator('[data-section="console"]').click();
    await s.page.getByTestId('console-empty').waitFor();
    expect(await s.page.locator('[data-section="admin"]').count()).toBe(0);
    expect(await s.page.getByTestId('signed-in-user').textContent()).toContain(AGENT.name);
    await shot('08-agent-console');
    expect(s.pageErrors).toEqual([]);
  });
});
