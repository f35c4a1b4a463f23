'use client';

// Custom nodes, one per entity kind, memoised and registered once at module level (React Flow
// re-mounts every node when `nodeTypes` changes identity). Each shows its entity's name as text
// and a compact summary; handles: `t`/`b` for links and relations, `host` on VNFs and controllers.

import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { formatBytes, formatCores, formatMiB, formatPercent } from '@/lib/architecture/cached-format';
import { sameShownEntity, type ArchNode, type EntityNode } from '@/lib/architecture/flow-graph';
import { storageLevel } from '@/lib/architecture/storage-use';
import { CONTROLLER_KINDS, NETWORK_NODE_KINDS, TIERS, VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { useEditorStore } from './editor-store';

type P<K extends ArchNode['type']> = NodeProps<Extract<ArchNode, { type: K }>>;

const BAND_STYLE = {
  control: 'border-violet-500 bg-violet-50',
  service: 'border-emerald-500 bg-emerald-50',
  network: 'border-sky-500 bg-sky-50',
  physical: 'border-amber-500 bg-amber-50',
} as const;

const STORAGE_STYLE = {
  low: 'border-emerald-600 bg-emerald-50',
  medium: 'border-yellow-500 bg-yellow-50',
  high: 'border-orange-500 bg-orange-100',
  over: 'border-red-600 bg-red-100',
} as const;

function Shell({
  band,
  selected,
  className,
  badge,
  name,
  children,
}: {
  band: keyof typeof BAND_STYLE;
  selected: boolean;
  className?: string;
  badge: string;
  name: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`arch-node w-[200px] rounded-md border-2 px-2 py-1.5 text-left shadow-sm ${className ?? BAND_STYLE[band]} ${selected ? 'ring-2 ring-blue-600 ring-offset-1' : ''}`}
      title={name}
    >
      <Handle type="source" position={Position.Top} id="t" className="!h-2 !w-2 !bg-slate-500" />
      <div className="flex items-center gap-1.5">
        <span className="rounded bg-white/80 px-1 text-[10px] font-semibold tracking-wide text-slate-600 uppercase">{badge}</span>
        <span className="truncate text-sm font-semibold text-slate-900" data-testid="node-name">
          {name}
        </span>
      </div>
      <div className="arch-node-detail mt-0.5 space-y-0.5 text-[11px] leading-tight text-slate-700">{children}</div>
      <Handle type="source" position={Position.Bottom} id="b" className="!h-2 !w-2 !bg-slate-500" />
    </div>
  );
}

/** Memo comparison for node bodies: where the node sits is the wrapper's business, not theirs. */
function sameNodeView(a: NodeProps<EntityNode>, b: NodeProps<EntityNode>): boolean {
  for (const k in b) {
    const key = k as keyof NodeProps<EntityNode>;
    if (key === 'positionAbsoluteX' || key === 'positionAbsoluteY') continue;
    if (key === 'data') {
      const x = a.data;
      const y = b.data;
      if (x === y) continue;
      if (x.storage !== y.storage || x.members !== y.members || x.collapsed !== y.collapsed || x.frame !== y.frame) return false;
      if (!sameShownEntity(x.entity, y.entity)) return false;
      continue;
    }
    if (a[key] !== b[key]) return false;
  }
  return true;
}

function HostHandle() {
  return (
    <Handle
      type="source"
      position={Position.Right}
      id="host"
      title="Drag to an edge server to host this here"
      className="!h-3 !w-3 !rounded-sm !border-2 !border-white !bg-amber-600"
    />
  );
}

const EdgeServerNode = memo(function EdgeServerNode({ data, selected }: P<'edgeServer'>) {
  const e = data.entity;
  const s = data.storage;
  const level = s ? storageLevel(s.ratio) : null;
  return (
    <Shell band="physical" selected={!!selected} badge={TIERS[e.tier]} name={e.name} className={level ? STORAGE_STYLE[level] : undefined}>
      <div>
        {e.arch} · {formatCores(e.cpuCores)} · {formatMiB(e.memoryMiB)}
      </div>
      <div>
        {formatBytes(e.storageBytes)} disk{e.accelerators.length ? ` · ${e.accelerators.join(', ').toUpperCase()}` : ''}
      </div>
      {s && (
        <div data-testid="storage-use" data-level={level}>
          layers {formatBytes(s.usedBytes)} / {formatBytes(s.capacityBytes)} ({formatPercent(Math.min(s.ratio, 99.99), 0)})
        </div>
      )}
    </Shell>
  );
}, sameNodeView as never);

const NetworkNodeNode = memo(function NetworkNodeNode({ data, selected }: P<'networkNode'>) {
  const e = data.entity;
  return (
    <Shell band="network" selected={!!selected} badge="net" name={e.name}>
      <div>
        {NETWORK_NODE_KINDS[e.nodeKind]}
        {e.sdnManaged ? ' · SDN-managed' : ''}
      </div>
    </Shell>
  );
}, sameNodeView as never);

const VnfNode = memo(function VnfNode({ data, selected }: P<'vnf'>) {
  const e = data.entity;
  return (
    <Shell band="network" selected={!!selected} badge="vnf" name={e.name} className="border-dashed border-sky-600 bg-white">
      <div>
        {VNF_KINDS[e.vnfKind]} · {formatCores(e.cpuCores)}
      </div>
      <HostHandle />
    </Shell>
  );
}, sameNodeView as never);

const ServiceNode = memo(function ServiceNode({ data, selected }: P<'service'>) {
  const e = data.entity;
  return (
    <Shell band="service" selected={!!selected} badge="svc" name={e.name}>
      <div className="truncate">{e.imageRef}</div>
      <div>
        ×{e.replicas} {e.replicas === 1 ? 'replica' : 'replicas'} · {formatCores(e.cpuCores)}
        {e.accelerator ? ` · ${e.accelerator.toUpperCase()}` : ''}
      </div>
    </Shell>
  );
}, sameNodeView as never);

