import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

const SERIES = ['Greedy + local search', 'Kubernetes default scheduler', 'No sharing (baseline)'];

/** Small instances so the whole figure solves in seconds: greedy, kube-default and no-sharing, 2 s limits. */
async function startSmall(page: Page, figure: 'containers' | 'capacity', points: string) {
  await page.getByLabel(figure === 'containers' ? /^Fig\. 4/ : /^Fig\. 5/).check();
  await page.getByLabel('Edge servers').fill('3');
  if (figure === 'containers') {
    await page.getByLabel('Container counts').fill(points);
  } else {
    await page.getByLabel('Containers', { exact: true }).fill('6');
    await page.getByLabel('Capacity multipliers (×)').fill(points);
  }
  await page.getByLabel(/^Relaxation/).uncheck();
  await page.getByLabel('Time limit per solve (s)').fill('2');
  await page.getByTestId('experiment-start').click();
}

test.describe('experiments', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('the Experiments page draws both figures with the expected series', async ({ page }) => {
    test.setTimeout(180_000);
    const name = uniqueName('Experiments');
    made.push(name);
    await importScenario(page, SMALL_EDGE, name);
    await page.goto('/experiments');
    await expect(page.getByText('No experiments yet')).toBeVisible();

    // Fig. 4: progress while it runs, then both charts with one line per algorithm and the baseline.
    await startSmall(page, 'containers', '4, 8');
    const view = page.getByTestId('experiment-view');
    await expect(view).toHaveAttribute('data-figure', 'containers');
    await expect(page.getByRole('progressbar', { name: /Experiment progress/ })).toBeVisible();
    await expect(page.getByTestId('experiment-status')).toHaveText('done', { timeout: 90_000 });
    await expect(view.getByRole('heading', { level: 2 })).toHaveText('Fig. 4 — Storage cost vs number of containers');
    await expect(page.getByTestId('cost-chart').locator('.recharts-legend-item-text')).toHaveText(SERIES);
    await expect(page.getByTestId('runtime-chart').locator('.recharts-legend-item-text')).toHaveText(SERIES);
    await expect(page.getByTestId('cost-chart')).toContainText('Storage cost (GiB)');
    await expect(page.getByTestId('runtime-chart')).toContainText('Solve time (s, log scale)');
    await expect(page.getByTestId('experiment-takeaway')).toContainText(/Layer sharing saves \d+ % of storage at 8 containers/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^fig4-cost-vs-containers-.*\.csv$/);
    const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^figure,x,containers,capacity_multiplier,algorithm,status,cost_bytes/);
    expect(lines).toHaveLength(1 + 2 * 3);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download PNG of Storage/ }).click()]);
    expect(png.suggestedFilename()).toMatch(/^fig4-.*-storage-cost\.png$/);

    // Fig. 5 over capacity multipliers; the saved Fig. 4 stays listed.
    await startSmall(page, 'capacity', '1, 2');
    await expect(view).toHaveAttribute('data-figure', 'capacity');
    await expect(page.getByTestId('experiment-status')).toHaveText('done', { timeout: 90_000 });
    await expect(view.getByRole('heading', { level: 2 })).toHaveText('Fig. 5 — Storage cost vs edge server capacity');
    await expect(page.getByTestId('cost-chart').locator('.recharts-legend-item-text')).toHaveText(SERIES);
    await expect(page.getByTestId('experiment-takeaway')).toContainText(/capacity ×2/);
    await expect(page.getByTestId('experiment-row')).toHaveCount(2);

    // Cancel: a longer figure stops, keeping what it solved.
    await startSmall(page, 'containers', '4, 8, 16, 32, 64, 128');
    await expect(page.getByTestId('experiment-progress')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel experiment' }).click();
    await expect(page.getByTestId('experiment-status')).toHaveText('cancelled', { timeout: 30_000 });
    await expect(page.getByTestId('experiment-progress')).toBeHidden();

    // Results are saved: after a reload the newest experiment is shown, the others are one click away.
    await page.reload();
    await expect(page.getByTestId('experiment-row')).toHaveCount(3);
    await page.getByTestId('experiment-row').nth(2).getByRole('button', { name: 'Show' }).click();
    await expect(page.getByTestId('cost-chart').locator('.recharts-legend-item-text')).toHaveText(SERIES);
  });
});
