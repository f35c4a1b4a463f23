import path from 'node:path';
import { expect, test } from '@playwright/test';
import { locateDatasets } from '../lib/datasets/locate-datasets';
import { deleteScenarios, uniqueName } from './helpers';

const BACKBONE = path.join(import.meta.dirname, 'fixtures', 'tiny-backbone.graphml');
const EVIL = path.join(import.meta.dirname, 'fixtures', 'doctype.graphml');
const EUA_SITES = path.join(locateDatasets(), 'eua', 'site-optus-melbCBD.csv');

test.describe('import', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('upload a GraphML topology, check the preview, confirm, see its nodes on the Architecture page', async ({ page }) => {
    const name = uniqueName('Backbone');
    made.push(name);
    await page.goto('/import');
    await page.getByLabel('What the file holds').selectOption('topology');
    await page.getByLabel('File (up to 20 MiB)').setInputFiles(BACKBONE);
    await page.getByLabel('a new scenario').check();
    await page.getByLabel('New scenario name').fill(name);
    await page.getByRole('button', { name: 'Preview' }).click();

    const preview = page.getByTestId('import-preview');
    await expect(preview.getByTestId('import-facts')).toContainText('4 nodes');
    await expect(preview.getByTestId('import-facts')).toContainText('3 edges');
    await expect(preview.getByTestId('import-facts')).toContainText('3 nodes with coordinates');
    await expect(preview.getByTestId('count-networkNodes')).toContainText('4');
    await expect(preview.getByTestId('count-links')).toContainText('3');
    await expect(preview.getByLabel('Topology nodes become')).toHaveValue('network');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText(`imported into "${name}" (new scenario): 4 network nodes created; 3 links created`);

    // Export the topology back as GraphML: the same nodes and edges.
    await page.goto('/import');
    const href = await page.getByRole('link', { name: 'Topology GraphML' }).getAttribute('href');
    const graphml = await (await page.request.get(href!)).text();
    expect(graphml.match(/<node /g)).toHaveLength(4);
    expect(graphml.match(/<edge /g)).toHaveLength(3);
    const placement = await page.request.get((await page.getByRole('link', { name: 'Placement as Kubernetes manifests' }).getAttribute('href'))!);
    expect(placement.status()).toBe(404);
    expect(((await placement.json()) as { error: string }).error).toMatch(/no placement with assignments yet/);

    await page.goto('/architecture');
    for (const pop of ['Melbourne PoP', 'Sydney PoP', 'Canberra PoP', 'Hobart PoP']) {
      await expect(page.locator('.react-flow__node', { hasText: pop })).toBeVisible();
    }
    await page.goto('/network');
    await expect(page.getByRole('cell', { name: 'Melbourne PoP' }).first()).toBeVisible();
    await expect(page.getByRole('row', { name: /Melbourne PoP.*Sydney PoP.*10 Gbit\/s/ })).toBeVisible();
  });

  test('a file with a DOCTYPE is refused with the line, and nothing is written', async ({ page }) => {
    const name = uniqueName('Evil');
    made.push(name);
    await page.goto('/import');
    await page.getByLabel('File (up to 20 MiB)').setInputFiles(EVIL);
    await page.getByLabel('a new scenario').check();
    await page.getByLabel('New scenario name').fill(name);
    await page.getByRole('button', { name: 'Preview' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('line 2: the file has a DOCTYPE declaration');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  });

  test('edge sites from a CSV, with a column-mapping step', async ({ page }) => {
    const name = uniqueName('Melbourne');
    made.push(name);
    await page.goto('/import');
    await page.getByLabel('What the file holds').selectOption('sites');
    await page.getByLabel('File (up to 20 MiB)').setInputFiles(EUA_SITES);
    await page.getByLabel('a new scenario').check();
    await page.getByLabel('New scenario name').fill(name);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByTestId('import-facts')).toContainText('CSV with 125 rows');
    await expect(preview.getByLabel('Name column')).toHaveValue('NAME');
    await expect(preview.getByLabel('Latitude column')).toHaveValue('LATITUDE');
    await preview.getByLabel('Name column').selectOption('SITE_ID');
    await preview.getByLabel('Put an edge server on each site').check();
    await preview.getByRole('button', { name: 'Update preview' }).click();
    await expect(preview.getByTestId('count-sites')).toContainText('125');
    await expect(preview.getByTestId('count-edgeServers')).toContainText('125');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('import-result')).toContainText('125 sites created; 125 edge servers created');
    await page.goto('/servers?q=10003026');
    await expect(page.getByTestId('servers-table-count')).toHaveText('1 of 125 edge servers');
    await expect(page.getByRole('cell', { name: '10003026 server' })).toBeVisible();
  });
});
