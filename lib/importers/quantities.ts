// Kubernetes resource quantities ("100m", "1.5", "64Mi", "1Gi", "129e6", "500M") and
// docker-compose byte values ("50M", "1g", "512m"), turned into the model's units.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity as a plain number (in the quantity's base unit), or null if malformed. */
export function parseQuantity(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = /^\s*\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|K|M|G|T|P|E)?)\s*$/.exec(raw);
  if (!m) return null;
  const value = Number(m[1] + (m[2] ?? ''));
  const suffix = m[3] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  if (factor === undefined) return null;
  const result = value * factor;
  return Number.isFinite(result) ? result : null;
}

/** CPU cores from "100m", "0.5", "2". */
export function parseCpuCores(raw: unknown): number | null {
  const q = parseQuantity(raw);
  return q === null ? null : Math.round(q * 1000) / 1000;
}

/** MiB (rounded up) from a Kubernetes memory quantity: "64Mi" → 64, "1Gi" → 1024, "128974848" → 123. */
export function parseMemoryMiB(raw: unknown): number | null {
  const q = parseQuantity(raw);
  return q === null ? null : Math.ceil(q / 2 ** 20 - 1e-9);
}

/** Bytes from a Kubernetes quantity ("100Gi", "20G", "1073741824"). */
export function parseBytes(raw: unknown): bigint | null {
  const q = parseQuantity(raw);
  return q === null ? null : BigInt(Math.round(q));
}

/** docker-compose byte values: a number with an optional b, k, m, g (binary, any case, optional "b"). */
export function parseComposeBytes(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)b?\s*$/i.exec(raw);
  if (!m) return parseQuantity(raw);
  const power = { '': 0, b: 0, k: 1, m: 2, g: 3, t: 4 }[m[2].toLowerCase() as 'b'];
  return Number(m[1]) * 1024 ** power;
}
