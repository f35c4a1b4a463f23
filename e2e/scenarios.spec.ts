import { expect, test } from '@playwright/test';
import { deleteScenarios, importScenario, scenarioRow, SMALL_EDGE, uniqueName } from './helpers';

test.describe('scenarios', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('overview shows the four layers of an imported scenario', async ({ page }) => {
    const name = uniqueName('Overview');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('layer-physical')).toContainText('3 edge servers · 2 sites');
    await expect(page.getByTestId('layer-network')).toContainText('1 network node · 2 links');
    await expect(page.getByTestId('layer-service')).toContainText('2 services · 3 replicas');
    await expect(page.getByTestId('layer-control')).toContainText('1 controller');
    // web = 30 + 20 MB, api = 30 + 10 MB; the shared 30 MB base is stored once with sharing.
    await expect(page.getByTestId('storage-comparison')).toContainText('85.8 MiB');
    await expect(page.getByTestId('storage-comparison')).toContainText('57.2 MiB');
  });

  test('create, rename, clone, reload and delete', async ({ page }) => {
    const name = uniqueName('Plan');
    const renamed = `${name} v2`;
    const copy = `${renamed} what-if`;
    made.push(name, renamed, copy);

    await page.goto('/scenarios');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const create = page.getByRole('dialog', { name: 'New scenario' });
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Description (optional)').fill('made by the e2e suite');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toBeHidden();
    await expect(scenarioRow(page, name)).toContainText('current');

    await scenarioRow(page, name)
      .getByRole('button', { name: `Rename ${name}` })
      .click();
    const rename = page.getByRole('dialog');
    await rename.getByLabel('New name').fill(renamed);
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(scenarioRow(page, renamed)).toBeVisible();
    await expect(scenarioRow(page, name)).toHaveCount(0);

    await scenarioRow(page, renamed)
      .getByRole('button', { name: `Clone ${renamed}` })
      .click();
    const clone = page.getByRole('dialog');
    await clone.getByLabel('Name of the copy').fill(copy);
    await clone.getByRole('button', { name: 'Clone' }).click();
    await expect(scenarioRow(page, copy)).toContainText('current');

    await page.reload();
    await expect(scenarioRow(page, renamed)).toBeVisible();
    await expect(scenarioRow(page, copy)).toBeVisible();
    await expect(page.getByTestId('scenario-switcher')).toHaveValue(/.+/);
    await expect(page.getByTestId('scenario-switcher').locator('option:checked')).toHaveText(copy);

    await scenarioRow(page, copy)
      .getByRole('button', { name: `Delete ${copy}` })
      .click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.getByTestId('delete-consequences')).toContainText('0 edge servers');
    await confirm.getByRole('button', { name: 'Delete scenario' }).click();
    await expect(scenarioRow(page, copy)).toHaveCount(0);
    await page.reload();
    await expect(scenarioRow(page, copy)).toHaveCount(0);
    await expect(scenarioRow(page, renamed)).toBeVisible();
  });

  test('a clone is a deep copy of everything', async ({ page }) => {
    const name = uniqueName('Source');
    const copy = `${name} copy`;
    made.push(name, copy);
    await importScenario(page, SMALL_EDGE, name);
    await scenarioRow(page, name)
      .getByRole('button', { name: `Clone ${name}` })
      .click();
    await page.getByRole('dialog').getByLabel('Name of the copy').fill(copy);
    await page.getByRole('dialog').getByRole('button', { name: 'Clone' }).click();
    await expect(scenarioRow(page, copy)).toContainText('3 edge servers · 1 network node · 2 services · 2 images · 1 controller');
    await page.goto('/policies');
    await expect(page.getByRole('cell', { name: 'replicas of web run on different edge servers' })).toBeVisible();
  });

  test('bad input: invalid name, duplicate name, broken JSON — nothing is written', async ({ page }) => {
    const name = uniqueName('Taken');
    made.push(name);
    await page.goto('/scenarios');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const create = page.getByRole('dialog', { name: 'New scenario' });
    await create.getByLabel('Name').fill('   ');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create.getByRole('alert')).toHaveText('Enter a name');
    await create.getByLabel('Name').fill('<script>');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create.getByRole('alert')).toContainText('Start with a letter or digit');
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toBeHidden();

    await page.getByRole('button', { name: 'New scenario' }).click();
    await create.getByLabel('Name').fill(name.toUpperCase());
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create.getByRole('alert')).toContainText(`A scenario named "${name}" already exists.`);
    await expect(create.getByLabel('Name')).toHaveValue(name.toUpperCase()); // a refused input is kept
    await create.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Import JSON…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a scenario JSON file' });
    await dialog
      .getByLabel(/Scenario file/)
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "edgestack.scenario", "version": 1, ') });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('alert')).toContainText('broken.json is not a valid scenario document; nothing was imported.');
    await expect(dialog.getByRole('alert')).toContainText('not valid JSON');

    const badName = uniqueName('Bad');
    const bad = JSON.stringify({
      format: 'edgestack.scenario',
      version: 1,
      scenario: { name: badName },
      edgeServers: [{ name: 'x', cpuCores: -1, memoryMiB: 1, storageBytes: 1, bandwidthMbps: 1 }],
    });
    await dialog.getByLabel(/Scenario file/).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('alert')).toContainText('edgeServers[0].cpuCores: must be > 0');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect(scenarioRow(page, badName)).toHaveCount(0);
    await expect(scenarioRow(page, name)).toHaveCount(1);
  });
});
