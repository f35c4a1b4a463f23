import Link from 'next/link';
import { NoScenario } from '@/components/scenarios/no-scenario';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/db';
import { formatBytes, formatCores, formatCount, formatMbps, formatMiB, formatPercent } from '@/lib/format/format-units';
import { CONTROLLER_KINDS, LINK_MEDIA } from '@/lib/vocabulary/kinds-and-labels';
import { getScenarioOverview } from '@/lib/overview/get-scenario-overview';
import { getCurrentScenario } from './current-scenario';

export default async function OverviewPage() {
  const scenario = await getCurrentScenario();
  if (!scenario) {
    return (
      <>
        <PageHeader title="Overview" />
        <NoScenario />
      </>
    );
  }
  const o = await getScenarioOverview(await getDb(), scenario.id);
  const archLine = Object.entries(o.physical.byArch)
    .map(([arch, n]) => `${n} ${arch}`)
    .join(', ');
  const mediaLine = Object.entries(o.network.byMedium)
    .map(([m, n]) => `${n} ${LINK_MEDIA[m as keyof typeof LINK_MEDIA] ?? m}`)
    .join(', ');

  const layers = [
    {
      key: 'control',
      name: 'Control layer',
      color: 'border-layer-control',
      href: '/controllers',
      main: formatCount(o.control.controllers, 'controller'),
      details: Object.entries(o.control.byKind).map(([k, n]) => `${n} × ${CONTROLLER_KINDS[k as keyof typeof CONTROLLER_KINDS] ?? k}`),
    },
    {
      key: 'service',
      name: 'Service layer',
      color: 'border-layer-service',
      href: '/services',
      main: `${formatCount(o.service.services, 'service')} · ${formatCount(o.service.replicas, 'replica')}`,
      details: [
        `${formatCount(o.service.images, 'image')} · ${formatCount(o.service.layers, 'layer')}`,
        `${formatCount(o.service.registries, 'registry', 'registries')} · ${formatCount(o.service.dependencies, 'dependency', 'dependencies')}`,
      ],
    },
    {
      key: 'network',
      name: 'Network layer',
      color: 'border-layer-network',
      href: '/network',
      main: `${formatCount(o.network.networkNodes, 'network node')} · ${formatCount(o.network.links, 'link')}`,
      details: [`${o.network.sdnManaged} SDN-managed`, mediaLine || 'no links', formatCount(o.network.vnfs, 'virtual network function')],
    },
    {
      key: 'physical',
      name: 'Physical layer',
      color: 'border-layer-physical',
      href: '/servers',
      main: `${formatCount(o.physical.edgeServers, 'edge server')} · ${formatCount(o.physical.sites, 'site')}`,
      details: [archLine || 'no servers', `${o.physical.withGpu} with GPU · ${o.physical.withFpga} with FPGA`],
    },
  ];

  const { storage } = o;
  const catalogSaving = storage.catalogWithoutSharing > 0 ? 1 - storage.catalogWithSharing / storage.catalogWithoutSharing : 0;
  const bar = (value: number, max: number) => `${max > 0 ? Math.max(1, (value / max) * 100) : 0}%`;

  return (
    <>
      <PageHeader title={scenario.name} layer="Overview" />
      {scenario.description && <p className="-mt-4 mb-6 max-w-3xl text-sm text-slate-600">{scenario.description}</p>}

      <section aria-labelledby="layers-heading" className="mb-8">
        <h2 id="layers-heading" className="mb-3 text-sm font-semibold text-slate-700">
          The four layers
        </h2>
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
          {layers.map((layer) => (
            <Link key={layer.key} href={layer.href} data-testid={`layer-${layer.key}`} className={`rounded-lg border-l-4 bg-white p-4 shadow-sm hover:shadow ${layer.color}`}>
              <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{layer.name}</p>
              <p className="mt-1 text-lg font-semibold">{layer.main}</p>
              <ul className="mt-1 text-sm text-slate-600">
                {layer.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </Link>
          ))}
        </div>
      </section>

      <section aria-labelledby="capacity-heading" className="mb-8">
        <h2 id="capacity-heading" className="mb-3 text-sm font-semibold text-slate-700">
          Capacity of the edge servers, and what the services ask for
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {[
            { label: 'CPU', total: formatCores(o.capacity.cpuCores), demand: formatCores(o.demand.cpuCores), ratio: o.demand.cpuCores / o.capacity.cpuCores },
            { label: 'Memory', total: formatMiB(o.capacity.memoryMiB), demand: formatMiB(o.demand.memoryMiB), ratio: o.demand.memoryMiB / o.capacity.memoryMiB },
            { label: 'Storage', total: formatBytes(o.capacity.storageBytes), demand: null, ratio: null },
            {
              label: 'Bandwidth',
              total: formatMbps(o.capacity.bandwidthMbps),
              demand: formatMbps(o.demand.bandwidthMbps),
              ratio: o.demand.bandwidthMbps / o.capacity.bandwidthMbps,
            },
          ].map((c) => (
            <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-xs font-semibold text-slate-500 uppercase">{c.label}</p>
              <p className="text-lg font-semibold">{c.total}</p>
              {c.demand !== null && (
                <p className="text-sm text-slate-600">
                  requested {c.demand}
                  {Number.isFinite(c.ratio) && ` (${formatPercent(c.ratio ?? 0)})`}
                </p>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="storage-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="storage-heading" className="text-sm font-semibold text-slate-700">
          Storage for images, with and without layer sharing
        </h2>
        <p className="mb-4 text-sm text-slate-600">Containers are stacks of layers. Stored with sharing, a layer used by several images is kept once.</p>
        {o.service.images === 0 ? (
          <p className="text-sm text-slate-600">The catalog has no images yet: import image manifests to see what sharing saves.</p>
        ) : (
          <dl className="space-y-3 text-sm" data-testid="storage-comparison">
            {[
              { label: 'Catalog, every image with private layers', value: storage.catalogWithoutSharing, tone: 'bg-slate-400' },
              { label: 'Catalog, shared layers stored once', value: storage.catalogWithSharing, tone: 'bg-layer-service' },
              { label: 'All service replicas, no sharing (the paper’s baseline)', value: storage.replicasWithoutSharing, tone: 'bg-slate-400' },
              { label: 'Distinct layers the services need', value: storage.replicasDistinctLayers, tone: 'bg-layer-service' },
            ].map((row) => (
              <div key={row.label} className="grid grid-cols-[18rem_1fr_6rem] items-center gap-3">
                <dt className="text-slate-700">{row.label}</dt>
                <dd aria-hidden className="h-3 rounded bg-slate-100">
                  <div className={`h-3 rounded ${row.tone}`} style={{ width: bar(row.value, Math.max(storage.catalogWithoutSharing, storage.replicasWithoutSharing)) }} />
                </dd>
                <dd className="text-right font-medium tabular-nums">{formatBytes(row.value)}</dd>
              </div>
            ))}
            <p className="pt-1 text-slate-700">
              Sharing layers saves <strong>{formatPercent(catalogSaving)}</strong> of the catalog&rsquo;s storage (
              {formatBytes(storage.catalogWithoutSharing - storage.catalogWithSharing)}).
            </p>
          </dl>
        )}
        {o.service.servicesWithoutLayerData.length > 0 && (
          <p role="status" className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900">
            No layer data for the image of {o.service.servicesWithoutLayerData.join(', ')}: their storage is not counted above, and placement will refuse them until their image
            manifests are imported.
          </p>
        )}
      </section>
    </>
  );
}
