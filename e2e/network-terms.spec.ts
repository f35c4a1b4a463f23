import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { deleteScenarios, importScenario, uniqueName } from './helpers';

// Two edge servers pulling from one registry at 100 Mbit/s (10 ms and 30 ms away, 12 ms apart);
// web ×2 → api → cache. Its runs and trade-off sweep were computed by enumerating every
// placement, so every figure below can be checked by hand: edge-a pulls cache (5 MB, 0.41 s),
// base (10 MB) and api (40 MB, ready at 4.41 s); edge-b pulls base and web for both web replicas.
const NETWORK_TERMS = path.join(import.meta.dirname, 'fixtures', 'network-terms.json');

test.describe('network terms', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('a run’s page shows its terms, the start-up timeline per edge server and the traffic cost per dependency', async ({ page }) => {
    const name = uniqueName('Network terms');
    made.push(name);
    await importScenario(page, NETWORK_TERMS, name);
    await page.goto('/placement');
    // The run weighed start-up at 10 MiB/s and traffic at 10,000 bytes per Mbit/s·ms.
    await page.getByTestId('run-row').filter({ hasText: 'weighted total 146.5 MiB' }).getByRole('link').click();
    await expect(page.getByTestId('run-terms')).toContainText('custom:');
    await page.getByRole('link', { name: 'each term beside the weighted total' }).click();
    await expect(page.getByRole('heading', { name: 'Objective terms and the weighted total' })).toBeInViewport();

    const terms = page.getByTestId('objective-terms');
    await expect(terms.locator('[data-term="storage"]')).toContainText('100.1 MiB');
    await expect(terms.locator('[data-term="startup"]')).toContainText('4.41 s (sum of ready times 12.88 s)');
    await expect(terms.locator('[data-term="startup"]')).toContainText('10 MiB per s');
    await expect(terms.locator('[data-term="traffic"]')).toContainText('240 Mbit/s·ms');
    await expect(terms.locator('[data-term="total"]')).toContainText('146.5 MiB');

    await expect(page.getByTestId('startup-summary')).toContainText('Makespan 4.41 s (api-0 on edge-a is ready last); the ready times of the 4 containers sum to 12.88 s');
    const chart = page.getByTestId('startup-chart');
    for (const text of [
      'edge-a',
      '← hub · 100 Mbit/s · 10 ms',
      'edge-b',
      '← hub · 100 Mbit/s · 30 ms',
      'makespan 4.41 s',
      'layers for api',
      'layers for cache',
      'layers for web',
    ]) {
      await expect(chart).toContainText(text);
    }
    await expect(chart.locator('.recharts-reference-dot')).toHaveCount(4);
    // edge-a: latency + 3 pulls; edge-b: latency + 2 pulls.
    await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(7);

    // The keyboard reaches the chart and walks its servers with the tooltip.
    await chart.locator('.recharts-surface').focus();
    await page.keyboard.press('ArrowRight');
    await expect(chart.locator('.recharts-tooltip-wrapper')).toContainText('edge-a');
    await expect(chart.locator('.recharts-tooltip-wrapper')).toContainText('cache-0 at 410 ms');

    const timeline = page.getByTestId('startup-table');
    await expect(timeline.locator('[data-server="edge-a"]')).toContainText(/hub\s*100 Mbit\/s\s*10 ms\s*52\.5 MiB in 3 layers/);
    await expect(timeline.locator('[data-server="edge-a"]')).toContainText('cache-0: 410 ms');
    await expect(timeline.locator('[data-server="edge-a"]')).toContainText('api-0: 4.41 s');
    await expect(timeline.locator('[data-server="edge-b"]')).toContainText('web-0: 4.03 s');
    await expect(timeline.locator('[data-server="edge-b"]')).toContainText('web-1: 4.03 s');

    const traffic = page.getByTestId('traffic-table');
    await expect(traffic.locator('[data-dependency="web→api"]')).toContainText(/web → api\s*20 Mbit\/s\s*12 ms\s*240 Mbit\/s·ms\s*100 %/);
    await expect(traffic.locator('[data-dependency="api→cache"]')).toContainText(/api → cache\s*5 Mbit\/s\s*0 ms\s*0 Mbit\/s·ms\s*0 %/);
    await expect(page.getByTestId('traffic-total')).toHaveText('240 Mbit/s·ms');

    // The same placement solved without the network section: each part says what to do.
    await page.goto('/placement');
    await page.getByTestId('run-row').filter({ hasNotText: 'weighted total' }).getByRole('link').click();
    await expect(page.getByTestId('startup-empty')).toContainText('attach a registry to the topology');
    await expect(page.getByTestId('traffic-empty')).toContainText('attach a registry to the topology');
    await expect(page.getByTestId('startup-chart')).toHaveCount(0);
  });

  test('the Experiments page draws a trade-off sweep’s Pareto front and says where sharing helps both', async ({ page }) => {
    const name = uniqueName('Trade-off');
    made.push(name);
    await importScenario(page, NETWORK_TERMS, name);
    await page.goto('/experiments');

    const view = page.getByTestId('experiment-view');
    await expect(view).toHaveAttribute('data-figure', 'tradeoff');
    await expect(view.getByRole('heading', { level: 2 })).toHaveText('Trade-off sweep — storage against start-up time and traffic cost');
    const takeaway = page.getByTestId('experiment-takeaway');
    await expect(takeaway).toContainText(
      'Below 10 MiB/s, every placement stores 90.6 MiB; from there they pull apart: the fastest start-up, 4.41 s, needs 100.1 MiB against 90.6 MiB (at 7.21 s) for the least storage.',
    );
    await expect(takeaway).toContainText(
      'Sharing helps both at every weight swept (0–1 MiB per Mbit/s·ms): the placement that stores least, 90.6 MiB, also has the lowest traffic cost, 0 Mbit/s·ms; without sharing it would be 147.8 MiB and 60 Mbit/s·ms.',
    );
    const startup = page.getByTestId('tradeoff-chart-startup');
    await expect(startup.locator('.recharts-legend-item-text')).toHaveText(['Other placements', 'Pareto front', 'Without sharing']);
    await expect(startup).toContainText('Storage (MiB)');
    await expect(startup).toContainText('Start-up makespan (s)');
    // Five weights: 7.61 s at 0 (a tie the solve broke the slow way), 7.21 s at 1 and 3, 4.41 s at 10 and 30.
    await expect(startup.locator('.recharts-scatter').nth(1).locator('.recharts-scatter-symbol')).toHaveCount(4);
    await expect(startup.locator('.recharts-scatter').nth(0).locator('.recharts-scatter-symbol')).toHaveCount(1);
    await expect(page.getByTestId('tradeoff-chart-traffic')).toContainText('Traffic cost (Mbit/s·ms)');

    await page.getByText('Every solve (16)').click();
    await expect(page.getByRole('table', { name: 'Solves of the trade-off sweep' }).getByRole('row', { name: /Start-up time 10 MiB\/s Exact ILP/ })).toContainText(
      /100\.1 MiB\s*4\.41 s\s*300 Mbit\/s·ms\s*yes/,
    );

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^tradeoff-sweep-.*\.csv$/);
    const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'axis,weight_mib_per_unit,algorithm,status,storage_bytes,startup_makespan_s,startup_sum_s,traffic_cost_mbps_ms,weighted_cost,no_sharing_cost_bytes,on_front,elapsed_ms',
    );
    expect(lines).toHaveLength(1 + 16);

    // A new sweep of this scenario through the queue: its registry is attached, so both terms can be swept.
    await page.getByRole('radio', { name: /^Trade-off sweep/ }).check();
    await expect(page.getByTestId('tradeoff-note-startup')).toHaveCount(0);
    await expect(page.getByTestId('tradeoff-note-traffic')).toHaveCount(0);
    await page.getByLabel('Start-up weights (MiB/s)').fill('0, 10');
    await page.getByLabel('Traffic weights (MiB per Mbit/s·ms)').fill('');
    await page.getByLabel('Exact ILP').check();
    for (const algorithm of ['Relaxation (the paper’s algorithm)', 'Greedy + local search', 'Kubernetes default scheduler']) await page.getByLabel(algorithm).uncheck();
    await page.getByLabel('Time limit per solve (s)').fill('10');
    await page.getByTestId('experiment-start').click();
    await expect(page.getByTestId('experiment-row')).toHaveCount(2);
    // The new sweep is shown (its title names start-up alone), then fills in.
    await expect(view.getByRole('heading', { level: 2 })).toHaveText('Trade-off sweep — storage against start-up time');
    await expect(page.getByTestId('experiment-status')).toHaveText('done', { timeout: 120_000 });
    // At 10 MiB/s the exact solve spreads web and api over both servers; at 0 it stores least.
    await expect(page.getByTestId('experiment-takeaway')).toContainText(/the fastest start-up, 4\.41 s, needs 100\.1 MiB against 90\.6 MiB \(at 7\.\d+ s\) for the least storage/);
    await expect(page.getByText('Every solve (4)')).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Trade-off sweep/ })).toBeChecked();
  });
});
