import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { generateLargeScenario } from '../bench/architecture/generate-large-scenario';
import { groupNodeId, nodeId } from '../lib/architecture/flow-ids';
import { deleteScenarios, uniqueName } from './helpers';

// The architecture editor on 5,000 nodes and 10,000 edges (the benchmark's generated scenario:
// 100 sites in 25 regions, site-0 in region r0 with edge servers es-0, es-100, …, es-1800).

// Node ids (the drawn nodes' data-id) and id prefixes: a region's summary, every site summary in
// the physical band, every edge server.
const REGION_R0 = groupNodeId('physical', 'region:r0');
const SITE_SUMMARIES = groupNodeId('physical', 'site:');
const EDGE_SERVERS = nodeId('edgeServer', '');
const drawnIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());

/** Creates the benchmark's generated scenario at `scale` (1: 1,000 nodes) and makes it the
 * browser's current scenario. */
async function useGeneratedScenario({ page, context, baseURL }: { page: Page; context: BrowserContext; baseURL?: string }, name: string, scale: number) {
  const created = await page.request.post('/api/scenarios', { data: generateLargeScenario(name, 1, scale), timeout: 120_000 });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await context.addCookies([{ name: 'edgestack-scenario', value: id, url: baseURL! }]);
}

/** Deletes the scenario a describe block created, once its tests have run. */
function deleteAfterAll(name: string) {
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await deleteScenarios(page, [name]);
    await page.close();
  });
}

test.describe('architecture editor, large topology', () => {
  const name = uniqueName('e2e large');
  deleteAfterAll(name);

  test('5,000 nodes open as an aggregated view; one site expands; the URL shares the view', async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await useGeneratedScenario({ page, context, baseURL }, name, 5);

    await page.goto('/architecture');
    const status = page.getByTestId('aggregated-view');
    await expect(status).toBeVisible({ timeout: 60_000 });
    await expect(status).toContainText('5,000 nodes');
    // Regions, controller kinds and services, not 5,000 nodes.
    const summaries = page.getByTestId('summary-node');
    await expect(summaries.first()).toBeVisible();
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(100);
    await expect(page.locator(`.react-flow__node[data-id="${REGION_R0}"]`)).toContainText('edge servers');

    // Open region r0, then its site-0 (a double click on a summary opens it at any zoom; its ▸
    // button is there once zoomed in enough to read it): its edge servers are drawn one by one.
    await page.locator(`.react-flow__node[data-id="${REGION_R0}"]`).dblclick();
    const sites = page.locator(`.react-flow__node[data-id^="${SITE_SUMMARIES}"]`);
    await expect(sites).toHaveCount(4);
    await sites.filter({ has: page.getByTestId('node-name').getByText('site-0', { exact: true }) }).dblclick();
    const es0 = page.locator(`.react-flow__node[data-id^="${EDGE_SERVERS}"]`).filter({ has: page.getByTestId('node-name').getByText('es-0', { exact: true }) });
    await expect(es0).toHaveCount(1);
    await expect(page.locator(`.react-flow__node[data-id^="${EDGE_SERVERS}"]`)).toHaveCount(19);
    await expect(page.locator(`.react-flow__node[data-id^="${SITE_SUMMARIES}"]`)).toHaveCount(3);
    // Links between the site's servers and the other groups are merged, with a count and capacity.
    await expect(page.locator('[data-edge-label="link"]').first()).toContainText(/×\d+ · [\d.,]+ [GM]bit\/s/);

    // The view is in the URL; a second page opened on it draws the same nodes.
    await expect.poll(() => new URL(page.url()).searchParams.getAll('open').sort()).toEqual(expect.arrayContaining(['region:r0']));
    await expect.poll(() => new URL(page.url()).searchParams.getAll('open').some((o) => o.startsWith('site:'))).toBe(true);
    const shared = page.url();
    const before = await drawnIds(page);
    const second = await context.newPage();
    await second.goto(shared);
    await expect(second.getByTestId('aggregated-view')).toBeVisible({ timeout: 60_000 });
    await expect(second.locator(`.react-flow__node[data-id^="${EDGE_SERVERS}"]`)).toHaveCount(19);
    await expect.poll(() => drawnIds(second)).toEqual(before);
    await expect(second.getByRole('button', { name: /^Close site:/ })).toBeVisible();
    await second.close();
  });
});

