'use client';

// The control plan on the Architecture page (issue 9): the utilisation legend, a service whose
// routes to highlight, and the problems: links near or over capacity, demands with no route.

import { useReactFlow } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { formatMbps, formatPercent } from '@/lib/architecture/cached-format';
import { UTILISATION_LEVELS } from '@/lib/architecture/control-overlay';
import { linkEdgeId } from '@/lib/architecture/flow-ids';
import { useEditor, useEditorStore } from './editor-store';

function Legend() {
  return (
    <ul className="space-y-0.5" aria-label="Link utilisation legend" data-testid="utilisation-legend">
      {UTILISATION_LEVELS.map((l) => (
        <li key={l.label} className="flex items-center gap-1.5">
          <span className="inline-block h-1 w-5 rounded" style={{ background: l.colour }} />
          {l.label}
        </li>
      ))}
    </ul>
  );
}

export const ControlPanel = memo(function ControlPanel() {
  const store = useEditorStore();
  const control = useEditor((s) => s.control);
  const links = useEditor((s) => s.model.links);
  const service = useEditor((s) => s.view.highlightService);
  const { fitView } = useReactFlow();
  const linkIdByName = useMemo(() => new Map([...links.values()].map((l) => [l.name, l.id])), [links]);
  const services = useMemo(() => Object.keys(control?.services ?? {}), [control]);

  const showLink = (name: string) => {
    const id = linkIdByName.get(name);
    if (!id) return;
    const edge = store.getState().edges.find((e) => e.id === linkEdgeId(id));
    store.select([linkEdgeId(id)]);
    if (edge) void fitView({ nodes: [{ id: edge.source }, { id: edge.target }], duration: 300, maxZoom: 1.2 });
  };

  return (
    <section className="space-y-1.5 text-xs" aria-label="Network load" data-testid="control-panel">
      <div className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Network load</div>
      {!control ? (
        <p className="text-[11px] text-slate-600" data-testid="control-empty">
          No routes yet. Apply a placement on the Placement page: routes, link load and flow rules are computed from it.
        </p>
      ) : (
        <>
          <p className="text-[11px] text-slate-600" data-testid="control-summary">
            {control.routed} {control.routed === 1 ? 'demand' : 'demands'} routed, busiest link at {formatPercent(control.maxUtilisationPct / 100, 0)}; computed{' '}
            <time dateTime={control.computedAt}>{control.computedAt.slice(0, 16).replace('T', ' ')} UTC</time>
            {control.placementRun ? ` from the ${control.placementRun.algorithm} run` : ''}.
          </p>
          {control.stale && (
            <p className="rounded bg-amber-50 px-1 text-[11px] text-amber-800" role="status">
              Computed from a placement that is no longer the applied one: recompute on the Controllers page.
            </p>
          )}
          <Legend />
          <label className="flex flex-col">
            <span className="font-medium text-slate-600">Highlight the routes of</span>
            <select
              className="rounded border border-slate-300 px-1 py-0.5"
              value={service ?? ''}
              onChange={(e) => store.highlightService(e.target.value || null)}
              aria-label="Highlight the routes of a service"
            >
              <option value="">no service</option>
              {services.map((name) => (
                <option key={name} value={name}>
                  {name} ({control.services[name].demands} {control.services[name].demands === 1 ? 'demand' : 'demands'}
                  {control.services[name].vnfs.length ? `, via ${control.services[name].vnfs.join(' → ')}` : ''})
                </option>
              ))}
            </select>
          </label>
          <div>
            <div className="font-medium text-slate-600">Links at 80 % or more</div>
            {control.overloaded.length === 0 ? (
              <p className="text-[11px] text-slate-500">None.</p>
            ) : (
              <ul className="space-y-0.5" data-testid="overloaded-links">
                {control.overloaded.map((l) => (
                  <li key={l.link}>
                    <button type="button" className="w-full text-left hover:underline" onClick={() => showLink(l.link)} title={`${l.from} – ${l.to}`}>
                      <span className={l.status === 'error' ? 'font-semibold text-red-700' : 'text-orange-700'}>{formatPercent(l.utilisationPct / 100, 0)}</span> {l.link}:{' '}
                      {formatMbps(l.loadMbps)} of {formatMbps(l.capacityMbps)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <div className="font-medium text-slate-600">Unroutable demands</div>
            {control.unroutable.length === 0 ? (
              <p className="text-[11px] text-slate-500">None: every demand has a route.</p>
            ) : (
              <ul className="space-y-1" data-testid="unroutable-demands">
                {control.unroutable.map((u) => (
                  <li key={`${u.from}>${u.to}`} title={u.detail}>
                    <span className="font-medium">
                      {u.from} → {u.to}
                    </span>
                    , {formatMbps(u.mbps)}: {u.reason === 'no-path' ? 'no path' : 'no path with enough bandwidth'}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
});
