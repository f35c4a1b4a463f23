import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateProblem } from '../lib/placement/generate-problem';
import { problemToScenarioDocument } from '../lib/placement-runs/problem-to-scenario-document';
import { deleteScenarios, importScenario, SMALL_EDGE, uniqueName } from './helpers';

test.describe('placement workspace', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('start runs, watch progress, compare, explain and apply', async ({ page }) => {
    // A generated instance hard enough that the exact solver is still working when we look.
    const name = uniqueName('Placement');
    made.push(name);
    const file = path.join(os.tmpdir(), `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(problemToScenarioDocument(generateProblem({ servers: 10, containers: 60, seed: 11 }), name)));
    await importScenario(page, file, name);
    fs.rmSync(file);

    await page.goto('/placement');
    await expect(page.getByText('60 containers (every replica of every service) on 10 edge servers')).toBeVisible();
    for (const algorithm of ['Exact ILP', 'Greedy + local search', 'Kubernetes default scheduler', 'No sharing (baseline)']) {
      await page.getByLabel(algorithm).check();
    }
    await page.getByLabel('Relaxation (the paper’s algorithm)').uncheck();
    await page.getByLabel('Time limit (s)').fill('6');
    await page.getByTestId('run-start').click();

    // Runs are queued one after another; the first (exact) shows a progress bar while it solves.
    await expect(page.getByRole('progressbar').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('run-row')).toHaveCount(4);
    await expect(page.locator('[data-testid="run-row"][data-status="queued"], [data-testid="run-row"][data-status="running"]')).toHaveCount(0, { timeout: 60_000 });
    // The latest run is the no-sharing baseline: it says whether private copies fit at all.
    await expect(page.getByTestId('run-status')).toHaveText(/^(feasible|infeasible)$/);
    const answered = page.locator('[data-testid="run-row"][data-status="optimal"], [data-testid="run-row"][data-status="feasible"]');
    expect(await answered.count()).toBeGreaterThanOrEqual(3); // exact, greedy and kube-default
    await expect(page.getByTestId('no-sharing-cost')).toHaveText(/\d+(\.\d)? (MiB|GiB)/);

    const table = page.getByTestId('comparison-table');
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(table.getByRole('row', { name: /No sharing \(baseline\)/ })).toContainText('0 %');

    await table.getByRole('link', { name: 'Greedy + local search' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Greedy + local search');
    await expect(page.getByTestId('storage-chart')).toContainText('with layer sharing');
    await page.getByLabel('Replica to explain').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page.getByTestId('explanation')).toContainText('The alternatives');
    await page.getByLabel('Run to compare with').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByTestId('run-diff')).toBeVisible();

    await page.getByRole('button', { name: 'Apply as current placement' }).click();
    await expect(page.getByText('This is the scenario’s current placement')).toBeVisible();

    // The applied placement is drawn on the architecture graph: replica → edge server.
    await page.goto('/architecture');
    await expect.poll(() => page.locator('[data-edge-kind="placement"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  test('a scenario whose images lack layer data cannot start a run', async ({ page }) => {
    const name = uniqueName('No layers');
    made.push(name);
    const doc = JSON.parse(fs.readFileSync(SMALL_EDGE, 'utf8')) as { services: unknown[] };
    doc.services.push({ name: 'mystery', imageRef: 'acme/mystery:2', replicas: 1, cpuCores: 0.1, memoryMiB: 64 });
    const file = path.join(os.tmpdir(), `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(doc));
    await importScenario(page, file, name);
    fs.rmSync(file);
    await page.goto('/placement');
    await expect(page.getByTestId('placement-blocked')).toContainText('No layer data for the image of mystery (acme/mystery:2)');
    await expect(page.getByTestId('run-start')).toBeDisabled();
  });
});
