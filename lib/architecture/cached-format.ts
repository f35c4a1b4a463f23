// The unit formatters of lib/format, remembered per value. They go through toLocaleString,
// which builds a number formatter on every call: on 1,000 nodes and 900 link labels that was a
// quarter of a second of every open and of every rebuild of the graph. The values repeat
// (a handful of core counts, memory sizes, bandwidths), so a small cache answers almost all.

import * as units from '@/lib/format/format-units';

const LIMIT = 10_000;

function remember<A extends unknown[]>(format: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>();
  return (...args: A) => {
    const key = args.join('|');
    let out = cache.get(key);
    if (out === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      out = format(...args);
      cache.set(key, out);
    }
    return out;
  };
}

export const formatBytes = remember((bytes: number, digits?: number) => units.formatBytes(bytes, digits));
export const formatMiB = remember(units.formatMiB);
export const formatCores = remember(units.formatCores);
export const formatMbps = remember(units.formatMbps);
export const formatMs = remember(units.formatMs);
export const formatPercent = remember((fraction: number, digits?: number) => units.formatPercent(fraction, digits));
