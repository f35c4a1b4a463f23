import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_SERVICE_PORT } from '@/lib/control/control-input-schema';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { DomainError } from '@/lib/errors';
import { assertContainersWithinLimit } from '@/lib/scenarios/assert-containers-within-limit';
import { assertScenarioNameFree } from '@/lib/scenarios/assert-scenario-name-free';
import { scenarioNameSchema } from '@/lib/scenarios/scenario-schema';
import { displayRepository, parseImageReference } from './images/image-reference';
import type { ImportPlan, PlannedImage } from './import-plan';

type Tx = Prisma.TransactionClient;

export type EntityCounts = { created: number; updated: number; unchanged: number };
export const ENTITY_KINDS = ['sites', 'edgeServers', 'networkNodes', 'links', 'layers', 'images', 'services', 'dependencies', 'cachedLayers'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type ImportResult = {
  scenario: { id: string; name: string; created: boolean };
  counts: Record<EntityKind, EntityCounts>;
  /** Images the catalog has no layers for (and no declared size): placement cannot size them. */
  imagesWithoutLayerData: { reference: string; arch: string; services: string[] }[];
  notes: string[];
  stats: Record<string, number>;
  dryRun: boolean;
};

export type ImportTarget = { scenarioId: string } | { scenarioName: string; createIfMissing?: boolean };

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const imageKey = (i: { repository: string; tag: string; arch: string }) => `${i.repository}\u0000${i.tag}\u0000${i.arch}`;

/**
 * Merges a plan into a scenario, in one transaction: any failure writes nothing. Entities are
 * matched by name (layers by digest, images by repository, tag and arch), so importing the same
 * file twice creates nothing the second time; a row an import changes has its editor version bumped,
 * so an editor holding the old one is refused. With `dryRun` everything is written and then
 * rolled back, so the preview reports exactly what the import will do.
 */
export async function writeImportPlan(db: Db, target: ImportTarget, plan: ImportPlan, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  try {
    const result = await db.$transaction((tx) => writeInTransaction(tx, target, plan, options.dryRun ?? false), { timeout: 300_000, maxWait: 30_000 });
    // An import changes the topology or the services: the control plan follows it.
    await recomputeAfterChange(db, result.scenario.id);
    return result;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

async function writeInTransaction(tx: Tx, target: ImportTarget, plan: ImportPlan, dryRun: boolean): Promise<ImportResult> {
  const counts = Object.fromEntries(ENTITY_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, EntityCounts>;
  const scenario = await resolveScenario(tx, target);
  const scenarioId = scenario.id;

  // ------------------------------------------------------------ sites
  const siteIds = new Map<string, string>();
  {
    const existing = await tx.site.findMany({ where: { scenarioId, name: { in: plan.sites.map((s) => s.name) } } });
    const byName = new Map(existing.map((s) => [s.name, s]));
    const create: Prisma.SiteCreateManyInput[] = [];
    for (const s of plan.sites) {
      const old = byName.get(s.name);
      const data = {
        provider: s.provider ?? old?.provider ?? '',
        region: s.region ?? old?.region ?? '',
        latitude: s.latitude ?? old?.latitude ?? null,
        longitude: s.longitude ?? old?.longitude ?? null,
      };
      if (!old) {
        const id = randomUUID();
        siteIds.set(s.name, id);
        create.push({ id, scenarioId, name: s.name, ...data });
        counts.sites.created++;
      } else {
        siteIds.set(s.name, old.id);
        if (old.provider === data.provider && old.region === data.region && old.latitude === data.latitude && old.longitude === data.longitude) counts.sites.unchanged++;
        else {
          assertUnchanged(await tx.site.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }), old);
          counts.sites.updated++;
        }
      }
    }
    await tx.site.createMany({ data: create });
    const referenced = [...plan.edgeServers.map((s) => s.site), ...plan.networkNodes.map((n) => n.site)].filter((n): n is string => n !== null && !siteIds.has(n));
    if (referenced.length) {
      for (const s of await tx.site.findMany({ where: { scenarioId, name: { in: referenced } }, select: { id: true, name: true } })) siteIds.set(s.name, s.id);
    }
  }
  const siteRef = (name: string | null) => {
    if (name === null) return null;
    const id = siteIds.get(name);
    if (!id) throw new DomainError('INVALID_INPUT', `unknown site "${name}"`, 'file');
    return id;
  };

  // ------------------------------------------------------------ layers
  const layerIds = new Map<string, string>();
  {
    const digests = [...new Set([...plan.layers.map((l) => l.digest), ...plan.images.flatMap((i) => i.layers)])];
    const existing = digests.length ? await tx.layer.findMany({ where: { scenarioId, digest: { in: digests } }, select: { id: true, digest: true, sizeBytes: true } }) : [];
    for (const l of existing) layerIds.set(l.digest, l.id);
    const sizes = new Map(existing.map((l) => [l.digest, l.sizeBytes]));
    const create: Prisma.LayerCreateManyInput[] = [];
    for (const l of plan.layers) {
      if (layerIds.has(l.digest)) {
        counts.layers.unchanged++;
        if (sizes.get(l.digest) !== l.sizeBytes)
          plan.notes.push(`layer ${l.digest.slice(0, 19)}… keeps its catalog size ${sizes.get(l.digest)} B (the file says ${l.sizeBytes} B)`);
        continue;
      }
      const id = randomUUID();
      layerIds.set(l.digest, id);
      create.push({ id, scenarioId, digest: l.digest, sizeBytes: l.sizeBytes });
      counts.layers.created++;
    }
    await tx.layer.createMany({ data: create });
    for (const d of digests) if (!layerIds.has(d)) throw new DomainError('INVALID_INPUT', `an image refers to layer ${d}, whose size is unknown`, 'file');
  }

  // ------------------------------------------------------------ images
  const catalog = await tx.image.findMany({
    where: { scenarioId },
    select: {
      id: true,
      repository: true,
      tag: true,
      arch: true,
      manifestDigest: true,
      declaredSizeBytes: true,
      layers: { select: { layerId: true }, orderBy: { position: 'asc' } },
    },
  });
  const images = new Map(
    catalog.map((i) => [
      imageKey(i),
      { id: i.id, repository: i.repository, tag: i.tag, arch: i.arch, manifestDigest: i.manifestDigest, layerCount: i.layers.length, declared: i.declaredSizeBytes !== null },
    ]),
  );
  {
    const byKey = new Map(catalog.map((i) => [imageKey(i), i]));
    const createImages: Prisma.ImageCreateManyInput[] = [];
    const createLinks: Prisma.ImageLayerCreateManyInput[] = [];
    for (const img of plan.images) {
      const key = imageKey(img);
      const old = byKey.get(key);
      const layerList = img.layers.map((d) => layerIds.get(d)!);
      if (!old) {
        const id = randomUUID();
        createImages.push({ id, scenarioId, repository: img.repository, tag: img.tag, arch: img.arch, manifestDigest: img.manifestDigest });
        layerList.forEach((layerId, position) => createLinks.push({ imageId: id, position, layerId }));
        images.set(key, { id, repository: img.repository, tag: img.tag, arch: img.arch, manifestDigest: img.manifestDigest, layerCount: layerList.length, declared: false });
        counts.images.created++;
        continue;
      }
      const sameLayers = old.layers.length === layerList.length && old.layers.every((l, i) => l.layerId === layerList[i]);
      // An index entry (no layers) never erases layers a manifest already gave.
      const keepLayers = layerList.length === 0 || sameLayers;
      const manifestDigest = img.manifestDigest ?? old.manifestDigest;
      if (keepLayers && manifestDigest === old.manifestDigest) {
        counts.images.unchanged++;
        continue;
      }
      await tx.image.update({ where: { id: old.id }, data: { manifestDigest } });
      if (!keepLayers) {
        await tx.imageLayer.deleteMany({ where: { imageId: old.id } });
        layerList.forEach((layerId, position) => createLinks.push({ imageId: old.id, position, layerId }));
        images.get(key)!.layerCount = layerList.length;
      }
      counts.images.updated++;
    }
    await tx.image.createMany({ data: createImages });
    await tx.imageLayer.createMany({ data: createLinks });
  }

  // ------------------------------------------------------------ edge servers
  const serverIds = new Map<string, string>();
  {
    const existing = await tx.edgeServer.findMany({ where: { scenarioId, name: { in: plan.edgeServers.map((s) => s.name) } } });
    const byName = new Map(existing.map((s) => [s.name, s]));
    const create: Prisma.EdgeServerCreateManyInput[] = [];
    for (const s of plan.edgeServers) {
      const old = byName.get(s.name);
      // What the file did not give stays as the scenario holds it; a new server takes the default.
      const keep = new Set(s.defaulted ?? []);
      const data = {
        siteId: old && keep.has('site') ? old.siteId : siteRef(s.site),
        tier: old && keep.has('tier') ? old.tier : s.tier,
        arch: old && keep.has('arch') ? old.arch : s.arch,
        cpuCores: old && keep.has('cpuCores') ? old.cpuCores : s.cpuCores,
        memoryMiB: old && keep.has('memoryMiB') ? old.memoryMiB : s.memoryMiB,
        storageBytes: old && keep.has('storageBytes') ? old.storageBytes : s.storageBytes,
        bandwidthMbps: old && keep.has('bandwidthMbps') ? old.bandwidthMbps : s.bandwidthMbps,
        accelerators: old && keep.has('accelerators') ? old.accelerators : s.accelerators,
      };
      if (!old) {
        const id = randomUUID();
        serverIds.set(s.name, id);
        create.push({ id, scenarioId, name: s.name, ...data });
        counts.edgeServers.created++;
        continue;
      }
      serverIds.set(s.name, old.id);
      const same =
        old.siteId === data.siteId &&
        old.tier === data.tier &&
        old.arch === data.arch &&
        old.cpuCores === data.cpuCores &&
        old.memoryMiB === data.memoryMiB &&
        old.storageBytes === data.storageBytes &&
        old.bandwidthMbps === data.bandwidthMbps &&
        old.accelerators.join() === data.accelerators.join();
      if (same) counts.edgeServers.unchanged++;
      else {
        assertUnchanged(await tx.edgeServer.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }), old);
        counts.edgeServers.updated++;
      }
    }
    await tx.edgeServer.createMany({ data: create });
  }

  // ------------------------------------------------------------ network nodes
  const nodeIds = new Map<string, string>();
  {
    const existing = await tx.networkNode.findMany({ where: { scenarioId, name: { in: plan.networkNodes.map((s) => s.name) } } });
    const byName = new Map(existing.map((s) => [s.name, s]));
    const create: Prisma.NetworkNodeCreateManyInput[] = [];
    for (const n of plan.networkNodes) {
      const old = byName.get(n.name);
      const data = { siteId: siteRef(n.site), kind: n.kind, latitude: n.latitude, longitude: n.longitude, sdnManaged: n.sdnManaged ?? old?.sdnManaged ?? false };
      if (!old) {
        const id = randomUUID();
        nodeIds.set(n.name, id);
        create.push({ id, scenarioId, name: n.name, ...data });
        counts.networkNodes.created++;
        continue;
      }
      nodeIds.set(n.name, old.id);
      if (old.siteId === data.siteId && old.kind === data.kind && old.latitude === data.latitude && old.longitude === data.longitude && old.sdnManaged === data.sdnManaged)
        counts.networkNodes.unchanged++;
      else {
        assertUnchanged(await tx.networkNode.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }), old);
        counts.networkNodes.updated++;
      }
    }
    await tx.networkNode.createMany({ data: create });
  }

  // ------------------------------------------------------------ links
  if (plan.links.length) {
    const missingServers = plan.links
      .flatMap((l) => [l.a, l.b])
      .filter((e) => e.kind === 'edgeServer' && !serverIds.has(e.name))
      .map((e) => e.name);
    const missingNodes = plan.links
      .flatMap((l) => [l.a, l.b])
      .filter((e) => e.kind === 'networkNode' && !nodeIds.has(e.name))
      .map((e) => e.name);
    if (missingServers.length)
      for (const s of await tx.edgeServer.findMany({ where: { scenarioId, name: { in: missingServers } }, select: { id: true, name: true } })) serverIds.set(s.name, s.id);
    if (missingNodes.length)
      for (const s of await tx.networkNode.findMany({ where: { scenarioId, name: { in: missingNodes } }, select: { id: true, name: true } })) nodeIds.set(s.name, s.id);
    const end = (e: { kind: 'edgeServer' | 'networkNode'; name: string }) => {
      const id = (e.kind === 'edgeServer' ? serverIds : nodeIds).get(e.name);
      if (!id) throw new DomainError('INVALID_INPUT', `a link refers to unknown ${e.kind === 'edgeServer' ? 'edge server' : 'network node'} "${e.name}"`, 'file');
      return e.kind === 'edgeServer' ? { server: id, node: null } : { server: null, node: id };
    };
    const existing = await tx.link.findMany({ where: { scenarioId, name: { in: plan.links.map((l) => l.name) } } });
    const byName = new Map(existing.map((l) => [l.name, l]));
    const create: Prisma.LinkCreateManyInput[] = [];
    for (const l of plan.links) {
      const a = end(l.a);
      const b = end(l.b);
      const data = {
        medium: l.medium,
        bandwidthMbps: l.bandwidthMbps,
        latencyMs: l.latencyMs,
        lossPercent: l.lossPercent ?? 0,
        aEdgeServerId: a.server,
        aNodeId: a.node,
        bEdgeServerId: b.server,
        bNodeId: b.node,
      };
      const old = byName.get(l.name);
      if (!old) {
        create.push({ scenarioId, name: l.name, ...data });
        counts.links.created++;
        continue;
      }
      const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => old[k] === data[k]);
      if (same) counts.links.unchanged++;
      else {
        assertUnchanged(await tx.link.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }), old);
        counts.links.updated++;
      }
    }
    await tx.link.createMany({ data: create });
  }

  // ------------------------------------------------------------ services (and images without layer data)
  const serviceIds = new Map<string, string>();
  const noLayerData = new Map<string, { reference: string; arch: string; services: string[] }>();
  if (plan.services.length) {
    const resolve = (imageRef: string, arch: string | null) => {
      const ref = parseImageReference(imageRef);
      if (!ref) throw new DomainError('INVALID_INPUT', `"${imageRef}" is not an image reference`, 'file');
      const wanted = arch ?? 'amd64';
      let found = images.get(imageKey({ repository: ref.repository, tag: ref.tag, arch: wanted }));
      if (!found && arch === null) found = [...images.values()].find((i) => i.repository === ref.repository && i.tag === ref.tag);
      if (!found && ref.digest) found = [...images.values()].find((i) => i.manifestDigest === ref.digest);
      if (found) return found;
      const created = { id: randomUUID(), repository: ref.repository, tag: ref.tag, arch: wanted, manifestDigest: null as string | null, layerCount: 0, declared: false };
      images.set(imageKey(created), created);
      placeholders.push({ id: created.id, scenarioId, repository: created.repository, tag: created.tag, arch: created.arch, manifestDigest: ref.digest });
      counts.images.created++;
      return created;
    };
    const placeholders: Prisma.ImageCreateManyInput[] = [];
    const resolved = plan.services.map((s) => ({ service: s, image: resolve(s.imageRef, s.arch) }));
    await tx.image.createMany({ data: placeholders });
    const existing = await tx.service.findMany({ where: { scenarioId, name: { in: plan.services.map((s) => s.name) } } });
    const byName = new Map(existing.map((s) => [s.name, s]));
    const create: Prisma.ServiceCreateManyInput[] = [];
    for (const { service: s, image } of resolved) {
      if (image.layerCount === 0 && !image.declared) {
        const k = imageKey(image);
        const entry = noLayerData.get(k) ?? { reference: `${displayRepository(image.repository)}:${image.tag}`, arch: image.arch, services: [] };
        entry.services.push(s.name);
        noLayerData.set(k, entry);
      }
      const old = byName.get(s.name);
      // A manifest that states no port keeps the port the service has (or the default).
      const port = s.port ?? old?.port ?? DEFAULT_SERVICE_PORT;
      const data = { imageRef: s.imageRef, imageId: image.id, replicas: s.replicas, cpuCores: s.cpuCores, memoryMiB: s.memoryMiB, arch: s.arch, accelerator: s.accelerator, port };
      if (!old) {
        const id = randomUUID();
        serviceIds.set(s.name, id);
        create.push({ id, scenarioId, name: s.name, ...data });
        counts.services.created++;
        continue;
      }
      serviceIds.set(s.name, old.id);
      if ((Object.keys(data) as (keyof typeof data)[]).every((k) => old[k] === data[k])) counts.services.unchanged++;
      else {
        assertUnchanged(await tx.service.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }), old);
        counts.services.updated++;
      }
    }
    await tx.service.createMany({ data: create });
  }
  if (plan.dependencies.length) {
    const data = plan.dependencies.map((d) => ({ fromServiceId: serviceIds.get(d.from)!, toServiceId: serviceIds.get(d.to)! }));
    const existing = await tx.serviceDependency.findMany({
      where: { fromServiceId: { in: data.map((d) => d.fromServiceId) } },
      select: { fromServiceId: true, toServiceId: true },
    });
    const have = new Set(existing.map((d) => `${d.fromServiceId}>${d.toServiceId}`));
    const fresh = data.filter((d) => !have.has(`${d.fromServiceId}>${d.toServiceId}`));
    counts.dependencies.unchanged += data.length - fresh.length;
    counts.dependencies.created += (await tx.serviceDependency.createMany({ data: fresh, skipDuplicates: true })).count;
  }

  // ------------------------------------------------------------ layers already on edge servers
  const cachedRefs = plan.edgeServers.filter((s) => s.cachedImageRefs?.length);
  if (cachedRefs.length) {
    const all = [...images.values()];
    const wanted: { edgeServerId: string; imageId: string }[] = [];
    let unknown = 0;
    for (const s of cachedRefs) {
      const arch = s.arch;
      const seen = new Set<string>();
      for (const raw of s.cachedImageRefs!) {
        const ref = parseImageReference(raw);
        const img =
          ref &&
          (all.find((i) => ref.digest && i.manifestDigest === ref.digest && i.arch === arch) ??
            all.find((i) => i.repository === ref.repository && i.tag === ref.tag && i.arch === arch && !(ref.tag === 'latest' && raw.includes('@'))));
        if (!img) {
          unknown++;
          continue;
        }
        if (!seen.has(img.id)) wanted.push({ edgeServerId: serverIds.get(s.name)!, imageId: img.id });
        seen.add(img.id);
      }
    }
    if (wanted.length) {
      const links = await tx.imageLayer.findMany({ where: { imageId: { in: [...new Set(wanted.map((w) => w.imageId))] } }, select: { imageId: true, layerId: true } });
      const byImage = new Map<string, string[]>();
      for (const l of links) byImage.set(l.imageId, [...(byImage.get(l.imageId) ?? []), l.layerId]);
      const rows = new Map<string, { edgeServerId: string; layerId: string }>();
      for (const w of wanted) for (const layerId of byImage.get(w.imageId) ?? []) rows.set(`${w.edgeServerId}>${layerId}`, { edgeServerId: w.edgeServerId, layerId });
      const created = (await tx.edgeServerCachedLayer.createMany({ data: [...rows.values()], skipDuplicates: true })).count;
      counts.cachedLayers.created += created;
      counts.cachedLayers.unchanged += rows.size - created;
    }
    if (unknown)
      plan.notes.push(`${unknown} image name${unknown === 1 ? '' : 's'} on the nodes are not in the image catalog; import their manifests to count their layers as cached`);
  }

  const changed = ENTITY_KINDS.some((k) => counts[k].created + counts[k].updated > 0);
  if (plan.services.length) await assertContainersWithinLimit(tx, scenarioId, 'file');
  if (changed && !scenario.created) await tx.scenario.update({ where: { id: scenarioId }, data: { version: { increment: 1 } } });

  const result: ImportResult = {
    scenario,
    counts,
    imagesWithoutLayerData: [...noLayerData.values()].sort((a, b) => a.reference.localeCompare(b.reference)),
    notes: plan.notes,
    stats: plan.stats,
    dryRun,
  };
  if (dryRun) throw new DryRunRollback(result);
  return result;
}

