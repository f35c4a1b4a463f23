import { expect, test } from '@playwright/test';
import { applyGreedyPlacement, deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

// Issue 9 on the Architecture page: applying a placement computes routes and link load, and
// the editor colours and labels the links, highlights a service's routes and lists problems.
// The small edge: web ×2 calls api with 40 Mbit/s (20 per replica) through the router "core".

test.describe('architecture editor, control plan', () => {
  const made: string[] = [];
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await deleteScenarios(page, made);
    await page.close();
  });

  test('apply a placement, see coloured, labelled links and the routes of a service', async ({ page }) => {
    // Import, apply (which computes the plan) and two editor loads: slow on a busy machine.
    test.setTimeout(120_000);
    const name = uniqueName('Arch control');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);

    // Before any placement: the panel says what to do.
    await page.goto('/architecture');
    await expect(page.getByTestId('control-empty')).toContainText('Apply a placement');

    // A greedy run: web ×2 apart on north-1 and south-1 (the only amd64 edge servers), so one of
    // its replicas calls api across the router.
    await applyGreedyPlacement(page);

    await page.goto('/architecture');
    await expect(page.getByTestId('control-summary')).toContainText('2 demands routed');
    await expect(page.getByTestId('utilisation-legend')).toContainText('over 100 %');
    // The replica across the router sends 20 Mbit/s over core-north-1 (10 Gbit/s) and
    // core-south-1 (900 Mbit/s): labelled with the load and the share of capacity, coloured.
    const labels = page.locator('[data-load-label="true"]');
    await expect(labels).toHaveCount(2);
    await expect.poll(async () => (await labels.allTextContents()).sort()).toEqual(['20 Mbit/s · 0 %', '20 Mbit/s · 2 %']);
    const loaded = page.locator('[data-edge-kind="link"][data-utilisation]');
    await expect(loaded).toHaveCount(2);
    expect(await loaded.evaluateAll((gs) => gs.map((g) => g.querySelector('path')!.getAttribute('style')))).toEqual([
      expect.stringContaining('rgb(22, 163, 74)'),
      expect.stringContaining('rgb(22, 163, 74)'),
    ]);
    await expect(page.getByTestId('unroutable-demands')).toHaveCount(0);
    await expect(page.getByTestId('control-panel')).toContainText('None: every demand has a route.');

    // Highlight web: its two links run (links off its routes would step back; here there are none).
    await page.getByLabel('Highlight the routes of a service').selectOption('web');
    await expect(page.locator('.react-flow__edge.animated [data-edge-kind="link"]')).toHaveCount(2);
    await expect(page.locator('[data-edge-kind="link"][data-on-route="true"]')).toHaveCount(2);
    await expect(page.locator('.react-flow__node.arch-route-node')).toHaveCount(4); // web, north-1, core, south-1
    await expect(page.locator('[data-edge-kind="link"][data-on-route="false"]')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('svc')).toBe('web');
  });
});
