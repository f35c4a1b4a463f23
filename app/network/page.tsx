import type { Metadata } from 'next';
import { CatalogTable, YES_NO_OPTIONS } from '@/components/catalog/catalog-table';
import type { CatalogSpec, SearchParams } from '@/components/catalog/catalog-query';
import { RegistryPulls } from '@/components/control/registry-pulls';
import { ServiceChains } from '@/components/control/service-chains';
import { VnfManager } from '@/components/control/vnf-manager';
import { EmptyState } from '@/components/ui/empty-state';
import { getActor } from '@/lib/auth/get-actor';
import { roleAtLeast } from '@/lib/auth/roles';
import { listNetwork } from '@/lib/catalog/list-network';
import { listServiceChains } from '@/lib/catalog/list-service-chains';
import { getDb } from '@/lib/db';
import { formatMbps, formatMs } from '@/lib/format/format-units';
import { listHostCapacities } from '@/lib/mano/load-host-capacity';
import { measureRegistryPulls } from '@/lib/placement-runs/measure-registry-pulls';
import { readScenarioTopology } from '@/lib/placement-runs/read-scenario-topology';
import { summarizeRegistryPulls } from '@/lib/placement-runs/summarize-registry-pulls';
import { LINK_MEDIA, NETWORK_NODE_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Network' };

type Network = Awaited<ReturnType<typeof listNetwork>>;
type NodeRow = Network['nodes'][number];
type LinkRow = Network['links'][number];

const nodeSpec: CatalogSpec<NodeRow> = {
  search: (n) => `${n.name} ${n.site ?? ''} ${NETWORK_NODE_KINDS[n.kind]}`,
  sorts: { name: (n) => n.name, kind: (n) => n.kind, site: (n) => n.site ?? '', sdn: (n) => (n.sdnManaged ? 1 : 0) },
  defaultSort: 'name',
  filters: { kind: (n, v) => n.kind === v, sdn: (n, v) => (v === 'yes') === n.sdnManaged },
};

const linkSpec: CatalogSpec<LinkRow> = {
  search: (l) => `${l.name} ${l.a} ${l.b}`,
  sorts: { name: (l) => l.name, a: (l) => l.a, b: (l) => l.b, medium: (l) => l.medium, bandwidth: (l) => l.bandwidthMbps, latency: (l) => l.latencyMs, loss: (l) => l.lossPercent },
  defaultSort: 'name',
  filters: { medium: (l, v) => l.medium === v },
};

export default async function NetworkPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return withScenario('Network', 'Network layer', async (scenario) => {
    const db = await getDb();
    const [{ nodes, links, vnfs }, chains, hosts, manoControllers, actor, topology] = await Promise.all([
      listNetwork(db, scenario.id),
      listServiceChains(db, scenario.id),
      listHostCapacities(db, scenario.id),
      db.controller.findMany({ where: { scenarioId: scenario.id, kind: 'mano' }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
      getActor(),
      readScenarioTopology(db, scenario.id),
    ]);
    const pulls = (
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Registries and image pulls ({topology.registries.length})</h2>
        <RegistryPulls summary={summarizeRegistryPulls(topology, measureRegistryPulls(topology))} params={params} />
      </section>
    );
    // Operators get the VNF lifecycle and chain editing; the actions check the role again.
    const canOperate = roleAtLeast(actor?.role, 'operator');
    const control = (
      <>
        <VnfManager scenarioId={scenario.id} vnfs={vnfs} hosts={hosts} manoControllers={manoControllers} canOperate={canOperate} />
        <ServiceChains scenarioId={scenario.id} chains={chains} vnfs={vnfs} canOperate={canOperate} />
      </>
    );
    if (nodes.length + links.length === 0) {
      return (
        <div className="space-y-8">
          <EmptyState title="No network in this scenario">
            Switches, routers, base stations and the links between them live here. Draw them on the Architecture page or import a topology (GraphML, GML) on the Import page.
          </EmptyState>
          {topology.registries.length > 0 && pulls}
          {hosts.length + vnfs.length + chains.length > 0 && control}
        </div>
      );
    }
    const media = [...new Set(links.map((l) => l.medium))];
    return (
      <div className="space-y-8">
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Network nodes ({nodes.length})</h2>
          <CatalogTable
            caption="Network nodes"
            testId="nodes-table"
            path="/network"
            prefix="n_"
            params={params}
            rows={nodes}
            spec={nodeSpec}
            rowKey={(n) => n.id}
            filters={[
              { key: 'kind', label: 'Kind', options: Object.entries(NETWORK_NODE_KINDS) },
              {
                key: 'sdn',
                label: 'SDN-managed',
                options: YES_NO_OPTIONS,
              },
            ]}
            columns={[
              { key: 'name', header: 'Name', cell: (n) => <span className="font-medium">{n.name}</span> },
              { key: 'kind', header: 'Kind', cell: (n) => NETWORK_NODE_KINDS[n.kind] },
              { key: 'site', header: 'Site', cell: (n) => n.site ?? '—' },
              { key: 'sdn', header: 'SDN-managed', cell: (n) => (n.sdnManaged ? 'yes' : 'no') },
            ]}
          />
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Links ({links.length})</h2>
          <CatalogTable
            caption="Links"
            testId="links-table"
            path="/network"
            prefix="l_"
            params={params}
            rows={links}
            spec={linkSpec}
            rowKey={(l) => l.id}
            filters={[{ key: 'medium', label: 'Medium', options: media.map((m) => [m, LINK_MEDIA[m]]) }]}
            columns={[
              { key: 'a', header: 'From', cell: (l) => l.a },
              { key: 'b', header: 'To', cell: (l) => l.b },
              { key: 'medium', header: 'Medium', cell: (l) => LINK_MEDIA[l.medium] },
              { key: 'bandwidth', header: 'Bandwidth', align: 'right', cell: (l) => formatMbps(l.bandwidthMbps) },
              { key: 'latency', header: 'Latency', align: 'right', cell: (l) => formatMs(l.latencyMs) },
              { key: 'loss', header: 'Loss', align: 'right', cell: (l) => `${l.lossPercent} %` },
            ]}
          />
        </section>
        {pulls}
        {control}
      </div>
    );
  });
}