const RegistryNode = memo(function RegistryNode({ data, selected }: P<'registry'>) {
  const e = data.entity;
  return (
    <Shell band="service" selected={!!selected} badge="reg" name={e.name} className="border-dashed border-teal-700 bg-teal-50">
      <div className="truncate">{e.url}</div>
      {!e.networkNodeId && !e.edgeServerId && <div className="text-amber-800">not attached: draw an edge to a network node or edge server</div>}
    </Shell>
  );
}, sameNodeView as never);

const ControllerNode = memo(function ControllerNode({ data, selected }: P<'controller'>) {
  const e = data.entity;
  return (
    <Shell band="control" selected={!!selected} badge={e.controllerKind} name={e.name}>
      <div className="truncate">{CONTROLLER_KINDS[e.controllerKind]}</div>
      {e.product && <div className="truncate text-slate-500">{e.product}</div>}
      <HostHandle />
    </Shell>
  );
}, sameNodeView as never);

const SiteNode = memo(function SiteNode({ data, selected, id }: P<'site'>) {
  const e = data.entity;
  const store = useEditorStore();
  const toggle = () => {
    const collapsed = new Set(store.getState().view.collapsedSites);
    if (collapsed.has(e.id)) collapsed.delete(e.id);
    else collapsed.add(e.id);
    store.setView({ collapsedSites: collapsed });
  };
  const grouped = data.frame || data.collapsed || data.members > 0;
  const button =
    data.members > 0 && store.getState().view.groupBySite ? (
      <button
        type="button"
        className="nodrag rounded border border-slate-300 bg-white px-1 text-[10px] hover:bg-slate-100"
        onClick={toggle}
        aria-label={`${data.collapsed ? 'Expand' : 'Collapse'} site ${e.name}`}
        aria-expanded={!data.collapsed}
      >
        {data.collapsed ? `▸ ${data.members}` : '▾'}
      </button>
    ) : null;
  if (data.frame) {
    return (
      <div className={`h-full w-full rounded-lg border-2 border-dashed border-amber-600/60 bg-amber-100/30 ${selected ? 'ring-2 ring-blue-600' : ''}`} data-flow-id={id}>
        <div className="flex items-center gap-2 px-2 py-1">
          {button}
          <span className="text-sm font-semibold text-amber-900" data-testid="node-name">
            {e.name}
          </span>
          <span className="text-[11px] text-amber-800">site · {data.members} servers</span>
        </div>
      </div>
    );
  }
  return (
    <Shell band="physical" selected={!!selected} badge="site" name={e.name} className="border-dotted border-amber-700 bg-white">
      <div className="flex items-center justify-between gap-1">
        <span className="truncate">{[e.provider, e.region].filter(Boolean).join(' · ') || 'site'}</span>
        {button}
      </div>
      {grouped && data.collapsed && <div>{data.members} edge servers folded</div>}
    </Shell>
  );
}, sameNodeView as never);

const LEVEL_STYLE = {
  control: 'border-violet-600 bg-violet-100',
  service: 'border-emerald-600 bg-emerald-100',
  network: 'border-sky-600 bg-sky-100',
  physical: 'border-amber-600 bg-amber-100',
} as const;

/** A group of the aggregated view: its counts, and a button that opens it (also a click on it). */
const SummaryNode = memo(function SummaryNode({ data, selected }: P<'summary'>) {
  const g = data.group;
  const store = useEditorStore();
  return (
    <div
      className={`arch-node w-[200px] rounded-lg border-2 border-double px-2 py-1.5 text-left shadow ${LEVEL_STYLE[g.band]} ${selected ? 'ring-2 ring-blue-600 ring-offset-1' : ''}`}
      title={`${g.label}: ${data.summary}`}
      data-testid="summary-node"
      data-group={g.key}
      data-total={g.total}
    >
      <Handle type="source" position={Position.Top} id="t" isConnectable={false} className="!h-2 !w-2 !bg-slate-500" />
      <div className="flex items-center gap-1.5">
        <span className="rounded bg-white/80 px-1 text-[10px] font-semibold tracking-wide text-slate-600 uppercase">{g.level}</span>
        <span className="truncate text-sm font-semibold text-slate-900" data-testid="node-name">
          {g.label}
        </span>
      </div>
      <div className="arch-node-detail mt-0.5 flex items-end justify-between gap-1 text-[11px] leading-tight text-slate-700">
        <span className="line-clamp-2">{data.summary}</span>
        <button
          type="button"
          className="nodrag shrink-0 rounded border border-slate-400 bg-white px-1 text-[10px] hover:bg-slate-100"
          onClick={(e) => {
            e.stopPropagation();
            store.expandGroup(g.key);
          }}
          aria-label={`Expand ${g.label}`}
        >
          ▸ {g.total}
        </button>
      </div>
      <Handle type="source" position={Position.Bottom} id="b" isConnectable={false} className="!h-2 !w-2 !bg-slate-500" />
    </div>
  );
});

export const NODE_TYPES: NodeTypes = {
  summary: SummaryNode,
  edgeServer: EdgeServerNode,
  networkNode: NetworkNodeNode,
  vnf: VnfNode,
  service: ServiceNode,
  registry: RegistryNode,
  controller: ControllerNode,
  site: SiteNode,
};

export const MINIMAP_COLOURS: Record<string, string> = {
  summary: '#475569',
  controller: '#7c3aed',
  service: '#059669',
  registry: '#0f766e',
  vnf: '#0ea5e9',
  networkNode: '#0284c7',
  edgeServer: '#d97706',
  site: '#fcd34d',
};
