import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** A name no other spec or earlier run uses, so specs can run in parallel. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${randomBytes(4).toString('hex')}`;
}

export const SMALL_EDGE = path.join(import.meta.dirname, 'fixtures', 'small-edge.json');

/** Seeds the spec's own scenario through the import dialog; it becomes the current one. */
export async function importScenario(page: Page, file: string, name: string) {
  await page.goto('/scenarios');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a scenario JSON file' });
  await dialog.getByLabel(/Scenario file/).setInputFiles(file);
  await dialog.getByLabel('Import under another name (optional)').fill(name);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(scenarioRow(page, name)).toBeVisible();
}

export function scenarioRow(page: Page, name: string) {
  return page.locator(`[data-testid="scenario-row"][data-name="${name}"]`);
}

/** Deletes scenarios this spec made, whatever state a failed test left them in. */
export async function deleteScenarios(page: Page, names: string[]) {
  await page.goto('/scenarios');
  for (const name of names) {
    const row = scenarioRow(page, name);
    if ((await row.count()) === 0) continue;
    await row.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete scenario' }).click();
    // A 5,000-node scenario cascades to tens of thousands of rows: on a loaded 2-core machine that outlasts the default 10 s.
    await expect(row).toHaveCount(0, { timeout: 60_000 });
  }
}

/** Runs greedy alone on the current scenario from the Placement page and applies its placement. */
export async function applyGreedyPlacement(page: Page) {
  await page.goto('/placement');
  for (const algorithm of ['Exact ILP', 'Kubernetes default scheduler', 'No sharing (baseline)', 'Relaxation (the paper’s algorithm)']) await page.getByLabel(algorithm).uncheck();
  await page.getByLabel('Greedy + local search').check();
  await page.getByLabel('Time limit (s)').fill('5');
  await page.getByTestId('run-start').click();
  const done = page.locator('[data-testid="run-row"][data-status="feasible"], [data-testid="run-row"][data-status="optimal"]');
  await expect(done).toHaveCount(1, { timeout: 60_000 });
  await done.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Apply as current placement' }).click();
  await expect(page.getByText('This is the scenario’s current placement')).toBeVisible();
}
