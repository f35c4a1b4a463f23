import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readAccounts, storageStateFor } from './accounts';
import { applyGreedyPlacement, deleteScenarios, importScenario, scenarioRow, SMALL_EDGE, uniqueName } from './helpers';

// The control layer from the browser: VNF lifecycle and service function chains on the Network
// page, the Recompute button on the Controllers page. The small edge plus a VNF orchestrator
// "osm" on north-2; north-1 (8 cores, 16 GiB) has nothing on it and no placement is applied,
// so all of it is free.

/** The small edge with a MANO controller, written where this test keeps its files. */
function withMano(file: string): string {
  const doc = JSON.parse(fs.readFileSync(SMALL_EDGE, 'utf8')) as { controllers: unknown[] };
  doc.controllers.push({ name: 'osm', kind: 'mano', product: 'OSM 15', host: 'north-2', cpuCores: 1, memoryMiB: 1024 });
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

const rowIn = (page: Page, testId: string, name: string) =>
  page
    .getByTestId(testId)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
/** A row of the VNF table, and of the service chains table: a VNF's row names its chains too. */
const vnfRow = (page: Page, name: string) => rowIn(page, 'vnf-section', name);
const chainRow = (page: Page, name: string) => rowIn(page, 'chains-section', name);

async function instantiate(page: Page, fields: { name: string; kind: string; host: string; cpu: string; memory: string }) {
  await page.getByRole('button', { name: 'Instantiate VNF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Instantiate a VNF' });
  await dialog.getByLabel('Name').fill(fields.name);
  await dialog.getByLabel('Function').selectOption({ label: fields.kind });
  await dialog.getByLabel('Host edge server (free cpu and memory)').selectOption({ label: fields.host });
  await dialog.getByLabel('CPU (cores)').fill(fields.cpu);
  await dialog.getByLabel('Memory (MiB)').fill(fields.memory);
  await dialog.getByRole('button', { name: 'Instantiate VNF' }).click();
  return dialog;
}

/** Opens `name` as the current scenario in a browser signed in as a viewer. */
async function viewerPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor('viewer') });
  const page = await context.newPage();
  await page.goto('/scenarios');
  await expect(scenarioRow(page, name)).toBeVisible();
  // No Open button when it is already this browser's current scenario (the first by name).
  const open = scenarioRow(page, name).getByRole('button', { name: 'Open' });
  if (await open.count()) {
    await open.click();
    await page.waitForURL((url) => url.pathname === '/');
  }
  return page;
}

