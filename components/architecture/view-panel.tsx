'use client';

// What the canvas draws: the scope picker (whole scenario, a site, a region, a layer, or the
// neighbourhood of a node), the aggregated view's opened groups, and a link to share the view.

import { useReactFlow } from '@xyflow/react';
import { memo, useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { AGGREGATE_THRESHOLD } from '@/lib/architecture/aggregate-view';
import { describeScope, MAX_HOPS, type ViewScope } from '@/lib/architecture/view-scope';
import { LAYERS, type LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { useEditor, useEditorStore } from './editor-store';

type ScopeType = ViewScope['type'];

const SCOPE_LABELS: Record<ScopeType, string> = {
  all: 'Whole scenario',
  site: 'One site',
  region: 'One region',
  layer: 'One layer',
  neighbourhood: 'Around a node',
};

function ScopePicker() {
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  const entities = useEditor((s) => s.model.entities);
  const scope = useEditor((s) => s.view.scope);
  const [type, setType] = useState<ScopeType>(scope.type);
  const [value, setValue] = useState(scope.type === 'site' ? scope.siteId : scope.type === 'region' ? scope.region : scope.type === 'layer' ? scope.layer : '');
  const [nodeName, setNodeName] = useState(scope.type === 'neighbourhood' ? (entities.get(scope.nodeId)?.name ?? '') : '');
  const [hops, setHops] = useState(scope.type === 'neighbourhood' ? scope.hops : 1);
  const sites = useMemo(() => [...entities.values()].filter((e) => e.kind === 'site').sort((a, b) => a.name.localeCompare(b.name)), [entities]);
  const regions = useMemo(() => [...new Set(sites.map((s) => (s.kind === 'site' ? s.region : '')))].sort(), [sites]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let next: ViewScope | null = null;
    if (type === 'all') next = { type: 'all' };
    else if (type === 'site' && value) next = { type: 'site', siteId: value };
    else if (type === 'region') next = { type: 'region', region: value };
    else if (type === 'layer' && value in LAYERS) next = { type: 'layer', layer: value as LayerName };
    else if (type === 'neighbourhood') {
      const q = nodeName.trim().toLowerCase();
      const hit = [...entities.entries()].find(([, en]) => en.name.toLowerCase() === q);
      if (!hit) {
        store.setNotice({ tone: 'error', text: `No node is named “${nodeName}”: pick one from the list.` });
        return;
      }
      next = { type: 'neighbourhood', nodeId: hit[0], hops: Math.min(Math.max(1, Math.round(hops) || 1), MAX_HOPS) };
    }
    if (!next) {
      store.setNotice({ tone: 'error', text: `Choose which ${type} to draw.` });
      return;
    }
    store.setScope(next);
    // After React Flow has the new nodes.
    requestAnimationFrame(() => void fitView({ padding: 0.05, duration: 200 }));
  };

  return (
    <form onSubmit={submit} className="space-y-1 text-xs" aria-label="Scope">
      <label className="flex flex-col">
        <span className="font-medium text-slate-600">Draw</span>
        <select
          className="rounded border border-slate-300 px-1 py-0.5"
          value={type}
          onChange={(e) => {
            setType(e.target.value as ScopeType);
            setValue(e.target.value === 'layer' ? 'network' : e.target.value === 'region' ? (regions[0] ?? '') : e.target.value === 'site' ? (sites[0]?.id ?? '') : '');
          }}
          aria-label="Scope"
          data-testid="scope-type"
        >
          {(Object.keys(SCOPE_LABELS) as ScopeType[]).map((t) => (
            <option key={t} value={t}>
              {SCOPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {type === 'site' && (
        <select className="w-full rounded border border-slate-300 px-1 py-0.5" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Site">
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      {type === 'region' && (
        <select className="w-full rounded border border-slate-300 px-1 py-0.5" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Region">
          {regions.map((r) => (
            <option key={r} value={r}>
              {r || '(no region)'}
            </option>
          ))}
        </select>
      )}
      {type === 'layer' && (
        <select className="w-full rounded border border-slate-300 px-1 py-0.5" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Layer">
          {(Object.keys(LAYERS) as LayerName[]).map((l) => (
            <option key={l} value={l}>
              {LAYERS[l]}
            </option>
          ))}
        </select>
      )}
      {type === 'neighbourhood' && (
        <div className="flex gap-1">
          <input
            className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5"
            value={nodeName}
            onChange={(e) => setNodeName(e.target.value)}
            list="arch-search-names"
            placeholder="node name"
            aria-label="Node"
          />
          <label className="flex items-center gap-0.5">
            <input
              className="w-9 rounded border border-slate-300 px-1 py-0.5"
              type="number"
              min={1}
              max={MAX_HOPS}
              value={hops}
              onChange={(e) => setHops(Number(e.target.value))}
              aria-label="Hops"
            />
            hops
          </label>
        </div>
      )}
      <Button type="submit" className="w-full !py-0.5 !text-xs">
        Draw this scope
      </Button>
    </form>
  );
}

function AggregateStatus() {
  const store = useEditorStore();
  const aggregated = useEditor((s) => s.aggregated);
  const shownCount = useEditor((s) => s.shownCount);
  const expanded = useEditor((s) => s.view.expanded);
  if (!aggregated) return null;
  const labels = new Map(aggregated.summaries.map((g) => [g.key, g.label]));
  return (
    <div
      className="rounded border border-slate-300 bg-white p-1.5 text-[11px] text-slate-700"
      data-testid="aggregated-view"
      data-drawn={aggregated.summaries.length + aggregated.individuals.length}
      aria-live="polite"
    >
      <p>
        {shownCount.toLocaleString('en')} nodes, more than {AGGREGATE_THRESHOLD.toLocaleString('en')}: drawn as {aggregated.summaries.length} groups and{' '}
        {aggregated.individuals.length} nodes. Click ▸ on a group, or zoom in on it, to open it; or draw a smaller scope.
      </p>
      {expanded.size > 0 && (
        <ul className="mt-1 space-y-0.5" aria-label="Opened groups">
          {[...expanded].sort().map((key) => (
            <li key={key} className="flex items-center justify-between gap-1">
              <span className="truncate">{labels.get(key) ?? key.replace(/^[a-z]+:/, '')}</span>
              <button type="button" className="rounded border border-slate-300 px-1 hover:bg-slate-100" onClick={() => store.collapseGroup(key)} aria-label={`Close ${key}`}>
                close
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ShareView() {
  const [copied, setCopied] = useState(false);
  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy this link to share the view:', window.location.href);
    }
  };
  return (
    <Button className="w-full !py-0.5 !text-xs" onClick={() => void share()} title="The link opens this scope, these filters, this zoom and this selection">
      {copied ? 'Link copied' : 'Copy link to this view'}
    </Button>
  );
}

export const ViewPanel = memo(function ViewPanel() {
  const scope = useEditor((s) => s.view.scope);
  const model = useEditor((s) => s.model);
  return (
    <section className="space-y-1.5" aria-label="View">
      <div className="text-xs font-semibold tracking-wide text-slate-500 uppercase">View</div>
      <p className="text-[11px] text-slate-600" data-testid="scope-description">
        Showing {describeScope(model, scope)}
      </p>
      <ScopePicker />
      <AggregateStatus />
      <ShareView />
    </section>
  );
});