test.describe('architecture editor, 200 nodes on the provisional grid', () => {
  const name = uniqueName('e2e gradual');
  deleteAfterAll(name);

  test('a drag moves only its node; an auto layout hides the edges while its nodes move in and draws them again', async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await useGeneratedScenario({ page, context, baseURL }, name, 0.2);
    await page.goto('/architecture');
    const servers = page.locator(`.react-flow__node[data-id^="${EDGE_SERVERS}"]`);
    await expect(servers.first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    const transforms = (): Promise<Record<string, string>> =>
      servers.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', (e as HTMLElement).style.transform])));

    // Every server is on the grid (none saved yet): dragging one leaves the others where they are.
    const before = await transforms();
    const dragged = servers.nth(3);
    const draggedId = (await dragged.getAttribute('data-id'))!;
    const box = (await dragged.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 5, { steps: 6 });
    await page.mouse.up();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    const after = await transforms();
    expect(after[draggedId]).not.toBe(before[draggedId]);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([draggedId]);

    // The layout's nodes move in over several frames with the edges hidden (the canvas marked
    // `arch-moving`), and at the end every edge is drawn again.
    await page.evaluate(() => {
      const root = document.querySelector('.react-flow')!;
      const seen = { moving: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (root.classList.contains('arch-moving')) seen.moving = true;
      }).observe(root, { attributes: true, attributeFilter: ['class'] });
    });
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect(page.getByTestId('notice')).toContainText(/Laid out \d+ nodes/, { timeout: 60_000 });
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    expect(await page.evaluate(() => (window as unknown as { seen: { moving: boolean } }).seen.moving)).toBe(true);
    await expect(page.locator('.react-flow.arch-moving')).toHaveCount(0);
    const hidden = await page.locator('.react-flow__edge-path').evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility !== 'visible').length);
    expect(hidden).toBe(0);
    expect(await page.locator('.react-flow__edge-path').count()).toBeGreaterThan(100);
  });
});

test.describe('architecture editor, 1,000 nodes far out', () => {
  const name = uniqueName('e2e canvas edges');
  deleteAfterAll(name);

  test('the edges are painted on one canvas; a click on a line selects its edge, a drag draws its node’s edges itself, zooming in gives them all back', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await useGeneratedScenario({ page, context, baseURL }, name, 1);
    await page.goto('/architecture');
    const canvas = page.getByTestId('edge-canvas');
    const drawnOnCanvas = async () => Number(await canvas.getAttribute('data-drawn-edges'));
    const svgEdges = page.locator('.react-flow__edge');
    await expect(canvas).toBeAttached({ timeout: 60_000 });
    await expect.poll(drawnOnCanvas, { timeout: 30_000 }).toBeGreaterThan(1500);
    expect(await svgEdges.count()).toBeLessThan(20);
    const total = (await drawnOnCanvas()) + (await svgEdges.count());

    // Painted, not only counted: a point of a line, on the pane (no node over it), in page pixels.
    const point = await canvas.evaluate((el: HTMLCanvasElement) => {
      const { data, width, height } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
      const rect = el.getBoundingClientRect();
      let painted = 0;
      let found: { x: number; y: number } | null = null;
      // Far out a line is a fraction of a pixel wide: antialiased, its pixels are faint.
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          if (data[(y * width + x) * 4 + 3] === 0) continue;
          painted++;
          const px = rect.left + ((x + 0.5) / width) * rect.width;
          const py = rect.top + ((y + 0.5) / height) * rect.height;
          if (!found && px > 0 && py > 0 && px < innerWidth && py < innerHeight && document.elementFromPoint(px, py)?.classList.contains('react-flow__pane'))
            found = { x: px, y: py };
        }
      return { painted, found };
    });
    expect(point.painted).toBeGreaterThan(20_000);
    expect(point.found).not.toBeNull();
    await page.mouse.click(point.found!.x, point.found!.y);
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await expect.poll(drawnOnCanvas).toBe(total - 1);

    // While a server is dragged, React Flow draws its edges (they move at every step); at the
    // drop they are back on the canvas, painted where the node now is.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await expect.poll(drawnOnCanvas).toBe(total);
    const server = page.locator(`.react-flow__node[data-id^="${EDGE_SERVERS}"]`).nth(7);
    const box = (await server.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
    await expect.poll(() => svgEdges.count()).toBeGreaterThan(0);
    const duringDrag = await drawnOnCanvas();
    expect(duringDrag + (await svgEdges.count())).toBe(total);
    expect(duringDrag).toBeLessThan(total);
    await page.mouse.up();
    await expect.poll(drawnOnCanvas).toBe(total);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    // Zoomed in past the threshold, every edge is React Flow's again and the canvas is gone.
    for (let i = 0; i < 10; i++) await page.locator('.react-flow__controls-zoomin').click();
    await expect(canvas).toHaveCount(0);
    await expect.poll(() => svgEdges.count()).toBe(total);
  });
});