test.describe('VNF lifecycle and service function chains', () => {
  const made: string[] = [];
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await deleteScenarios(page, made);
    await page.close();
  });

  test('instantiate, a capacity refusal with figures, scale, chain, terminate; a viewer sees no action buttons', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const name = uniqueName('VNF lifecycle');
    made.push(name);
    await importScenario(page, withMano(test.info().outputPath('vnf-edge.json')), name);
    await page.goto('/network');

    // Instantiate fw on north-1, managed by osm (the only MANO controller, chosen already).
    let dialog = await instantiate(page, { name: 'fw', kind: 'Firewall', host: 'north-1: 8 cores and 16 GiB free of 8 cores and 16 GiB', cpu: '2', memory: '2048' });
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('vnf-notice')).toHaveText('Instantiated fw on north-1.');
    await expect(vnfRow(page, 'fw')).toContainText('osm');
    await expect(vnfRow(page, 'fw')).toContainText('2 cores');

    // 7 cores do not fit in the 6 left: refused beside the host field, with the figures, and
    // what was typed stays; with 1 core it fits.
    dialog = await instantiate(page, { name: 'ids', kind: 'Intrusion detection', host: 'north-1: 6 cores and 14 GiB free of 8 cores and 16 GiB', cpu: '7', memory: '1024' });
    const refusal = dialog.locator('#field-hostServerId-error');
    await expect(refusal).toContainText('Edge server “north-1” lacks cpu for a new VNF “ids”: it needs 7 cores and 1 GiB, and 6 cores and 14 GiB are free');
    await expect(dialog.getByLabel('Name')).toHaveValue('ids');
    await dialog.getByLabel('CPU (cores)').fill('1');
    await dialog.getByRole('button', { name: 'Instantiate VNF' }).click();
    await expect(dialog).toBeHidden();
    await expect(vnfRow(page, 'ids')).toBeVisible();

    // Scale fw: too big first (5 cores free besides its own 2, after ids), then 3 cores and 3 GiB.
    await page.getByRole('button', { name: 'Scale fw' }).click();
    dialog = page.getByRole('dialog', { name: 'Scale “fw”' });
    await expect(dialog).toContainText('it may grow to 7 cores and 15 GiB there');
    await dialog.getByLabel('CPU (cores)').fill('8');
    await dialog.getByRole('button', { name: 'Scale VNF' }).click();
    await expect(dialog.locator('#field-cpuCores-error')).toContainText('lacks cpu for VNF “fw” at its new size');
    await dialog.getByLabel('CPU (cores)').fill('3');
    await dialog.getByLabel('Memory (MiB)').fill('3072');
    await dialog.getByRole('button', { name: 'Scale VNF' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('vnf-notice')).toHaveText('Scaled fw to 3 cores and 3 GiB.');
    await expect(vnfRow(page, 'fw')).toContainText('3 cores');

    // Chain web → api through fw then ids, reordered with the keyboard-reachable buttons to ids, fw.
    const chains = page.getByTestId('chains-section');
    await expect(chainRow(page, 'web → api')).toContainText('none: straight through');
    await chains.getByRole('button', { name: 'Edit chain of web → api' }).click();
    dialog = page.getByRole('dialog', { name: 'Chain of web → api' });
    await dialog.getByLabel('Add a VNF at the end').selectOption({ label: 'fw (Firewall, on north-1)' });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByLabel('Add a VNF at the end').selectOption({ label: 'ids (Intrusion detection, on north-1)' });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog.getByTestId('chain-list').getByRole('listitem')).toHaveText([/fw/, /ids/]);
    await dialog.getByRole('button', { name: 'Move ids up' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('chain-list').getByRole('listitem')).toHaveText([/ids/, /fw/]);
    await dialog.getByRole('button', { name: 'Save chain' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('chain-notice')).toHaveText('web → api now crosses ids → fw.');
    await expect(chainRow(page, 'web → api')).toContainText('ids → fw');
    await expect(vnfRow(page, 'fw')).toContainText('web → api');

    // The audit trail has the chain's two rows, written by this operator.
    await page.goto('/audit');
    await page.locator('select[name="scenarioId"]').selectOption({ label: name });
    await page.locator('select[name="entity"]').selectOption('ServiceDependencyVnf');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByTestId('audit-count')).toContainText('2 entries');
    await expect(page.getByTestId('audit-entry').first()).toContainText(readAccounts().operator.email);

    // Terminate fw: the confirmation names the chain it leaves.
    await page.goto('/network');
    await page.getByRole('button', { name: 'Terminate fw' }).click();
    dialog = page.getByRole('dialog', { name: 'Terminate “fw”?' });
    await expect(dialog.getByTestId('terminate-chains')).toContainText('It leaves the service function chain of web → api');
    await dialog.getByRole('button', { name: 'Terminate VNF' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('vnf-notice')).toHaveText('Terminated fw. It is no longer in the chain of web → api.');
    await expect(vnfRow(page, 'fw')).toHaveCount(0);
    await expect(chainRow(page, 'web → api')).toContainText('ids');

    // A viewer sees the VNFs and chains, and no button to change them.
    const viewer = await viewerPage(browser, name);
    await viewer.goto('/network');
    await expect(vnfRow(viewer, 'ids')).toBeVisible();
    await expect(chainRow(viewer, 'web → api')).toContainText('ids');
    await expect(viewer.getByRole('button', { name: 'Instantiate VNF' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^(Scale|Terminate) / })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Edit chain/ })).toHaveCount(0);
    await viewer.goto('/controllers');
    await expect(row(viewer, 'osm')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Recompute control plan' })).toHaveCount(0);
    await viewer.context().close();
  });

  test('Recompute control plan says why it cannot, then what it stored', async ({ page }) => {
    test.setTimeout(120_000);
    const name = uniqueName('VNF recompute');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await page.goto('/controllers');
    await page.getByRole('button', { name: 'Recompute control plan' }).click();
    await expect(page.getByTestId('recompute-outcome')).toContainText('This scenario has no applied placement');

    // A greedy run, applied (which computes the plan): recomputing again stores nothing new.
    await applyGreedyPlacement(page);

    await page.goto('/controllers');
    await page.getByRole('button', { name: 'Recompute control plan' }).click();
    await expect(page.getByTestId('recompute-outcome')).toHaveText(/^(Nothing changed \(\d+ ms\)\.|\d+ new artifact versions? stored \(\d+ ms\)\.)$/);
  });
  test('the Network page says where each edge server pulls images from, and who is left out', async ({ page }) => {
    const name = uniqueName('Registry pulls');
    made.push(name);
    // hub on core; spare attached to nothing; north-2 has no link, so it reaches no registry.
    const doc = JSON.parse(fs.readFileSync(SMALL_EDGE, 'utf8')) as { registries?: unknown[] };
    doc.registries = [
      { name: 'hub', url: 'registry.example.test', attachedTo: { kind: 'networkNode', name: 'core' } },
      { name: 'spare', url: 'spare.example.test' },
    ];
    const file = test.info().outputPath('registry-edge.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    await importScenario(page, file, name);
    await page.goto('/network');

    const pulls = page.getByTestId('registry-pulls');
    await expect(page.getByRole('heading', { name: 'Registries and image pulls (2)' })).toBeVisible();
    await expect(pulls.getByTestId('cut-off-servers')).toContainText('1 edge server reaches no registry (north-2)');
    await expect(pulls.getByTestId('unattached-registries')).toContainText('1 registry is attached to nothing (spare)');
    // 10 Gbit/s at 0.4 ms for north-1; 900 Mbit/s at 6 ms for south-1: 1 GiB in 859 ms and 9.55 s.
    await expect(rowIn(page, 'pulls-table', 'north-1')).toContainText('hub');
    await expect(rowIn(page, 'pulls-table', 'north-1')).toContainText('north-1 → core');
    await expect(rowIn(page, 'pulls-table', 'north-1')).toContainText('10 Gbit/s');
    await expect(rowIn(page, 'pulls-table', 'north-1')).toContainText('859.39 ms');
    await expect(rowIn(page, 'pulls-table', 'south-1')).toContainText('9.55 s');
    await expect(rowIn(page, 'pulls-table', 'north-2')).toContainText('no registry reached');

    // The filter keeps the cut-off server only, and says so in the URL.
    await pulls.getByLabel('Reaches a registry').selectOption('no');
    await pulls.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/p_reaches=no/);
    await expect(page.getByTestId('pulls-table').getByRole('row')).toHaveCount(2);
  });
});
