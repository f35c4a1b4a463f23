import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nodeId } from '../lib/architecture/flow-ids';
import type { EntityKind } from '../lib/architecture/snapshot';
import { deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

// The architecture editor on the e2e suite's small edge (north-1, north-2, south-1, router
// "core", services web and api, controller k8s on north-2). Every test imports its own copy.

// Every node of a kind: its id is the kind's prefix followed by the database id.
const node = (page: Page, kind: EntityKind, name: string) =>
  page.locator(`.react-flow__node[data-id^="${nodeId(kind, '')}"]`).filter({ has: page.getByTestId('node-name').getByText(name, { exact: true }) });
const edges = (page: Page, kind: string) => page.locator(`[data-edge-kind="${kind}"]`);
const inspector = (page: Page) => page.getByTestId('inspector');

async function openEditor(page: Page) {
  await page.goto('/architecture');
  await expect(node(page, 'edgeServer', 'north-1')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

/** Drags a palette entry onto the middle of a band (HTML5 drag and drop). */
async function dropFromPalette(page: Page, kind: string, band: string) {
  const canvas = page.getByTestId('canvas');
  const box = (await canvas.boundingBox())!;
  const bandBox = (await page.getByTestId(`band-${band}`).boundingBox())!;
  // Left part of the band, below its label, clear of the minimap.
  const y = Math.min(Math.max(bandBox.y + bandBox.height * 0.75, box.y + 10), box.y + box.height - 10);
  await page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: Math.max(bandBox.x - box.x, 0) + 60, y: y - box.y } });
}

async function connectHandles(page: Page, from: Locator, to: Locator, fromHandle = 't', toHandle = 'b') {
  const a = (await from.locator(`[data-handleid="${fromHandle}"]`).boundingBox())!;
  const b = (await to.locator(`[data-handleid="${toHandle}"]`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/**
 * Waits until an animated pan or zoom (fit view, find) has finished. A click aimed at a node
 * while the viewport still moves can press on one element and release on another, and then
 * no click happens at all, which is the machine's timing, not the editor's behaviour.
 */
async function viewportAtRest(page: Page) {
  const viewport = page.locator('.react-flow__viewport');
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [150], message: 'the canvas viewport should stop moving' },
    )
    .toBe(true);
}

/** Selects a node through the search box (which also brings it into view). */
async function select(page: Page, name: string) {
  await page.getByPlaceholder('Find a node… (/)').fill(name);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.locator('.react-flow__node.selected').filter({ has: page.getByTestId('node-name').getByText(name, { exact: true }) })).toHaveCount(1);
  await viewportAtRest(page);
}

async function saveField(page: Page, label: string, value: string) {
  await inspector(page).getByLabel(label, { exact: true }).fill(value);
  await inspector(page).getByRole('button', { name: 'Save' }).click();
}

