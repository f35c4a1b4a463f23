import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { artifactKindFromDb, artifactKindToDb, type ArtifactKind } from './artifact-kinds';

type Reader = Db | Prisma.TransactionClient;

type ArtifactRun = { id: string; algorithm: string; createdAt: string } | null;

/** One stored version of an artifact, as plain data for pages. */
export type ArtifactVersion = {
  id: string;
  kind: ArtifactKind;
  controllerId: string | null;
  controller: string | null;
  version: number;
  summary: string;
  createdAt: string;
  placementRun: ArtifactRun;
};
type ArtifactWithContent = ArtifactVersion & { content: unknown };

const select = {
  id: true,
  kind: true,
  controllerId: true,
  version: true,
  summary: true,
  createdAt: true,
  controller: { select: { name: true } },
  placementRun: { select: { id: true, algorithm: true, createdAt: true } },
} as const;

type Row = Prisma.ControlArtifactGetPayload<{ select: typeof select }>;
const toVersion = (r: Row): ArtifactVersion => ({
  id: r.id,
  kind: artifactKindFromDb(r.kind),
  controllerId: r.controllerId,
  controller: r.controller?.name ?? null,
  version: r.version,
  summary: r.summary,
  createdAt: r.createdAt.toISOString(),
  placementRun: r.placementRun ? { id: r.placementRun.id, algorithm: r.placementRun.algorithm, createdAt: r.placementRun.createdAt.toISOString() } : null,
});

/**
 * The newest version of every artifact of the scenario: routes and link load (scenario-wide),
 * flow rules per SDN controller, mesh configuration per mesh controller, with their content.
 * This is what the Controllers page and the Architecture overlays read: `linkLoad.content` is
 * a LinkLoadContent (per link: Mbit/s, utilisation %, demands, status) and `routes.content` a
 * RoutesContent (every routed demand with its path and links, and the unroutable ones).
 * `placementRun` is the scenario's applied run now; an artifact computed from another run is
 * out of date until the next recompute.
 */
export async function loadLatestControlPlan(db: Reader, scenarioId: string) {
  const [scenario, rows] = await Promise.all([
    db.scenario.findUnique({ where: { id: scenarioId }, select: { appliedRun: { select: { id: true, algorithm: true, createdAt: true } } } }),
    // DISTINCT ON keeps one row per (kind, controller): the newest version.
    db.controlArtifact.findMany({
      where: { scenarioId },
      orderBy: [{ kind: 'asc' }, { controllerId: 'asc' }, { version: 'desc' }],
      distinct: ['kind', 'controllerId'],
      select: { ...select, content: true },
    }),
  ]);
  const latest: ArtifactWithContent[] = rows.map((r) => ({ ...toVersion(r), content: r.content }));
  const run = scenario?.appliedRun;
  return {
    placementRun: run ? { id: run.id, algorithm: run.algorithm, createdAt: run.createdAt.toISOString() } : null,
    routes: latest.find((a) => a.kind === 'routes') ?? null,
    linkLoad: latest.find((a) => a.kind === 'link-load') ?? null,
    flows: latest.filter((a) => a.kind === 'flows'),
    mesh: latest.filter((a) => a.kind === 'mesh'),
  };
}
export type LatestControlPlan = Awaited<ReturnType<typeof loadLatestControlPlan>>;

/** The versions of one artifact (kind and owner), newest first, without their content. */
export async function listControlArtifacts(db: Reader, scenarioId: string, of: { kind: ArtifactKind; controllerId: string | null }, limit = 50): Promise<ArtifactVersion[]> {
  const rows = await db.controlArtifact.findMany({
    where: { scenarioId, kind: artifactKindToDb(of.kind), controllerId: of.controllerId },
    orderBy: { version: 'desc' },
    take: limit,
    select,
  });
  return rows.map(toVersion);
}
