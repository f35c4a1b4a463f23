import { formatCsvRecord } from './format-csv-record';
import type { PlacementRunWithAssignments } from './find-placement-run';

export const ASSIGNMENT_COLUMNS = ['service', 'replica', 'edge_server', 'site', 'image', 'cpu_cores', 'memory_mib'] as const;

/** One row per placed replica, sorted by service then replica (RFC 4180, CRLF). */
export function exportAssignmentsCsv(run: PlacementRunWithAssignments): string {
  const rows = [...run.assignments].sort((a, b) => a.service.name.localeCompare(b.service.name) || a.replica - b.replica);
  return (
    formatCsvRecord([...ASSIGNMENT_COLUMNS]) +
    rows
      .map((a) => formatCsvRecord([a.service.name, a.replica, a.edgeServer.name, a.edgeServer.site?.name ?? '', a.service.imageRef, a.service.cpuCores, a.service.memoryMiB]))
      .join('')
  );
}
