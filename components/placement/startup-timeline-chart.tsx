'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, formatMbps, formatMs, formatSeconds } from '@/lib/format/format-units';
import { pickChartRows, type StartupChart, type TimelineRow } from '@/lib/placement-runs/chart-startup-timeline';
import { serviceColour } from './service-colours';

const LATENCY_FILL = '#e2e8f0';
const MAX_ROWS = 30;

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const pathOf = (row: TimelineRow) =>
  row.registry === null
    ? row.unreachable
      ? 'reaches no registry'
      : 'pulls nothing'
    : `← ${row.registry} · ${formatMbps(row.bandwidthMbps ?? 0)} · ${formatMs(row.latencyMs ?? 0)}`;

/**
 * The start-up timeline as a Gantt chart: a bar per edge server, first the path's latency, then
 * each layer pull coloured by the service it was pulled for, and a dot where each container is
 * ready; the dashed line is the makespan. Under each server's name, the registry it pulls from and
 * the path's bandwidth and latency. The arrow keys walk the servers with the tooltip.
 */
export function StartupTimelineChart({ chart, describedBy }: { chart: StartupChart; describedBy: string }) {
  const rows = pickChartRows(chart.rows, MAX_ROWS);
  const segments = Array.from({ length: chart.segmentCount }, (_, i) => i);
  const height = 70 + rows.length * 52;
  // A server that reaches no registry never gets its containers ready: nothing to draw at infinity.
  const makespan = Number.isFinite(chart.makespanSeconds) ? chart.makespanSeconds : null;
  return (
    <figure data-testid="startup-chart" aria-describedby={describedBy}>
      <figcaption className="mb-2 text-sm font-medium text-slate-700">
        Layer pulls per edge server, seconds from the start of the roll-out
        {rows.length < chart.rows.length && ` (the ${rows.length} slowest of ${chart.rows.length} edge servers; the table lists all)`}
      </figcaption>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-4 rounded-sm" style={{ background: LATENCY_FILL }} aria-hidden /> path latency
        </li>
        {chart.services.map((s) => (
          <li key={s.name} className="flex items-center gap-1">
            <span className="inline-block h-3 w-4 rounded-sm" style={{ background: serviceColour(s.colour) }} aria-hidden /> layers for {s.name}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-full border border-slate-900 bg-white" aria-hidden /> a container is ready
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block w-4 border-t-2 border-dashed border-red-600" aria-hidden /> makespan
        </li>
      </ul>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 20, right: 32, bottom: 24, left: 8 }} barCategoryGap="25%" accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, (max: number) => Math.max(max, makespan ?? 0) * 1.05 || 1]}
            tickFormatter={(v: number) => `${Number(v.toPrecision(3))} s`}
            label={{ value: 'Seconds from the start of the roll-out', position: 'insideBottom', offset: -14 }}
          />
          <YAxis type="category" dataKey="server" width={210} interval={0} tick={(props: unknown) => <ServerTick {...(props as TickProps)} rows={rows} />} />
          <Tooltip cursor={{ fill: '#f1f5f9' }} content={({ active, payload }) => (active && payload?.[0] ? <RowTooltip row={payload[0].payload as TimelineRow} /> : null)} />
          <Bar dataKey="waitSeconds" stackId="timeline" fill={LATENCY_FILL} isAnimationActive={false} />
          {segments.map((i) => (
            <Bar
              key={i}
              dataKey={(row: TimelineRow) => (row.segments[i] ? row.segments[i].endSeconds - row.segments[i].startSeconds : undefined)}
              stackId="timeline"
              stroke="#ffffff"
              isAnimationActive={false}
            >
              {rows.map((row) => (
                <Cell key={row.server} fill={row.segments[i] ? serviceColour(row.segments[i].colour) : 'transparent'} />
              ))}
            </Bar>
          ))}
          {rows.flatMap((row) =>
            row.ready
              .filter((mark) => Number.isFinite(mark.seconds))
              .map((mark) => (
                <ReferenceDot
                  key={`${row.server}-${mark.container}`}
                  x={mark.seconds}
                  y={row.server}
                  r={5}
                  fill="#ffffff"
                  stroke="#0f172a"
                  strokeWidth={2}
                  ifOverflow="extendDomain"
                />
              )),
          )}
          {makespan !== null && (
            <ReferenceLine
              x={makespan}
              stroke="#dc2626"
              strokeDasharray="4 3"
              label={{ value: `makespan ${formatSeconds(makespan)}`, position: 'top', fill: '#b91c1c', fontSize: 12 }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

type TickProps = { x: number; y: number; payload: { value: string } };

/** The server's name, and under it where it pulls from. */
function ServerTick({ x, y, payload, rows }: TickProps & { rows: TimelineRow[] }) {
  const row = rows.find((r) => r.server === payload.value);
  return (
    <g transform={`translate(${x},${y})`}>
      <text x={-6} y={-3} textAnchor="end" fontSize={12} fontWeight={600} fill="#0f172a">
        {payload.value}
      </text>
      {row && (
        <text x={-6} y={12} textAnchor="end" fontSize={11} fill="#475569">
          {pathOf(row)}
        </text>
      )}
    </g>
  );
}

function RowTooltip({ row }: { row: TimelineRow }) {
  return (
    <div className="max-w-sm rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">
        {row.server} <span className="font-normal text-slate-600">{pathOf(row)}</span>
      </p>
      {row.segments.length > 0 && (
        <>
          <p className="mt-1 text-slate-600">
            waits {formatSeconds(row.waitSeconds)} for the path, then pulls {formatBytes(row.pullBytes)}:
          </p>
          <ul>
            {row.segments.map((s) => (
              <li key={`${s.digest}-${s.container}`}>
                <span className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ background: serviceColour(s.colour) }} aria-hidden />
                <span className="font-mono">{short(s.digest)}</span> {formatBytes(s.bytes)} for {s.container}, {formatSeconds(s.startSeconds)}–{formatSeconds(s.endSeconds)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-1 text-slate-600">ready:</p>
      <ul>
        {row.ready.map((r) => (
          <li key={r.container}>
            {r.container} at {formatSeconds(r.seconds)}
          </li>
        ))}
      </ul>
    </div>
  );
}