/**
 * Takes the scenario's row lock, as every editor save does first (apply-edit.ts bumps its
 * version): an import and an editor save of one scenario then run one after the other, and the
 * import reads the rows it merges into only once no save is in flight.
 */
async function lockScenario(tx: Tx, scenarioId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Scenario" WHERE id = ${scenarioId} FOR UPDATE`;
  return rows.length > 0;
}

/** An update matched on the version read: a row someone changed since is refused, not overwritten. */
function assertUnchanged(updated: { count: number }, old: { name: string }) {
  if (updated.count === 0) {
    throw new DomainError('STALE_VERSION', `“${old.name}” was changed by someone else while the import ran; nothing was imported. Import the file again.`);
  }
}

async function resolveScenario(tx: Tx, target: ImportTarget): Promise<{ id: string; name: string; created: boolean }> {
  if ('scenarioId' in target) {
    if (!(await lockScenario(tx, target.scenarioId))) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const s = await tx.scenario.findUnique({ where: { id: target.scenarioId }, select: { id: true, name: true } });
    if (!s) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    return { ...s, created: false };
  }
  const name = scenarioNameSchema.safeParse(target.scenarioName);
  if (!name.success) throw new DomainError('INVALID_INPUT', `scenario name: ${name.error.issues[0].message}`, 'scenario');
  const found = await tx.scenario.findFirst({ where: { name: { equals: name.data, mode: 'insensitive' } }, select: { id: true, name: true } });
  if (found) {
    await lockScenario(tx, found.id);
    return { ...found, created: false };
  }
  if (!target.createIfMissing) throw new DomainError('NOT_FOUND', `There is no scenario named "${name.data}".`, 'scenario');
  await assertScenarioNameFree(tx, name.data);
  const created = await tx.scenario.create({ data: { name: name.data, description: 'Created by an import.' }, select: { id: true, name: true } });
  return { ...created, created: true };
}

export type { PlannedImage };
