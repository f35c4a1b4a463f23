import { expect, test } from '@playwright/test';
import { deleteScenarios, scenarioRow, uniqueName } from './helpers';

test.describe('start from a sample', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('the gallery builds the social network sample in one step, with progress, and opens it', async ({ page }) => {
    const name = uniqueName('Social');
    made.push(name);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Samples' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start from a sample');

    const card = page.getByRole('region', { name: 'DeathStarBench social network on the Abilene backbone' });
    await card.getByText('Where the data comes from').click();
    await expect(card).toContainText('delimitrou/DeathStarBench');
    await expect(card).toContainText('no layer data');

    await card.getByLabel('Scenario name').fill(name);
    await card.getByRole('button', { name: 'Create scenario' }).click();
    await expect(card.getByRole('progressbar')).toBeVisible();
    // The new scenario becomes the current one and the overview opens on it.
    await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('layer-physical')).toContainText('11 edge servers · 11 sites');
    await expect(page.getByTestId('layer-service')).toContainText('27 services');

    await page.goto('/scenarios');
    await expect(scenarioRow(page, name)).toContainText('current');
  });

  test('a taken name is refused on the card and nothing is created', async ({ page }) => {
    const name = uniqueName('Taken');
    made.push(name);
    await page.goto('/scenarios');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const create = page.getByRole('dialog', { name: 'New scenario' });
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toBeHidden();

    await page.goto('/samples');
    const card = page.getByRole('region', { name: 'GÉANT 2012 with an edge server at every PoP' });
    await card.getByLabel('Scenario name').fill(name.toUpperCase());
    await card.getByRole('button', { name: 'Create scenario' }).click();
    await expect(card.getByRole('alert')).toContainText(`A scenario named "${name}" already exists.`);
    await expect(page).toHaveURL(/\/samples$/);
  });
});
