// Every number on screen carries its unit. Storage uses binary units (KiB, MiB, GiB, TiB), as
// container tooling does; bandwidth uses decimal bits per second, as links are sold.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function trim(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatBytes(bytes: number | bigint | null | undefined, digits = 1): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = Number(bytes);
  if (!Number.isFinite(value)) return '—';
  const sign = value < 0 ? '-' : '';
  value = Math.abs(value);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${sign}${trim(value, unit === 0 ? 0 : digits)} ${BYTE_UNITS[unit]}`;
}

export function formatMiB(mib: number): string {
  return formatBytes(mib * 1024 * 1024);
}

export function formatCores(cores: number): string {
  return `${trim(cores, 2)} ${cores === 1 ? 'core' : 'cores'}`;
}

export function formatMbps(mbps: number): string {
  if (mbps >= 1000) return `${trim(mbps / 1000, 1)} Gbit/s`;
  return `${trim(mbps, 1)} Mbit/s`;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${trim(ms / 1000, 2)} s`;
  return `${trim(ms, 2)} ms`;
}

export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${trim(fraction * 100, digits)} %`;
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  return formatMs(seconds * 1000);
}

/** Traffic cost: Mbit/s of traffic times ms of path latency, summed over dependencies. */
export function formatTrafficCost(mbpsMs: number | null | undefined): string {
  if (mbpsMs === null || mbpsMs === undefined || !Number.isFinite(mbpsMs)) return '—';
  return `${trim(mbpsMs, mbpsMs >= 100 ? 0 : 1)} Mbit/s·ms`;
}
