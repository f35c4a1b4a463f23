import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

// Issue 9 on the Architecture page: applying a placement computes routes and link load, and
// the editor colours and labels the links, highlights a service's routes and lists problems.
// The small edge: web ×2 on north-1 calls api on south-1 with 40 Mbit/s, through the router
// "core": core-north-1 (10 Gbit/s) and core-south-1 (900 Mbit/s) each carry 40 Mbit/s.

test.describe('architecture editor, control plan', () => {
  const made: string[] = [];
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await deleteScenarios(page, made);
    await page.close();
  });

  test('apply a placement, see coloured, labelled links and the routes of a service', async ({ page }, testInfo) => {
    // Import, apply (which computes the plan) and two editor loads: slow on a busy machine.
    test.setTimeout(120_000);
    const name = uniqueName('Arch control');
    made.push(name);
    const doc = JSON.parse(readFileSync(SMALL_EDGE, 'utf8'));
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
        createdAt: '2026-12-02T10:00:00.000Z',
        startedAt: '2026-12-02T10:00:00.000Z',
        finishedAt: '2026-12-02T10:00:01.000Z',
        assignments: [
          { service: 'web', replica: 0, edgeServer: 'north-1' },
          { service: 'web', replica: 1, edgeServer: 'north-1' },
          { service: 'api', replica: 0, edgeServer: 'south-1' },
        ],
      },
    ];
    const file = testInfo.outputPath('unapplied.json');
    writeFileSync(file, JSON.stringify(doc));
    await importScenario(page, file, name);

    // Before any placement: the panel says what to do.
    await page.goto('/architecture');
    await expect(page.getByTestId('control-empty')).toContainText('Apply a placement');

    await page.goto('/placement');
    await page.getByTestId('run-row').getByRole('link').first().click();
    await page.getByRole('button', { name: 'Apply as current placement' }).click();
    await expect(page.getByText('This is the scenario’s current placement')).toBeVisible();

    await page.goto('/architecture');
    await expect(page.getByTestId('control-summary')).toContainText('2 demands routed');
    await expect(page.getByTestId('utilisation-legend')).toContainText('over 100 %');
    // Both links carry 40 Mbit/s: labelled with the load and the share of capacity, coloured.
    const labels = page.locator('[data-load-label="true"]');
    await expect(labels).toHaveCount(2);
    await expect.poll(async () => (await labels.allTextContents()).sort()).toEqual(['40 Mbit/s · 0 %', '40 Mbit/s · 4 %']);
    const loaded = page.locator('[data-edge-kind="link"][data-utilisation]');
    await expect(loaded).toHaveCount(2);
    expect(await loaded.evaluateAll((gs) => gs.map((g) => g.querySelector('path')!.getAttribute('style')))).toEqual([expect.stringContaining('rgb(22, 163, 74)'), expect.stringContaining('rgb(22, 163, 74)')]);
    await expect(page.getByTestId('unroutable-demands')).toHaveCount(0);
    await expect(page.getByTestId('control-panel')).toContainText('None: every demand has a route.');

    // Highlight web: its two links run, the dependency and hosting edges step back.
    await page.getByLabel('Highlight the routes of a service').selectOption('web');
    await expect(page.locator('.react-flow__edge.animated [data-edge-kind="link"]')).toHaveCount(2);
    await expect(page.locator('[data-edge-kind="link"][data-on-route="true"]')).toHaveCount(2);
    await expect(page.locator('.react-flow__node.arch-route-node')).toHaveCount(4); // web, north-1, core, south-1
    await expect.poll(() => new URL(page.url()).searchParams.get('svc')).toBe('web');
  });
});
