'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type UsageBar = { edgeServer: string; sharingGiB: number; noSharingGiB: number; capacityGiB: number; cpuPercent: number; memoryPercent: number };

const gib = (v: number) => `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })} GiB`;
const pct = (v: number) => `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;

/** Storage per edge server with layer sharing against private copies, and CPU/memory load. */
export function EdgeServerUsageChart({ bars }: { bars: UsageBar[] }) {
  const height = 80 + bars.length * 28;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure data-testid="storage-chart">
        <figcaption className="mb-1 text-sm font-medium text-slate-700">Image storage per edge server (GiB)</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={bars} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => `${v}`} label={{ value: 'GiB', position: 'insideBottomRight', offset: -4 }} />
            <YAxis type="category" dataKey="edgeServer" width={130} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => gib(Number(v))} />
            <Legend />
            <Bar dataKey="noSharingGiB" name="without sharing" fill="#94a3b8" />
            <Bar dataKey="sharingGiB" name="with layer sharing" fill="#059669" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure data-testid="load-chart">
        <figcaption className="mb-1 text-sm font-medium text-slate-700">CPU and memory requested, % of capacity</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={bars} layout="vertical" margin={{ left: 24, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v} %`} />
            <YAxis type="category" dataKey="edgeServer" width={130} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => pct(Number(v))} />
            <Legend />
            <Bar dataKey="cpuPercent" name="CPU" fill="#2563eb" />
            <Bar dataKey="memoryPercent" name="memory" fill="#7c3aed" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
