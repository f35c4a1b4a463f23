'use client';

// One memoised edge component for all six kinds, styled per kind; registered at module level.
// Each edge's <g> carries data-edge-kind (and React Flow's wrapper the class edge-<kind>).

import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { EDGE_STYLES, edgeStroke } from '@/lib/architecture/edge-stroke';
import { edgePath } from '@/lib/architecture/edge-path';
import { loadLabel, type ArchEdge } from '@/lib/architecture/flow-graph';
import type { EdgeKind } from '@/lib/architecture/snapshot';
import { EdgeLabelLayer } from './flow-layer';

const ArchEdgeComponent = memo(function ArchEdgeComponent(props: EdgeProps<ArchEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const kind = data?.kind ?? 'link';
  const style = EDGE_STYLES[kind];
  const [path, labelX, labelY] = edgePath(kind, { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const count = data?.aggregated ?? 1;
  const load = data?.load;
  // A routed link says its load and utilisation; with a count too when it stands for several.
  const label = load && load.loadMbps > 0 && !selected ? (count > 1 ? `×${count} · ${loadLabel(load)}` : loadLabel(load)) : count > 1 && !data?.label ? `×${count}` : data?.label;
  // Link labels are many and long: shown when the link is selected; short labels always.
  const showLabel = label && (selected || kind === 'placement' || (kind === 'dependency' && label.length < 16) || count > 1 || (load && load.loadMbps > 0));
  const { colour: stroke, width, alpha } = edgeStroke({ data, selected });
  return (
    <g
      data-edge-kind={kind}
      data-utilisation={load ? Math.round(load.utilisationPct) : undefined}
      data-on-route={data?.onRoute === undefined ? undefined : String(data.onRoute)}
      opacity={alpha < 1 ? alpha : undefined}
    >
      <BaseEdge
        id={id}
        path={path}
        markerEnd={style.marker ? `url(#arch-arrow-${kind})` : undefined}
        style={{ stroke, strokeWidth: width, strokeDasharray: style.strokeDasharray }}
        interactionWidth={12}
      />
      {showLabel && (
        <EdgeLabelLayer>
          <div
            className="nodrag nopan pointer-events-auto absolute rounded bg-white/90 px-1 text-[10px] font-medium shadow-sm"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, color: stroke }}
            data-edge-label={kind}
            data-load-label={load && load.loadMbps > 0 ? 'true' : undefined}
          >
            {label}
          </div>
        </EdgeLabelLayer>
      )}
    </g>
  );
});

export const EDGE_TYPES: EdgeTypes = {
  link: ArchEdgeComponent,
  hosting: ArchEdgeComponent,
  manages: ArchEdgeComponent,
  dependency: ArchEdgeComponent,
  placement: ArchEdgeComponent,
  attachment: ArchEdgeComponent,
};

/** Arrowheads, one per kind colour; rendered once inside the canvas. */
export function EdgeMarkers() {
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden="true">
      <defs>
        {(Object.keys(EDGE_STYLES) as EdgeKind[]).map((kind) => (
          <marker key={kind} id={`arch-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={EDGE_STYLES[kind].stroke} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
