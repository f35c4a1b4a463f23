import { expect, test } from '@playwright/test';
import { readAccounts, signIn, storageStateFor } from './accounts';
import { deleteScenarios, importScenario, scenarioRow, SMALL_EDGE, uniqueName } from './helpers';

test.describe('signing in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor is sent to sign in, a wrong password is refused, the right one lets them in', async ({ page }) => {
    const { planner } = readAccounts();
    await page.goto('/scenarios');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fscenarios$/);
    await page.getByLabel('Email').fill(planner.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Invalid email or password')).toBeVisible();
    await page.getByLabel('Password').fill(planner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/scenarios$/);
    await expect(page.getByTestId('signed-in-as')).toContainText(`${planner.email} · Planner`);
    // A planner sees no Users or Audit pages, and the server says no as well.
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByText('Only admins manage users.')).toBeVisible();
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('is offered no changes, and the server refuses them anyway', async ({ page, browser }) => {
    const name = uniqueName('Viewer sees');
    // A scenario a planner made, so there is a row a planner could rename or delete.
    const context = await browser.newContext({ storageState: storageStateFor('planner') });
    const plannerPage = await context.newPage();
    await importScenario(plannerPage, SMALL_EDGE, name);

    await page.goto('/scenarios');
    await expect(scenarioRow(page, name)).toBeVisible();
    await expect(page.getByTestId('read-only-note')).toContainText('needs the Planner role');
    await expect(page.getByRole('button', { name: 'New scenario' })).toHaveCount(0);
    await expect(scenarioRow(page, name).getByRole('button', { name: `Rename ${name}` })).toHaveCount(0);
    await expect(scenarioRow(page, name).getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
    // Export and history stay: reading is what a viewer is for.
    await expect(scenarioRow(page, name).getByRole('link', { name: `History of ${name}` })).toBeVisible();
    await page.goto('/import');
    await expect(page.getByTestId('read-only-note')).toContainText('Importing files needs the Planner role');
    // The architecture is drawn for reading: no palette, no unlocking.
    await page.goto('/architecture');
    const editor = page.getByTestId('architecture-editor');
    await expect(editor.getByTestId('read-only-note')).toHaveText('View only');
    await expect(editor.getByRole('group', { name: 'Palette' })).toHaveCount(0);
    await expect(editor.getByRole('button', { name: 'Lock' })).toHaveCount(0);

    // Straight at the API, with the viewer's cookie: 403, and nothing is created.
    const response = await page.request.post('/api/scenarios', { data: { format: 'edgestack-scenario' } });
    expect(response.status()).toBe(403);

    await deleteScenarios(plannerPage, [name]);
    await context.close();
  });
});

test.describe('an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('creates a user, who can then sign in with that role', async ({ page, browser }) => {
    const email = `${uniqueName('new').replace(' ', '-')}@e2e.edgestack.test`;
    await page.goto('/users');
    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('User email').fill(email);
    await form.getByLabel('User name').fill('New Planner');
    await form.getByLabel('Initial password').fill('a-long-enough-password');
    await form.getByLabel('Role').selectOption('planner');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(page.locator(`[data-testid="user-row"][data-email="${email}"]`)).toBeVisible();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await signIn(other, email, 'a-long-enough-password');
    await expect(other.getByTestId('signed-in-as')).toContainText(`${email} · Planner`);
    await context.close();

    // Removing the account ends it.
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe('history', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test("a scenario's history shows who changed what, before and after", async ({ page }) => {
    const { operator } = readAccounts();
    const name = uniqueName('History');
    const renamed = `${name} v2`;
    made.push(name, renamed);
    await importScenario(page, SMALL_EDGE, name);
    await scenarioRow(page, name)
      .getByRole('button', { name: `Rename ${name}` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New name').fill(renamed);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(scenarioRow(page, renamed)).toBeVisible();
    await page.getByRole('link', { name: `History of ${renamed}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`History of ${renamed}`);
    const change = page.getByTestId('audit-entry').filter({ hasText: 'Scenario changed' }).first();
    await expect(change).toContainText(operator.email);
    await expect(change.locator('del', { hasText: name })).toBeVisible();
    await expect(change.locator('ins', { hasText: renamed })).toBeVisible();
    // The whole trail, filtered to this scenario's servers.
    await page.goto('/audit');
    await page.getByLabel('Entity').selectOption('EdgeServer');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/entity=EdgeServer/);
    await expect(page.getByTestId('audit-entry').first()).toContainText('EdgeServer created');
  });
});
