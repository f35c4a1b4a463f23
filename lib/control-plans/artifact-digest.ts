import { createHash } from 'node:crypto';

// Postgres jsonb keeps object keys in its own order, so content read back differs in key order
// from what was written; the digest is taken over a key-sorted serialisation so that the same
// plan always has the same digest, wherever it has been.

/** JSON with object keys sorted at every level. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** sha256 of an artifact's content, independent of key order. */
export function digestArtifactContent(content: unknown): string {
  return `sha256:${createHash('sha256').update(stableStringify(content)).digest('hex')}`;
}
