import { expect, test, type Page } from '@playwright/test';
import { deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

test.describe('policies', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('create, refuse, edit and delete policies, each with its plain-language line', async ({ page }) => {
    const name = uniqueName('Policies');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await page.goto('/policies');
    await expect(page.getByRole('cell', { name: 'replicas of web run on different edge servers' })).toBeVisible();

    // A pin without edge servers is caught at the field before anything is sent.
    await page.getByRole('button', { name: 'New policy' }).click();
    const dialog = page.getByRole('dialog', { name: 'New policy' });
    await dialog.getByLabel('Name').fill('api north');
    await dialog.getByLabel('Type').selectOption('pin');
    await dialog.getByRole('checkbox', { name: /^api / }).check();
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('A pin needs at least one edge server to pin to');
    await dialog.getByRole('checkbox', { name: /^north-1 / }).check();
    await expect(dialog.getByTestId('policy-preview')).toContainText('api may only run on north-1');
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'api north')).toContainText('api may only run on north-1');

    // A taken name is refused by the server, shown at the name field.
    await page.getByRole('button', { name: 'New policy' }).click();
    await dialog.getByLabel('Name').fill('Web Apart');
    await dialog.getByLabel('Type').selectOption('spread');
    await dialog.getByRole('checkbox', { name: /^web / }).check();
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog.getByRole('alert')).toContainText('A policy named “web apart” already exists');
    await expect(dialog.getByLabel('Name')).toHaveValue('Web Apart');
    // A utilisation cap outside (0, 1] is refused; 0.7 is accepted.
    await dialog.getByLabel('Name').fill('headroom');
    await dialog.getByLabel('Type').selectOption('max-utilisation');
    await dialog.getByLabel(/^Cap/).fill('1.5');
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog.getByRole('alert')).toContainText('at most 1');
    await dialog.getByLabel(/^Cap/).fill('0.7');
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'headroom')).toContainText('CPU, memory and bandwidth stay at or below 70 % on every edge server');

    // Edit: the pin becomes a spread over sites.
    await page.getByRole('button', { name: 'Edit api north' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “api north”' });
    await edit.getByLabel('Name').fill('web across sites');
    await edit.getByLabel('Type').selectOption('spread');
    await edit.getByRole('checkbox', { name: /^api / }).uncheck();
    await edit.getByRole('checkbox', { name: /^web / }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(row(page, 'web across sites')).toContainText('replicas of web run at different sites');
    await expect(row(page, 'api north')).toHaveCount(0);

    await page.reload();
    await page.getByRole('button', { name: 'Delete headroom' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click();
    await expect(row(page, 'headroom')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('row')).toHaveCount(3);
  });
});
