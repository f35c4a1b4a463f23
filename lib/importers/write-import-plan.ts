import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { assertContainersWithinLimit } from '@/lib/scenarios/assert-containers-within-limit';
import type { ImportPlan } from './import-plan';
import { listImagesWithoutLayerData, type ImageWithoutLayerData } from './write-plan/list-images-without-layer-data';
import type { EntityCounts } from './write-plan/merge-by-name';
import { resolveImportScenario, type ImportScenario, type ImportTarget } from './write-plan/resolve-import-scenario';
import { writeCachedLayers } from './write-plan/write-cached-layers';
import { writeDependencies } from './write-plan/write-dependencies';
import { writeEdgeServers } from './write-plan/write-edge-servers';
import { writeImages } from './write-plan/write-images';
import { writeLayers } from './write-plan/write-layers';
import { writeLinks } from './write-plan/write-links';
import { writeNetworkNodes } from './write-plan/write-network-nodes';
import { writeServiceImages } from './write-plan/write-service-images';
import { writeServices } from './write-plan/write-services';
import { writeSites } from './write-plan/write-sites';

const ENTITY_KINDS = ['sites', 'edgeServers', 'networkNodes', 'links', 'layers', 'images', 'services', 'dependencies', 'cachedLayers'] as const;
type EntityKind = (typeof ENTITY_KINDS)[number];

export type ImportResult = {
  scenario: ImportScenario;
  counts: Record<EntityKind, EntityCounts>;
  /** Images the catalog has no layers for (and no declared size): placement cannot size them. */
  imagesWithoutLayerData: ImageWithoutLayerData[];
  notes: string[];
  stats: Record<string, number>;
  dryRun: boolean;
};

export type { ImportTarget };

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Merges a plan into a scenario, in one transaction: any failure writes nothing. Entities are
 * matched by name (layers by digest, images by repository, tag and arch), so importing the same
 * file twice creates nothing the second time; a row an import changes has its editor version bumped,
 * so an editor holding the old one is refused. With `dryRun` everything is written and then
 * rolled back, so the preview reports exactly what the import will do.
 */
export async function writeImportPlan(db: Db, target: ImportTarget, plan: ImportPlan, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  try {
    const result = await db.$transaction(
      async (tx) => {
        const written = await writeInTransaction(tx, target, plan, dryRun);
        if (dryRun) throw new DryRunRollback(written);
        return written;
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    // An import changes the topology or the services: the control plan follows it.
    await recomputeAfterChange(db, result.scenario.id);
    return result;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

/** Writes each kind of entity in the order their references need: sites and layers first, links after their ends. */
async function writeInTransaction(tx: Prisma.TransactionClient, target: ImportTarget, plan: ImportPlan, dryRun: boolean): Promise<ImportResult> {
  const scenario = await resolveImportScenario(tx, target);
  const scenarioId = scenario.id;

  const sites = await writeSites(tx, scenarioId, plan);
  const layers = await writeLayers(tx, scenarioId, plan);
  const images = await writeImages(tx, scenarioId, plan.images, layers.layerIds);
  const edgeServers = await writeEdgeServers(tx, scenarioId, plan.edgeServers, sites.siteIdOf);
  const networkNodes = await writeNetworkNodes(tx, scenarioId, plan.networkNodes, sites.siteIdOf);
  const links = await writeLinks(tx, scenarioId, plan.links, { edgeServers: edgeServers.ids, networkNodes: networkNodes.ids });
  const serviceImages = await writeServiceImages(tx, scenarioId, plan.services, images.catalog);
  const services = await writeServices(tx, scenarioId, plan.services, serviceImages.images);
  const dependencies = await writeDependencies(tx, plan.dependencies, services.ids);
  const cachedLayers = await writeCachedLayers(tx, plan.edgeServers, edgeServers.ids, images.catalog);

  const counts: Record<EntityKind, EntityCounts> = {
    sites: sites.counts,
    edgeServers: edgeServers.counts,
    networkNodes: networkNodes.counts,
    links,
    layers: layers.counts,
    images: { ...images.counts, created: images.counts.created + serviceImages.created },
    services: services.counts,
    dependencies,
    cachedLayers: cachedLayers.counts,
  };
  if (plan.services.length) await assertContainersWithinLimit(tx, scenarioId, 'file');
  const changed = ENTITY_KINDS.some((k) => counts[k].created + counts[k].updated > 0);
  if (changed && !scenario.created) await tx.scenario.update({ where: { id: scenarioId }, data: { version: { increment: 1 } } });

  return {
    scenario,
    counts,
    imagesWithoutLayerData: listImagesWithoutLayerData(plan.services, serviceImages.images),
    notes: [...plan.notes, ...layers.notes, ...cachedLayers.notes],
    stats: plan.stats,
    dryRun,
  };
}
