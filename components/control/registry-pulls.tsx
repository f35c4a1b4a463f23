import Link from 'next/link';
import { CatalogTable, YES_NO_OPTIONS } from '@/components/catalog/catalog-table';
import type { CatalogSpec, SearchParams } from '@/components/catalog/catalog-query';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatBytes, formatCount, formatMbps, formatMs, formatSeconds } from '@/lib/format/format-units';
import type { RegistryPullSummary, ServerPull } from '@/lib/placement-runs/summarize-registry-pulls';

const pullSpec: CatalogSpec<ServerPull> = {
  search: (p) => `${p.server} ${p.registry ?? ''} ${p.path.join(' ')}`,
  sorts: {
    server: (p) => p.server,
    registry: (p) => p.registry ?? '',
    hops: (p) => p.path.length,
    bandwidth: (p) => p.bandwidthMbps ?? -1,
    latency: (p) => p.latencyMs ?? Infinity,
    pull: (p) => p.referenceSeconds ?? Infinity,
  },
  defaultSort: 'server',
  filters: { reaches: (p, v) => (v === 'yes') === (p.registry !== null) },
};

const attachment = (a: RegistryPullSummary['registries'][number]['attachedTo']) =>
  a === null ? <span className="text-amber-800">attached to nothing</span> : `${a.kind === 'edgeServer' ? 'edge server' : 'network node'} ${a.name}`;

/**
 * Where each edge server pulls its images from, as the network-aware placement times it: the
 * registry that finishes the reference pull soonest, its path, bottleneck and latency; and what
 * no pull can use (servers cut off from every registry, registries attached to nothing).
 */
export function RegistryPulls({ summary, params }: { summary: RegistryPullSummary; params: SearchParams }) {
  const reference = formatBytes(summary.referenceBytes, 0);
  if (summary.registries.length === 0) {
    return (
      <EmptyState title="No registry in this scenario">
        Start-up time in a network-aware placement counts the time each server takes to pull its layers from a registry. Add one on the{' '}
        <Link href="/architecture" className="text-blue-700 underline">
          Architecture
        </Link>{' '}
        page (palette, Registry) and attach it by drawing an edge to a network node or an edge server.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3" data-testid="registry-pulls">
      <p className="text-sm text-slate-600">
        Each edge server pulls from the registry that finishes a {reference} pull soonest: the path&apos;s latency once, then the bytes at its narrowest link. Placement runs with
        start-up weighed time every pull this way.
      </p>
      {(summary.cutOff.length > 0 || summary.unattached.length > 0) && (
        <ul role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {summary.cutOff.length > 0 && (
            <li data-testid="cut-off-servers">
              {formatCount(summary.cutOff.length, 'edge server')} {summary.cutOff.length === 1 ? 'reaches' : 'reach'} no registry ({listSome(summary.cutOff)}): they can only run
              containers whose layers they already hold. Link them to the network, or attach a registry they reach.
            </li>
          )}
          {summary.unattached.length > 0 && (
            <li data-testid="unattached-registries">
              {formatCount(summary.unattached.length, 'registry', 'registries')} {summary.unattached.length === 1 ? 'is' : 'are'} attached to nothing (
              {listSome(summary.unattached)}): no pull uses them until an edge on the Architecture page attaches them to a network node or an edge server.
            </li>
          )}
        </ul>
      )}
      <DataTable
        caption="Registries"
        rows={summary.registries}
        rowKey={(r) => r.name}
        columns={[
          { header: 'Registry', cell: (r) => <span className="font-medium">{r.name}</span> },
          { header: 'Attached to', cell: (r) => attachment(r.attachedTo) },
          { header: 'Reached by (edge servers)', align: 'right', cell: (r) => r.reachedBy.toLocaleString('en-US') },
          { header: 'Fastest for (edge servers)', align: 'right', cell: (r) => r.fastestFor.toLocaleString('en-US') },
        ]}
      />
      <CatalogTable
        caption="Image pulls"
        testId="pulls-table"
        path="/network"
        prefix="p_"
        params={params}
        rows={summary.servers}
        spec={pullSpec}
        rowKey={(p) => p.server}
        searchPlaceholder="Server, registry or node on the path"
        filters={[
          {
            key: 'reaches',
            label: 'Reaches a registry',
            options: YES_NO_OPTIONS,
          },
        ]}
        columns={[
          { key: 'server', header: 'Edge server', cell: (p) => <span className="font-medium">{p.server}</span> },
          { key: 'registry', header: 'Pulls from', cell: (p) => p.registry ?? <span className="text-amber-800">no registry reached</span> },
          { key: 'hops', header: 'Path', cell: (p) => (p.path.length > 1 ? p.path.join(' → ') : p.path.length === 1 ? 'on the server itself' : '—') },
          { key: 'bandwidth', header: 'Bottleneck', align: 'right', cell: (p) => (p.bandwidthMbps === null ? '—' : formatMbps(p.bandwidthMbps)) },
          { key: 'latency', header: 'Latency', align: 'right', cell: (p) => (p.latencyMs === null ? '—' : formatMs(p.latencyMs)) },
          { key: 'pull', header: `${reference} pull`, align: 'right', cell: (p) => formatSeconds(p.referenceSeconds) },
        ]}
      />
    </div>
  );
}

function listSome(names: string[], shown = 5): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
