import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { applyGreedyPlacement, deleteScenarios, importScenario, uniqueName } from './helpers';

// Network-aware placement end to end: a registry in the topology, the objective editor, and a
// re-plan after an edge server is removed, whose moves are read before Apply.

const layer = (n: number) => `sha256:${String(n).repeat(64)}`;
const link = (server: string) => ({
  name: `core-${server}`,
  medium: 'fiber',
  bandwidthMbps: 10_000,
  latencyMs: 1,
  a: { kind: 'networkNode', name: 'core' },
  b: { kind: 'edgeServer', name: server },
});
const image = (repository: string, layers: string[]) => ({ repository, tag: '1.0', arch: 'amd64', registry: 'hub', layers });
const service = (name: string, replicas: number) => ({
  name,
  imageRef: `shop/${name}:1.0`,
  image: { repository: `shop/${name}`, tag: '1.0', arch: 'amd64' },
  replicas,
  cpuCores: 1,
  memoryMiB: 1024,
});

/** Four edge servers on one router, a registry on the router, three services. */
function networkScenario(name: string) {
  const servers = ['edge-1', 'edge-2', 'edge-3', 'edge-4'];
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name },
    edgeServers: servers.map((s) => ({ name: s, cpuCores: 4, memoryMiB: 8192, storageBytes: 50_000_000_000, bandwidthMbps: 10_000 })),
    networkNodes: [{ name: 'core', kind: 'router' }],
    links: servers.map(link),
    registries: [{ name: 'hub', url: 'https://hub.example', attachedTo: { kind: 'networkNode', name: 'core' } }],
    layers: [1, 2, 3, 4].map((n) => ({ digest: layer(n), sizeBytes: n * 40_000_000 })),
    images: [image('shop/web', [layer(1), layer(2)]), image('shop/api', [layer(1), layer(3)]), image('shop/worker', [layer(4)])],
    services: [service('web', 3), service('api', 2), service('worker', 2)],
    dependencies: [{ from: 'web', to: 'api', trafficMbps: 50 }],
    policies: [{ name: 'web apart', type: 'anti-affinity', services: ['web'] }],
  };
}

/** The edge servers the run on this page uses, with the replicas on each. */
async function replicasByServer(page: Page): Promise<Map<string, string[]>> {
  const rows = page.getByRole('region', { name: /Edge servers used/ }).getByRole('row');
  const out = new Map<string, string[]>();
  for (const row of (await rows.all()).slice(1)) {
    const cells = await row.getByRole('cell').allInnerTexts();
    out.set(cells[0], cells[1].split(', '));
  }
  return out;
}

test.describe('network-aware placement', () => {
  const made: string[] = [];
  test.afterEach(async ({ page }) => {
    await deleteScenarios(page, made.splice(0));
  });

  test('a registry sits in the topology; after a server is removed, a re-plan moves only its replicas, listed before Apply', async ({ page }) => {
    test.setTimeout(240_000);
    const name = uniqueName('Re-plan');
    made.push(name);
    const file = path.join(os.tmpdir(), `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(networkScenario(name)));
    await importScenario(page, file, name);
    fs.rmSync(file);

    // No applied placement yet: Re-plan says what it needs.
    await page.goto('/placement');
    await expect(page.getByText('Re-plan needs an applied placement')).toBeVisible();
    // The objective editor: a preset's weights are measured on this scenario, with units.
    const editor = page.getByTestId('objective-editor');
    await editor.getByRole('radio', { name: 'Balanced' }).check();
    await expect(editor.getByTestId('objective-description')).toContainText('Kubernetes’ default placement here:', { timeout: 20_000 });
    await expect(editor.getByLabel('Start-up (bytes per second of start-up)')).not.toHaveValue('0');
    await expect(editor.getByLabel('Traffic (bytes per Mbit/s·ms)')).not.toHaveValue('0');
    // Typing a weight makes the objective custom; the keyboard reaches the presets.
    await editor.getByLabel('Storage (× bytes stored)').fill('2');
    await expect(editor.getByRole('radio', { name: 'Custom' })).toBeChecked();
    await editor.getByRole('radio', { name: 'Custom' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(editor.getByRole('radio', { name: 'Storage' })).toBeChecked();

    await applyGreedyPlacement(page);
    const before = await replicasByServer(page);
    const [removed, displaced] = [...before].sort((a, b) => b[1].length - a[1].length)[0];
    expect(displaced.length).toBeGreaterThan(0);

    // The registry is drawn in the service band, attached to the router; the server goes.
    await page.goto('/architecture');
    await expect(page.locator('.react-flow__node-registry').filter({ hasText: 'hub' })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-edge-kind="attachment"]')).toHaveCount(1);
    await page.getByPlaceholder('Find a node… (/)').fill(removed);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete from the scenario?' });
    await expect(dialog).toContainText(`Edge server ${removed}`);
    await expect(dialog).toContainText(`${displaced.length} placed replicas of the applied placement go too.`);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    // Re-plan with greedy alone, counting moves.
    await page.goto('/placement');
    for (const algorithm of ['Exact ILP', 'Kubernetes default scheduler', 'No sharing (baseline)', 'Relaxation (the paper’s algorithm)'])
      await page.getByLabel(algorithm).uncheck();
    await page.getByLabel('Greedy + local search').check();
    await page.getByLabel('Time limit (s)').fill('10');
    await page.getByTestId('run-replan').click();
    const replanRow = page.locator('[data-testid="run-row"]').filter({ has: page.getByTestId('run-replan') });
    await expect(replanRow).toHaveCount(1);
    await expect(replanRow).toHaveAttribute('data-status', /^(feasible|optimal)$/, { timeout: 90_000 });
    await expect(replanRow.getByTestId('run-weights')).toHaveText('Storage preset: storage 1 · moves 1');
    await replanRow.getByRole('link').first().click();

    // Before Apply: exactly the removed server's replicas move, each pulling what its new server lacks.
    const moves = page.getByTestId('replan-moves');
    await expect(moves).toContainText('What applying this re-plan moves');
    const rows = moves.getByTestId('move-row');
    await expect(rows).toHaveCount(displaced.length);
    for (const row of await rows.all()) {
      const [replica, from] = await row.getByRole('cell').allInnerTexts();
      expect(displaced).toContain(replica);
      expect(from).toContain(removed);
      expect(from).toContain('removed from the scenario');
    }
    await expect(moves.getByTestId('moves-summary')).toContainText(`${displaced.length} replica`);
    await expect(page.getByTestId('objective-terms')).toContainText('Moves');
    await page.getByRole('button', { name: 'Apply as current placement' }).click();
    await expect(page.getByText('This is the scenario’s current placement')).toBeVisible();
    await expect(moves).toContainText('What this re-plan moved');
  });
});
