// The legend: what each edge style and each storage colour means.

import { EDGE_KIND_LABELS, EDGE_KINDS } from '@/lib/architecture/snapshot';
import { EDGE_STYLES } from '@/lib/architecture/edge-stroke';

export function Legend() {
  return (
    <div className="text-xs" aria-label="Legend" role="group">
      <div className="mb-1 font-semibold tracking-wide text-slate-500 uppercase">Legend</div>
      <ul className="space-y-0.5">
        {EDGE_KINDS.map((k) => (
          <li key={k} className="flex items-center gap-2">
            <svg width="34" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="33" y2="4" stroke={EDGE_STYLES[k].stroke} strokeWidth={EDGE_STYLES[k].strokeWidth} strokeDasharray={EDGE_STYLES[k].strokeDasharray} />
            </svg>
            {EDGE_KIND_LABELS[k]}
          </li>
        ))}
      </ul>
      <div className="mt-2 font-medium text-slate-600">Edge-server storage (applied placement)</div>
      <ul className="mt-0.5 flex flex-wrap gap-x-2">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-emerald-600 bg-emerald-50" /> &lt;50 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-yellow-500 bg-yellow-50" /> 50–85 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-orange-500 bg-orange-100" /> ≥85 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-red-600 bg-red-100" /> over
        </li>
      </ul>
      <p className="mt-2 text-slate-500">
        Drag from a node’s dot to connect; from the square <span className="font-semibold text-amber-700">host</span> handle to move a VNF or controller to another server.
      </p>
    </div>
  );
}