test.describe('architecture editor', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('draws the four bands and every kind of node and edge', async ({ page }) => {
    const name = uniqueName('Arch bands');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    for (const band of ['control', 'service', 'network', 'physical']) await expect(page.getByTestId(`band-${band}`)).toContainText(new RegExp(`${band} layer`, 'i'));
    await expect(node(page, 'controller', 'k8s')).toContainText('Kubernetes 1.33');
    await expect(node(page, 'service', 'web')).toContainText('×2 replicas');
    await expect(node(page, 'edgeServer', 'north-1')).toContainText('amd64 · 8 cores');
    await expect(edges(page, 'link')).toHaveCount(2);
    await expect(edges(page, 'hosting')).toHaveCount(1);
    await expect(edges(page, 'manages')).toHaveCount(4);
    await expect(edges(page, 'dependency')).toHaveCount(1);
    await expect(page.locator('.edge-link')).toHaveCount(2);
    await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Placed replica');
  });

  test('an applied placement draws placement edges and colours edge servers by storage use', async ({ page }, testInfo) => {
    const name = uniqueName('Arch placement');
    made.push(name);
    const doc = JSON.parse(readFileSync(SMALL_EDGE, 'utf8')) as Record<string, unknown>;
    doc.placementRuns = [
      {
        algorithm: 'greedy',
        engine: 'auto',
        objective: 'storage',
        timeLimitSec: 30,
        status: 'feasible',
        costBytes: 60_000_000,
        lowerBoundBytes: null,
        noSharingBytes: 100_000_000,
        elapsedMs: 5,
        message: null,
        problem: null,
        result: null,
        createdAt: '2026-11-25T10:00:00.000Z',
        startedAt: '2026-11-25T10:00:00.000Z',
        finishedAt: '2026-11-25T10:00:01.000Z',
        assignments: [
          { service: 'web', replica: 0, edgeServer: 'north-1' },
          { service: 'web', replica: 1, edgeServer: 'north-1' },
          { service: 'api', replica: 0, edgeServer: 'south-1' },
        ],
      },
    ];
    doc.appliedRun = 0;
    const file = testInfo.outputPath('placed.json');
    writeFileSync(file, JSON.stringify(doc));
    await importScenario(page, file, name);
    await openEditor(page);
    await expect(edges(page, 'placement')).toHaveCount(2);
    await expect(page.locator('[data-edge-label="placement"]')).toHaveText('×2');
    // web's layers (30 + 20 MB) on north-1; api's (30 + 10 MB) on south-1; both far below capacity.
    await expect(node(page, 'edgeServer', 'north-1').getByTestId('storage-use')).toContainText('47.7 MiB');
    await expect(node(page, 'edgeServer', 'north-1').getByTestId('storage-use')).toHaveAttribute('data-level', 'low');
    await expect(node(page, 'edgeServer', 'north-2').getByTestId('storage-use')).toContainText('0 B');
  });

  test('add an edge server, a switch and a link; edit the cores, reload, undo', async ({ page }) => {
    const name = uniqueName('Arch add');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);

    await dropFromPalette(page, 'edgeServer', 'physical');
    const server = node(page, 'edgeServer', 'edge-server-1');
    await expect(server).toBeVisible();
    await dropFromPalette(page, 'networkNode', 'network');
    const sw = node(page, 'networkNode', 'switch-1');
    await expect(sw).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    await connectHandles(page, server, sw);
    await expect(edges(page, 'link')).toHaveCount(3);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    await server.click();
    await saveField(page, 'Cores', '12');
    await expect(server).toContainText('12 cores');
    await page.reload();
    await expect(node(page, 'edgeServer', 'edge-server-1')).toContainText('12 cores');
    await expect(edges(page, 'link')).toHaveCount(3);

    await select(page, 'edge-server-1');
    await saveField(page, 'Cores', '20');
    await expect(node(page, 'edgeServer', 'edge-server-1')).toContainText('20 cores');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(node(page, 'edgeServer', 'edge-server-1')).toContainText('12 cores');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.reload();
    await expect(node(page, 'edgeServer', 'edge-server-1')).toContainText('12 cores');
  });

  test('an invalid connection is refused with the reason', async ({ page }) => {
    const name = uniqueName('Arch refuse');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    const before = await page.locator('.react-flow__edge').count();
    await connectHandles(page, node(page, 'service', 'web'), node(page, 'networkNode', 'core'), 'b', 't');
    await expect(page.getByTestId('notice')).toContainText('A link cannot join a service');
    await connectHandles(page, node(page, 'controller', 'k8s'), node(page, 'service', 'api'), 'host', 't');
    await expect(page.getByTestId('notice')).toContainText('A hosting edge must end on an edge server');
    await expect(page.locator('.react-flow__edge')).toHaveCount(before);
  });

  test('invalid values stay in the inspector and save nothing', async ({ page }) => {
    const name = uniqueName('Arch invalid');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    await select(page, 'north-1');
    await saveField(page, 'Cores', '-4');
    await expect(inspector(page).getByRole('alert')).toContainText('Cores must be more than 0.');
    await inspector(page).getByLabel('Cores', { exact: true }).fill('8');
    await saveField(page, 'Name', 'south-1');
    await expect(inspector(page).getByRole('alert')).toContainText('already named “south-1”');

    await page.locator('.edge-link').first().locator('path').first().click({ force: true });
    await expect(inspector(page)).toContainText('Link');
    await saveField(page, 'Bandwidth (Mbit/s)', '0');
    await expect(inspector(page).getByRole('alert')).toContainText('Bandwidth must be at least 1.');

    await page.reload();
    await expect(node(page, 'edgeServer', 'north-1')).toContainText('8 cores');
    await expect(node(page, 'edgeServer', 'south-1')).toHaveCount(1);
  });

  test('delete lists what goes with it; undo brings it back', async ({ page }) => {
    const name = uniqueName('Arch delete');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    await select(page, 'north-1');
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete from the scenario?' });
    await expect(dialog).toContainText('Edge server north-1');
    await expect(dialog).toContainText('core-north-1');
    await expect(dialog).toContainText('k8s manages north-1');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(node(page, 'edgeServer', 'north-1')).toHaveCount(0);
    await expect(edges(page, 'link')).toHaveCount(1);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.keyboard.press('Control+z');
    await expect(node(page, 'edgeServer', 'north-1')).toBeVisible();
    await expect(edges(page, 'link')).toHaveCount(2);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.reload();
    await expect(node(page, 'edgeServer', 'north-1')).toBeVisible();
    await expect(edges(page, 'manages')).toHaveCount(4);
  });

  test('two browsers editing the same node: the stale save is refused and reload shows the winner', async ({ page, browser }) => {
    const name = uniqueName('Arch conflict');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    const other = await browser.newContext();
    await other.addCookies(await page.context().cookies());
    const page2 = await other.newPage();
    try {
      await openEditor(page);
      await openEditor(page2);

      await select(page, 'north-1');
      await saveField(page, 'Cores', '10');
      await expect(node(page, 'edgeServer', 'north-1')).toContainText('10 cores');

      await select(page2, 'north-1');
      await saveField(page2, 'Cores', '20');
      await expect(page2.getByTestId('conflict')).toContainText('changed by someone else');
      await page2.getByTestId('conflict').getByRole('button', { name: 'Reload' }).click();
      await expect(node(page2, 'edgeServer', 'north-1')).toContainText('10 cores');

      // A node deleted in one browser cannot be brought back by the other's stale save.
      await select(page, 'south-1');
      await page.keyboard.press('Delete');
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expect(node(page, 'edgeServer', 'south-1')).toHaveCount(0);
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

      await select(page2, 'south-1');
      await saveField(page2, 'Cores', '64');
      await expect(page2.getByTestId('conflict')).toContainText('deleted by someone else');
      await page2.getByTestId('conflict').getByRole('button', { name: 'Reload' }).click();
      await expect(node(page2, 'edgeServer', 'south-1')).toHaveCount(0);
      await page.reload();
      await expect(node(page, 'edgeServer', 'south-1')).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  test('a pan captures the pointer on the pane and puts the view in the URL when it ends; a click on an edge still selects it', async ({ page }) => {
    const name = uniqueName('Arch pan');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    await viewportAtRest(page);
    const pane = page.locator('.react-flow__pane');
    const viewport = page.locator('.react-flow__viewport');
    // A point of the pane with nothing drawn over it.
    const spot = await pane.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let y = r.top + 60; y < r.bottom - 170; y += 15) for (let x = r.left + 20; x < r.right - 230; x += 15) if (document.elementFromPoint(x, y) === el) return { x, y };
      return null;
    });
    expect(spot).not.toBeNull();
    await pane.evaluate((el) => {
      const w = window as unknown as { captured: string[] };
      w.captured = [];
      el.addEventListener('gotpointercapture', (e) => w.captured.push((e.target as Element).className));
    });
    const before = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
    await page.mouse.move(spot!.x, spot!.y);
    await page.mouse.down();
    await page.mouse.move(spot!.x + 60, spot!.y + 40, { steps: 6 });
    // Mid-pan: the pane holds the pointer (no hit test of the whole graph per move).
    expect(await page.evaluate(() => (window as unknown as { captured: string[] }).captured)).toEqual([expect.stringMatching(/react-flow__pane.*dragging/)]);
    expect(await pane.evaluate((el) => el.hasPointerCapture(1))).toBe(true);
    await page.mouse.up();
    expect(await pane.evaluate((el) => el.hasPointerCapture(1))).toBe(false);
    const after = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
    expect(after).not.toBe(before);
    // The URL has the view where the pan ended.
    const [, x, y, zoom] = after.match(/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/)!.map(Number);
    await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe([Math.round(x), Math.round(y), Math.round(zoom * 1000) / 1000].join(','));

    // A click (no move) keeps its own target: an edge is still selected by a click on it.
    await edges(page, 'link').first().locator('.react-flow__edge-interaction').click();
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await expect(inspector(page)).toContainText(/link/i);
  });

  test('the minimap keeps its drawing while a node is dragged and redraws it when the drag ends', async ({ page }) => {
    const name = uniqueName('Arch minimap');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    await viewportAtRest(page);
    const minimap = page.getByRole('img', { name: 'Minimap' });
    await expect(minimap).toBeVisible({ timeout: 10_000 });
    const drawing = () => minimap.locator('path:not(.react-flow__minimap-mask)').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')).join(' '));
    const target = node(page, 'edgeServer', 'north-1');
    const start = await drawing();
    const from = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 120, from.y + from.height / 2 + 10, { steps: 8 });
    // The node moved on the canvas; the minimap still shows where it was.
    expect((await target.boundingBox())!.x).toBeGreaterThan(from.x + 60);
    expect(await drawing()).toBe(start);
    await page.mouse.up();
    await expect.poll(drawing).not.toBe(start);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  });

  test('a drag selects its node but the inspector draws its form only at the drop', async ({ page }) => {
    const name = uniqueName('Arch inspector drag');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);
    await viewportAtRest(page);
    await expect(inspector(page)).toContainText('Select a node or an edge to inspect it.');
    const target = node(page, 'edgeServer', 'north-1');
    const from = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 120, from.y + from.height / 2 + 10, { steps: 8 });
    // The drag selected the node; its form waits (time enough for a deferred render to land).
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
    await page.waitForTimeout(500);
    await expect(inspector(page)).toContainText('Select a node or an edge to inspect it.');
    await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveCount(0);
    await page.mouse.up();
    await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('north-1');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  });

  test('lock, filters, search, group by site and auto layout', async ({ page }) => {
    const name = uniqueName('Arch view');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await openEditor(page);

    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByTestId('palette-edgeServer')).toBeDisabled();
    await select(page, 'north-1');
    await page.keyboard.press('Delete');
    // The key was heard and refused: the notice says why, and nothing was asked or deleted.
    await expect(page.getByTestId('notice')).toContainText('The canvas is locked; unlock it to delete.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(node(page, 'edgeServer', 'north-1')).toBeVisible();
    await page.getByRole('button', { name: 'Locked' }).click();

    await page.getByLabel('Filter by architecture').selectOption('arm64');
    await expect(node(page, 'edgeServer', 'north-1')).toBeHidden();
    await expect(node(page, 'edgeServer', 'north-2')).toBeVisible();
    await page.getByLabel('Filter by architecture').selectOption('');
    await page.getByLabel('Filter by accelerator').selectOption('gpu');
    await expect(node(page, 'edgeServer', 'north-2')).toBeHidden();
    await page.getByLabel('Filter by accelerator').selectOption('');

    await page.getByRole('group', { name: 'Filters' }).getByLabel('manages').uncheck();
    await expect(edges(page, 'manages')).toHaveCount(0);
    await page.getByRole('group', { name: 'Filters' }).getByLabel('manages').check();

    await select(page, 'south-1');
    await expect(node(page, 'edgeServer', 'south-1')).toHaveClass(/selected/);

    await page.getByRole('button', { name: 'Group by site' }).click();
    await page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Fit view' }).click();
    await viewportAtRest(page);
    await page.getByRole('button', { name: 'Collapse site north' }).click();
    await expect(node(page, 'edgeServer', 'north-1')).toBeHidden();
    await expect(node(page, 'site', 'north')).toContainText('2 edge servers folded');
    await page.getByRole('button', { name: 'Expand site north' }).click();
    await expect(node(page, 'edgeServer', 'north-1')).toBeVisible();

    // The canvas keeps its size through the layout, its notice and its save (a canvas that
    // changes size makes React Flow re-measure and repaint every node, and the graph jumps).
    const canvasBefore = await page.getByTestId('canvas').boundingBox();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect(page.getByTestId('notice')).toContainText(/Laid out \d+ nodes/);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    expect(await page.getByTestId('canvas').boundingBox()).toEqual(canvasBefore);
    const box = await node(page, 'edgeServer', 'north-1').boundingBox();
    const physical = await page.getByTestId('band-physical').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(physical!.y);
  });
});
