import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyRunButton } from '@/components/placement/apply-run-button';
import { MovesBeforeApply } from '@/components/placement/moves-before-apply';
import { EdgeServerUsageChart } from '@/components/placement/edge-server-usage-chart';
import { NetworkTermsSection } from '@/components/placement/network-terms-section';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { formatBytes, formatCores, formatMiB, formatMs, formatPercent } from '@/lib/format/format-units';
import { ALGORITHM_LABELS, RUN_STATUS_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { describeMoves } from '@/lib/placement-runs/describe-moves';
import { diffAssignments } from '@/lib/placement-runs/diff-assignments';
import { describeStoredWeights } from '@/lib/placement-runs/objective-weights';
import { explainPlacement } from '@/lib/placement-runs/explain-placement';
import { listComparableRuns } from '@/lib/placement-runs/list-comparable-runs';
import { readPlacementRun } from '@/lib/placement-runs/read-placement-run';
import { readRunAssignment } from '@/lib/placement-runs/read-run-assignment';
import { summarizeNetworkTerms } from '@/lib/placement-runs/summarize-network-terms';
import { summarizePlacement } from '@/lib/placement-runs/summarize-placement';

export const metadata: Metadata = { title: 'Placement run' };

const GiB = 1024 ** 3;
const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

export default async function PlacementRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ explain?: string; compare?: string }> }) {
  await requirePageActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const run = await readPlacementRun(db, id);
  if (!run) notFound();
  const { status, problem, result, assignment } = run;
  const label = ALGORITHM_LABELS[run.algorithm as keyof typeof ALGORITHM_LABELS] ?? run.algorithm;
  const others = await listComparableRuns(db, run.scenarioId, run.id);

  const usage = problem && assignment ? summarizePlacement(problem, assignment) : [];
  const used = usage.filter((u) => u.containers.length > 0);
  const explanation = problem && assignment && query.explain ? explainPlacement(problem, assignment, query.explain) : null;
  const compared = query.compare ? await readRunAssignment(db, run.scenarioId, query.compare) : null;
  const moves = assignment && compared?.assignment ? diffAssignments(compared.assignment, assignment) : [];
  const replanMoves = problem && assignment ? describeMoves(problem, assignment) : null;
  const network = problem && assignment ? summarizeNetworkTerms(problem, result, assignment, run.algorithm) : null;

  return (
    <>
      <PageHeader title={`${label} — ${RUN_STATUS_LABELS[status] ?? status}`} layer={`Placement run · ${run.scenarioName}`}>
        {assignment && <ApplyRunButton runId={run.id} applied={run.applied} />}
      </PageHeader>
      <p className="-mt-4 mb-6 text-sm">
        <Link href="/placement" className="text-blue-700 hover:underline">
          ← All runs
        </Link>
      </p>

      <dl className="mb-8 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-6">
        {[
          ['Storage cost', formatBytes(assignment ? run.costBytes : null)],
          ['Lower bound', formatBytes(run.lowerBoundBytes)],
          ['No-sharing cost', formatBytes(run.noSharingBytes)],
          ['Saving vs no sharing', assignment && run.costBytes !== null && run.noSharingBytes ? formatPercent(1 - Number(run.costBytes) / Number(run.noSharingBytes)) : '—'],
          ['Time', run.elapsedMs === null ? '—' : formatMs(run.elapsedMs)],
          ['Engine · objective', `${result?.engine ?? run.engine} · ${run.objective}`],
        ].map(([k, v]) => (
          <div key={k}>
            <dt className="text-slate-500">{k}</dt>
            <dd className="font-medium tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      {run.weights && (
        // Each term with its weight, its part and the weighted total is in the table further down.
        <dl className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="run-terms">
          <dt className="text-slate-500">Objective{run.replan ? ' (re-plan)' : ''}</dt>
          <dd>
            {describeStoredWeights(run.weights)}
            {network?.kind === 'network' && (
              <>
                {' · '}
                <a href="#terms-heading" className="text-blue-700 hover:underline">
                  each term beside the weighted total
                </a>
              </>
            )}
          </dd>
        </dl>
      )}
      {replanMoves && <MovesBeforeApply report={replanMoves} movesWeight={run.weights?.moves ?? 0} applied={run.applied} />}
      {run.message && <p className="mb-6 rounded bg-amber-50 p-3 text-sm text-amber-900">{run.message}</p>}
      {run.unreadable.map((sentence) => (
        <p key={sentence} role="alert" className="mb-6 rounded bg-red-50 p-3 text-sm text-red-900" data-testid="run-unreadable">
          {sentence}
        </p>
      ))}

      {!assignment ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {status === 'queued' || status === 'running' ? 'This run has not finished yet.' : 'This run has no placement to show.'}
        </p>
      ) : (
        <>
          <section className="mb-8">
            <EdgeServerUsageChart
              bars={used.map((u) => ({
                edgeServer: u.edgeServer,
                sharingGiB: u.storageSharing / GiB,
                noSharingGiB: u.storageNoSharing / GiB,
                capacityGiB: u.storageCapacity / GiB,
                cpuPercent: (u.cpu.used / u.cpu.capacity) * 100,
                memoryPercent: (u.memory.used / u.memory.capacity) * 100,
              }))}
            />
          </section>

          <section className="mb-8" aria-labelledby="servers-heading">
            <h2 id="servers-heading" className="mb-2 text-sm font-semibold text-slate-700">
              Edge servers used ({used.length} of {usage.length})
            </h2>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                  <tr>
                    <th className="px-3 py-2">Edge server</th>
                    <th className="px-3 py-2">Replicas</th>
                    <th className="px-3 py-2 text-right">CPU</th>
                    <th className="px-3 py-2 text-right">Memory</th>
                    <th className="px-3 py-2 text-right">Storage, shared</th>
                    <th className="px-3 py-2 text-right">Storage, private copies</th>
                    <th className="px-3 py-2">Layers stored</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 align-top">
                  {used.map((u) => (
                    <tr key={u.edgeServer}>
                      <td className="px-3 py-2 font-medium">{u.edgeServer}</td>
                      <td className="px-3 py-2">{u.containers.join(', ')}</td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {formatCores(u.cpu.used)} / {formatCores(u.cpu.capacity)}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {formatMiB(u.memory.used)} / {formatMiB(u.memory.capacity)}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatBytes(u.storageSharing)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatBytes(u.storageNoSharing)}</td>
                      <td className="px-3 py-2">
                        <details>
                          <summary className="cursor-pointer text-blue-700">{u.layers.length} layers</summary>
                          <ul className="mt-1 space-y-0.5 font-mono text-xs">
                            {u.layers.map((l) => (
                              <li key={l.digest} title={l.digest}>
                                {short(l.digest)} · {formatBytes(l.size)} · {l.usedBy ? `used by ${l.usedBy}` : 'unused'}
                                {l.cached ? ' · cached' : ''}
                              </li>
                            ))}
                          </ul>
                        </details>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {network && <NetworkTermsSection view={network} />}

          <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="explain-heading">
            <h2 id="explain-heading" className="text-sm font-semibold text-slate-700">
              Why is a replica where it is?
            </h2>
            <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
              {query.compare && <input type="hidden" name="compare" value={query.compare} />}
              <label className="text-sm">
                <span className="mb-1 block text-slate-600">Replica</span>
                <select name="explain" aria-label="Replica to explain" defaultValue={query.explain ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5">
                  <option value="" disabled>
                    Choose a replica…
                  </option>
                  {(problem?.containers ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.id} → {assignment[c.id]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
                Explain
              </button>
            </form>
            {explanation && (
              <div className="mt-4 grid gap-6 lg:grid-cols-2" data-testid="explanation">
                <div>
                  <h3 className="text-sm font-medium">
                    {explanation.container} runs on {explanation.edgeServer}; it adds {formatBytes(explanation.newBytes)} there.
                  </h3>
                  <ul className="mt-2 space-y-1 text-sm">
                    {explanation.layers.map((l) => (
                      <li key={l.digest}>
                        <span className="font-mono text-xs" title={l.digest}>
                          {short(l.digest)}
                        </span>{' '}
                        {formatBytes(l.size)} —{' '}
                        {l.origin === 'cached'
                          ? 'already cached on the server'
                          : l.origin === 'shared'
                            ? `already brought by ${l.sharedWith.join(', ')}`
                            : 'new bytes to store and pull'}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h3 className="text-sm font-medium">The alternatives</h3>
                  <ul className="mt-2 space-y-1 text-sm">
                    {explanation.alternatives.map((a) => (
                      <li key={a.edgeServer}>
                        <span className="font-medium">{a.edgeServer}</span>:{' '}
                        {a.feasible
                          ? a.costDelta > 0
                            ? `possible, but ${formatBytes(a.costDelta)} more storage in total`
                            : a.costDelta < 0
                              ? `possible and ${formatBytes(-a.costDelta)} less storage (the solver stopped before finding it)`
                              : 'possible at the same cost'
                          : a.reasons.join('; ')}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            )}
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="diff-heading">
            <h2 id="diff-heading" className="text-sm font-semibold text-slate-700">
              Compare with another run
            </h2>
            {others.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">No other run of this scenario has a placement yet.</p>
            ) : (
              <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
                {query.explain && <input type="hidden" name="explain" value={query.explain} />}
                <select name="compare" defaultValue={query.compare ?? ''} aria-label="Run to compare with" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                  <option value="" disabled>
                    Choose a run…
                  </option>
                  {others.map((o) => (
                    <option key={o.id} value={o.id}>
                      {ALGORITHM_LABELS[o.algorithm as keyof typeof ALGORITHM_LABELS] ?? o.algorithm} · {o.createdAt.slice(0, 19).replace('T', ' ')} · {formatBytes(o.costBytes)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
                  Compare
                </button>
              </form>
            )}
            {compared && (
              <div className="mt-3 text-sm" data-testid="run-diff">
                {compared.unreadable ? (
                  <p role="alert">{compared.unreadable}</p>
                ) : moves.length === 0 ? (
                  <p>The two runs place every replica on the same edge server.</p>
                ) : (
                  <>
                    <p className="mb-1">
                      {moves.length} replica{moves.length === 1 ? '' : 's'} moved from the{' '}
                      {ALGORITHM_LABELS[compared.algorithm as keyof typeof ALGORITHM_LABELS] ?? compared.algorithm} run to this one:
                    </p>
                    <ul className="list-disc pl-5">
                      {moves.map((m) => (
                        <li key={m.container}>
                          {m.container}: {m.from ?? '—'} → {m.to ?? '—'}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
