'use client';

import type { ReactNode } from 'react';
import type { FileFacts } from '@/lib/importers/plan-import';
import { ARCHS, NETWORK_NODE_KINDS } from '@/lib/vocabulary/kinds-and-labels';

export type Options = Record<string, unknown>;
type Props = { options: Options; set: (key: string, value: unknown) => void };

const input = 'w-full rounded-md border border-slate-300 px-2 py-1 text-sm';
// What a text or number input shows for an option: the inputs set strings; an unset option is empty.
const optionText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function Row({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {children}
      {hint && <span className="mt-0.5 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
}

function NumberOption({ label, name, options, set, placeholder, hint }: Props & { label: string; name: string; placeholder: string; hint?: string }) {
  return (
    <Row label={label} hint={hint}>
      <input
        type="number"
        min="0"
        step="any"
        className={input}
        value={optionText(options[name])}
        placeholder={placeholder}
        onChange={(e) => set(name, e.target.value === '' ? undefined : e.target.value)}
      />
    </Row>
  );
}

function Check({ label, name, options, set, fallback }: Props & { label: string; name: string; fallback: boolean }) {
  const value = options[name] === undefined ? fallback : options[name] === true || options[name] === 'true';
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={value} onChange={(e) => set(name, e.target.checked)} /> {label}
    </label>
  );
}

function ServerDefaults(props: Props & { prefix: 'server' | 'default' }) {
  const p = props.prefix;
  return (
    <>
      <NumberOption {...props} label="CPU cores per edge server" name={`${p}CpuCores`} placeholder={p === 'server' ? '16' : '4'} />
      <NumberOption {...props} label="Memory per edge server (MiB)" name={`${p}MemoryMiB`} placeholder={p === 'server' ? '65536' : '8192'} />
      <NumberOption
        {...props}
        label="Storage per edge server (GiB)"
        name={p === 'server' ? 'serverStorageGiB' : 'defaultStorageGiB'}
        placeholder={p === 'server' ? '500' : '100'}
      />
      <NumberOption {...props} label="Edge server bandwidth (Mbit/s)" name={`${p}BandwidthMbps`} placeholder={p === 'server' ? '10000' : '1000'} />
    </>
  );
}

function ColumnMapping({
  facts,
  fields,
  options,
  set,
}: Props & { facts: { headers: string[]; columns: Record<string, string | undefined>; sample: string[][] }; fields: [string, string][] }) {
  const columns = { ...facts.columns, ...((options.columns as Record<string, string | undefined>) ?? {}) };
  return (
    <fieldset className="col-span-full rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-700">Columns</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {fields.map(([field, label]) => (
          <Row key={field} label={`${label} column`}>
            <select className={input} value={columns[field] ?? ''} onChange={(e) => set('columns', { ...columns, [field]: e.target.value || undefined })}>
              <option value="">(not imported)</option>
              {facts.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </Row>
        ))}
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="text-xs" aria-label="First rows of the file">
          <thead>
            <tr>
              {facts.headers.map((h) => (
                <th key={h} className="px-2 py-1 text-left font-semibold text-slate-600">
                  {h}
                  {Object.entries(columns)
                    .filter(([, c]) => c === h)
                    .map(([f]) => (
                      <span key={f} className="ml-1 rounded bg-blue-100 px-1 font-normal text-blue-800">
                        {f}
                      </span>
                    ))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {facts.sample.map((row, i) => (
              <tr key={i} className="border-t border-slate-100">
                {row.map((c, j) => (
                  <td key={j} className="max-w-48 truncate px-2 py-1">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

/** The choices a planner makes about a file, shown once its preview is known. */
export function ImportOptions({ kind, facts, ...props }: Props & { kind: string; facts: FileFacts | null }) {
  const { options, set } = props;
  if (kind === 'topology') {
    const becomes = (options.nodesBecome as string) ?? 'network';
    return (
      <>
        <Row label="Topology nodes become">
          <select className={input} value={becomes} onChange={(e) => set('nodesBecome', e.target.value)}>
            <option value="network">Network nodes</option>
            <option value="edge">Sites with an edge server each</option>
            <option value="both">Sites with a network node and an edge server</option>
          </select>
        </Row>
        {becomes !== 'edge' && (
          <Row label="Network node kind">
            <select className={input} value={(options.nodeKind as string) ?? 'router'} onChange={(e) => set('nodeKind', e.target.value)}>
              {Object.entries(NETWORK_NODE_KINDS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </Row>
        )}
        <NumberOption {...props} label="Default link bandwidth (Mbit/s)" name="linkBandwidthMbps" placeholder="1000" hint="For links whose label names no speed" />
        <NumberOption {...props} label="Default link latency (ms)" name="linkLatencyMs" placeholder="1" hint="For links with an end without coordinates" />
        <div className="space-y-2 self-end">
          <Check {...props} label="Read bandwidth from link labels (10 Gbps, OC-192, 1GE…)" name="parseBandwidth" fallback />
          <Check {...props} label="Latency from great-circle distance (fibre, 200 km/ms)" name="geoLatency" fallback />
        </div>
        {becomes !== 'network' && <ServerDefaults {...props} prefix="server" />}
        <Row label="Name prefix (optional)">
          <input className={input} value={optionText(options.namePrefix)} onChange={(e) => set('namePrefix', e.target.value)} />
        </Row>
      </>
    );
  }
  if (kind === 'images') {
    const facets = facts?.kind === 'images' ? facts.facets : null;
    const format = facts?.kind === 'images' ? facts.format : null;
    return (
      <>
        {facets && (
          <>
            <Row label="Snapshot">
              <select className={input} value={(options.snapshot as string) ?? ''} onChange={(e) => set('snapshot', e.target.value || undefined)}>
                <option value="">All snapshots</option>
                {Object.entries(facets.snapshots).map(([s, n]) => (
                  <option key={s} value={s}>
                    {s} ({n} entries)
                  </option>
                ))}
              </select>
            </Row>
            <Row label="Platform">
              <select className={input} value={(options.platform as string) ?? ''} onChange={(e) => set('platform', e.target.value || undefined)}>
                <option value="">All platforms</option>
                {Object.entries(facets.platforms).map(([p, n]) => (
                  <option key={p} value={p}>
                    {p} ({n})
                  </option>
                ))}
              </select>
            </Row>
          </>
        )}
        {(format === 'manifest' || format === 'index' || format === 'docker-inspect' || !facets) && (
          <Row label="Image reference" hint="For a bare manifest or an index, e.g. nginx:1.27 or ghcr.io/org/app:v1">
            <input className={input} value={optionText(options.reference)} onChange={(e) => set('reference', e.target.value || undefined)} />
          </Row>
        )}
        {(format === 'manifest' || !facets) && (
          <Row label="Architecture of a bare manifest">
            <select className={input} value={(options.arch as string) ?? 'amd64'} onChange={(e) => set('arch', e.target.value)}>
              {ARCHS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </Row>
        )}
      </>
    );
  }
  if (kind === 'services') {
    return (
      <>
        <NumberOption {...props} label="CPU for containers without requests (cores)" name="defaultCpuCores" placeholder="0.1" />
        <NumberOption {...props} label="Memory for containers without requests (MiB)" name="defaultMemoryMiB" placeholder="128" />
        <div className="space-y-2 self-end">
          <Check {...props} label="Use limits where requests are missing" name="limitsAsRequests" fallback />
          <Check {...props} label="Import init containers too" name="initContainers" fallback={false} />
        </div>
      </>
    );
  }
  if (kind === 'sites' && facts?.kind === 'sites') {
    const withServers = options.edgeServerPerSite === true;
    return (
      <>
        <ColumnMapping
          {...props}
          facts={facts}
          fields={[
            ['name', 'Name'],
            ['latitude', 'Latitude'],
            ['longitude', 'Longitude'],
            ['provider', 'Provider'],
            ['region', 'Region'],
          ]}
        />
        <div className="self-end">
          <Check {...props} label="Put an edge server on each site" name="edgeServerPerSite" fallback={false} />
        </div>
        {withServers && <ServerDefaults {...props} prefix="server" />}
      </>
    );
  }
  if (kind === 'nodes') {
    return (
      <>
        {facts?.kind === 'nodes' && facts.format === 'csv' && (
          <ColumnMapping
            {...props}
            facts={facts}
            fields={[
              ['name', 'Name'],
              ['cpu', 'CPU'],
              ['memory', 'Memory'],
              ['storage', 'Storage'],
              ['arch', 'Architecture'],
              ['accelerators', 'Accelerators / GPUs'],
              ['site', 'Site'],
              ['bandwidth', 'Bandwidth (Mbit/s)'],
              ['tier', 'Tier'],
            ]}
          />
        )}
        <NumberOption {...props} label="Bandwidth per edge server (Mbit/s)" name="defaultBandwidthMbps" placeholder="1000" hint="Kubernetes does not report NIC speed" />
        <NumberOption {...props} label="Storage when not given (GiB)" name="defaultStorageGiB" placeholder="100" />
        <div className="self-end">
          <Check {...props} label="Use allocatable (not capacity)" name="useAllocatable" fallback />
        </div>
      </>
    );
  }
  return null;
}
