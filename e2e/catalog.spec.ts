import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { locateDatasets } from '../lib/datasets/locate-datasets';
import { deleteScenarios, uniqueName } from './helpers';

const LAYERS_JSON = path.join(locateDatasets(), 'images', 'layers.json');
const BOUTIQUE = path.join(import.meta.dirname, 'fixtures', 'boutique.yaml');

async function importFile(page: Page, kind: string, file: string, scenario: { newName?: string }, configure?: () => Promise<void>) {
  await page.goto('/import');
  await page.getByLabel('What the file holds').selectOption(kind);
  await page.getByLabel('File (up to 20 MiB)').setInputFiles(file);
  if (scenario.newName) {
    await page.getByLabel('a new scenario').check();
    await page.getByLabel('New scenario name').fill(scenario.newName);
  }
  await page.getByRole('button', { name: 'Preview' }).click();
  if (configure) await configure();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-result')).toBeVisible();
}

test.describe('catalog', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('images, layers, sharing view and search by digest on the real 2023 Docker Hub snapshot', async ({ page }) => {
    test.setTimeout(120_000);
    const name = uniqueName('Catalog');
    made.push(name);
    await importFile(page, 'images', LAYERS_JSON, { newName: name }, async () => {
      // Two snapshots overlap: the preview says so and offers the choice.
      await expect(page.getByRole('alert').filter({ hasText: 'choose one' })).toBeVisible();
      const preview = page.getByTestId('import-preview');
      await preview.getByLabel('Snapshot').selectOption('dockerhub-2023-07');
      await preview.getByLabel('Platform').selectOption('linux/amd64');
      await preview.getByRole('button', { name: 'Update preview' }).click();
      await expect(preview.getByTestId('count-images')).toContainText('136');
      await expect(preview.getByTestId('count-layers')).toContainText('797');
    });

    await page.goto('/images/sharing');
    const amd64 = page.getByTestId('sharing-summary').locator('tr[data-arch="amd64"]');
    await expect(amd64).toContainText('136');
    await expect(amd64).toContainText('797');
    await expect(amd64).toContainText('25.1 %');
    await expect(page.getByTestId('sharing-matrix')).toBeVisible();

    await page.goto('/images');
    await expect(page.getByTestId('images-table-count')).toHaveText('136 images');
    await page.getByRole('textbox', { name: 'Search images' }).fill('nginx');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('images-table-count')).toHaveText(/of 136 images/);
    await page.getByRole('link', { name: 'nginx:latest' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('nginx:latest');
    const layers = page.getByTestId('image-layers');
    await expect(layers.locator('tbody tr').first()).toContainText('0 (base)');
    await layers.locator('tbody tr').first().getByRole('link').click();
    await expect(page.getByTestId('layer-sharing')).toContainText('17 images');
    await expect(page.getByTestId('layer-images')).toContainText('postgres:latest');
    const digest = (await page.getByTestId('layer-digest').textContent())!.trim();

    // "Where is this layer?": a digest prefix opens the layer.
    await page.goto('/layers');
    await page.getByRole('textbox', { name: 'Search layers' }).fill(digest.slice(0, 20));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('layer-digest')).toHaveText(digest);

    // Sorting and pagination live in the URL.
    await page.goto('/layers?sort=size&dir=desc');
    await expect(page.getByRole('navigation', { name: 'Layers pages' })).toContainText('Page 1 of 16');
    await page.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
  });

  test('services without layer data are listed; the planner enters a size', async ({ page }) => {
    const name = uniqueName('Boutique');
    made.push(name);
    await importFile(page, 'services', BOUTIQUE, { newName: name });
    await expect(page.getByTestId('import-result').getByTestId('images-without-layers')).toContainText('redis:alpine (amd64)');

    await page.goto('/services?data=unknown');
    await expect(page.getByTestId('services-table-count')).toHaveText('6 services');
    await page.getByRole('link', { name: 'redis:alpine' }).click();
    await expect(page.getByTestId('no-layer-data')).toBeVisible();
    await page.getByLabel('Size of redis:alpine (MiB)').fill('16.5');
    await page.getByRole('button', { name: 'Save size' }).click();
    await expect(page.getByTestId('image-size')).toContainText('16.5 MiB (declared; no layer data)');
    await page.goto('/services?data=declared');
    await expect(page.getByTestId('services-table-count')).toHaveText('1 of 6 services');

    // The TCP port its flow rules match: a port out of range is refused and nothing changes.
    await page.goto('/services?q=redis-cart');
    const port = page.getByRole('form', { name: 'TCP port of redis-cart' });
    const before = await port.getByRole('spinbutton').inputValue();
    await port.getByRole('spinbutton').fill('70000');
    await port.evaluate((form: HTMLFormElement) => (form.noValidate = true));
    await port.getByRole('button', { name: 'Set' }).click();
    await expect(port.getByRole('alert')).toContainText('between 1 and 65535');
    await page.reload();
    await expect(page.getByRole('form', { name: 'TCP port of redis-cart' }).getByRole('spinbutton')).toHaveValue(before);
    await page.getByRole('form', { name: 'TCP port of redis-cart' }).getByRole('spinbutton').fill('6380');
    await page.getByRole('form', { name: 'TCP port of redis-cart' }).getByRole('button', { name: 'Set' }).click();
    await expect(page.getByRole('form', { name: 'TCP port of redis-cart' }).getByRole('status')).toHaveText('Saved');
    await page.reload();
    await expect(page.getByRole('form', { name: 'TCP port of redis-cart' }).getByRole('spinbutton')).toHaveValue('6380');
  });
});
