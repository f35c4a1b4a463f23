import { computeControlPlan } from '@/lib/control/compute-control-plan';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { digestArtifactContent } from './artifact-digest';
import { artifactKindToDb, type ArtifactKind } from './artifact-kinds';
import { buildControlInput, describeControlInputFailure, type BuiltControlInput } from './build-control-input';
import { planArtifacts } from './plan-artifacts';

export type RecomputeOutcome =
  | { status: 'recomputed'; placementRunId: string; written: { kind: ArtifactKind; controller: string | null; version: number }[]; unchanged: number; elapsedMs: number }
  | { status: 'skipped'; reason: Exclude<BuiltControlInput, { ok: true }>['reason']; message: string }
  /** The scenario changed while the plan was computed; the change's own recompute stores the newer plan. */
  | { status: 'superseded' };

/**
 * Compiles the control plan for the scenario's applied placement (greedy router) and stores a
 * new version of every artifact whose content changed, in one transaction; an artifact whose
 * content is what its latest version holds gets no new version.
 *
 * The scenario is read outside the transaction and the plan computed there, so that no lock is
 * held while routing; the write then takes the scenario row's lock and stores nothing if the
 * scenario's version moved meanwhile (a concurrent edit, whose own recompute follows it).
 */
export async function recomputeControlPlan(db: Db, scenarioId: string, options: { optimal?: boolean } = {}): Promise<RecomputeOutcome> {
  const started = performance.now();
  const before = await db.scenario.findUnique({ where: { id: scenarioId }, select: { version: true } });
  const built = await buildControlInput(db, scenarioId);
  if (!built.ok) return { status: 'skipped', reason: built.reason, message: describeControlInputFailure(built) };
  if (!before) return { status: 'skipped', reason: 'not-found', message: 'This scenario no longer exists.' };
  const plan = await computeControlPlan(built.input, { optimal: options.optimal });
  const artifacts = planArtifacts(built.input, plan);

  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "Scenario" WHERE "id" = ${scenarioId} FOR UPDATE`;
      if (locked.length === 0 || locked[0].version !== before.version) return { status: 'superseded' as const };
      const controllers = new Map((await tx.controller.findMany({ where: { scenarioId }, select: { id: true, name: true } })).map((c) => [c.name, c.id]));
      const written: { kind: ArtifactKind; controller: string | null; version: number }[] = [];
      let unchanged = 0;
      for (const artifact of artifacts) {
        const controllerId = artifact.controller === null ? null : (controllers.get(artifact.controller) ?? null);
        if (artifact.controller !== null && controllerId === null) continue;
        const latest = await tx.controlArtifact.findFirst({
          where: { scenarioId, kind: artifactKindToDb(artifact.kind), controllerId },
          orderBy: { version: 'desc' },
          select: { version: true, digest: true, placementRunId: true },
        });
        const digest = digestArtifactContent(artifact.content);
        if (latest && latest.digest === digest && latest.placementRunId === built.placementRunId) {
          unchanged += 1;
          continue;
        }
        const version = (latest?.version ?? 0) + 1;
        await tx.controlArtifact.create({
          data: {
            scenarioId,
            controllerId,
            kind: artifactKindToDb(artifact.kind),
            version,
            content: artifact.content as unknown as Prisma.InputJsonValue,
            digest,
            summary: artifact.summary,
            placementRunId: built.placementRunId,
          },
        });
        written.push({ kind: artifact.kind, controller: artifact.controller, version });
      }
      return { status: 'recomputed' as const, placementRunId: built.placementRunId, written, unchanged, elapsedMs: Math.round(performance.now() - started) };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/**
 * The recompute that follows a committed change (a placement applied, an edit, an import, a MANO
 * action). The change stands whatever happens here: a failure to compute is logged and returned
 * as a skipped outcome, never thrown at the change that triggered it.
 */
export async function recomputeAfterChange(db: Db, scenarioId: string): Promise<RecomputeOutcome | { status: 'failed'; message: string }> {
  try {
    return await recomputeControlPlan(db, scenarioId);
  } catch (error) {
    console.error(`[edgestack] recomputing the control plan of scenario ${scenarioId} failed:`, error);
    return { status: 'failed', message: (error as Error).message };
  }
}
