import type { Assignment } from '@/lib/placement/types';

export type Move = { container: string; from: string | null; to: string | null };

/** Which replicas moved between two placements (and which exist in only one of them). */
export function diffAssignments(before: Assignment, after: Assignment): Move[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return ids.filter((id) => before[id] !== after[id]).map((id) => ({ container: id, from: before[id] ?? null, to: after[id] ?? null }));
}
