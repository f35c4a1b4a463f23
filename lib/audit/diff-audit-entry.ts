export type AuditChange = { field: string; before?: string; after?: string };

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as one short line for the history table. */
export function showValue(value: unknown, max = 120): string {
  const text = value === null ? 'null' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What an audit entry changed, field by field: for an update only the fields that differ, for
 * a create every field's new value, for a delete every field's old value. Bookkeeping fields
 * (updatedAt) are left out.
 */
export function diffAuditEntry(before: unknown, after: unknown): AuditChange[] {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((f) => f !== 'updatedAt').sort();
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const inOld = field in old;
    const inNew = field in now;
    if (inOld && inNew && JSON.stringify(old[field]) === JSON.stringify(now[field])) continue;
    changes.push({
      field,
      ...(inOld && isRecord(before) ? { before: showValue(old[field]) } : {}),
      ...(inNew && isRecord(after) ? { after: showValue(now[field]) } : {}),
    });
  }
  return changes;
}
