import type { Db } from '@/lib/db';
import { parseCsv, type CsvTable } from './csv/parse-csv';
import { parseCsvOffThread } from './csv/parse-csv-off-thread';
import { assertPlanWithinLimits } from './assert-plan-within-limits';
import { guessNodeColumns, planNodeCsvImport, planNodeListImport } from './nodes/plan-nodes-import';
import { bulkListFacets, detectImageFile, parseJsonText, planImagesImport, type BulkListFacets, type ImageFileKind } from './images/plan-images-import';
import { decodeImportText, importError } from './import-input';
import type { ImportKind, ImportPlan } from './import-plan';
import { detectServiceFile, planServicesImport, type ServiceFileKind } from './services/plan-services-import';
import { guessSiteColumns, planSitesImport } from './sites/plan-sites-import';
import { parseGml } from './topology/parse-gml';
import { parseGraphml } from './topology/parse-graphml';
import { planTopologyImport } from './topology/plan-topology-import';
import { writeImportPlan, type ImportResult, type ImportTarget } from './write-import-plan';
import { parseYamlDocuments } from './yaml/parse-yaml-documents';

export type ImportRequest = {
  kind: ImportKind;
  /** The file's content (text or bytes); refused above the upload limit. */
  content: string | Uint8Array;
  fileName: string;
  options?: Record<string, unknown>;
};

/** What the preview shows before anything is written, besides the dry-run counts. */
export type FileFacts =
  | { kind: 'topology'; format: 'graphml' | 'gml'; network: string | null; nodes: number; edges: number; nodesWithCoordinates: number }
  | { kind: 'images'; format: ImageFileKind; facets: BulkListFacets | null }
  | { kind: 'services'; format: ServiceFileKind; documents: number }
  | { kind: 'sites'; headers: string[]; columns: Record<string, string | undefined>; sample: string[][]; rows: number }
  | { kind: 'nodes'; format: 'nodelist'; nodes: number }
  | { kind: 'nodes'; format: 'csv'; headers: string[]; columns: Record<string, string | undefined>; sample: string[][]; rows: number };

const sample = (t: CsvTable) => t.rows.slice(0, 5).map((r) => r.cells);

const extensionOf = (fileName: string) => fileName.toLowerCase().split('.').pop() ?? '';

/** A node list (JSON or YAML) rather than a CSV inventory. */
function isStructuredNodes(text: string, ext: string): boolean {
  const trimmed = text.trimStart();
  return ['json', 'yaml', 'yml'].includes(ext) || trimmed.startsWith('{') || trimmed.startsWith('[') || /^(apiVersion|kind|items)\s*:/m.test(text);
}

/** Whether this import reads its file as CSV. */
function readsCsv(kind: ImportKind, text: string, ext: string): boolean {
  return kind === 'sites' || (kind === 'nodes' && !isStructuredNodes(text, ext));
}

/** Parses a file and plans what it becomes; throws a bad-input DomainError naming the line or path. */
export function planImport(request: ImportRequest): { plan: ImportPlan; facts: FileFacts } {
  return planDecodedImport(request, decodeImportText(request.content, request.fileName));
}

/** planImport for a decoded file; a CSV file's table may come already parsed (off the main thread). */
function planDecodedImport(request: ImportRequest, text: string, parsedTable?: CsvTable): { plan: ImportPlan; facts: FileFacts } {
  const planned = planFile(request, text, parsedTable);
  assertPlanWithinLimits(planned.plan);
  return planned;
}

function planFile(request: ImportRequest, text: string, parsedTable?: CsvTable): { plan: ImportPlan; facts: FileFacts } {
  const options = request.options ?? {};
  const ext = extensionOf(request.fileName);
  switch (request.kind) {
    case 'topology': {
      const gml = ext === 'gml' || (ext !== 'graphml' && ext !== 'xml' && !text.trimStart().startsWith('<'));
      const graph = gml ? parseGml(text) : parseGraphml(text);
      return {
        plan: planTopologyImport(graph, options),
        facts: {
          kind: 'topology',
          format: graph.format,
          network: graph.name,
          nodes: graph.nodes.length,
          edges: graph.edges.length,
          nodesWithCoordinates: graph.nodes.filter((n) => n.latitude !== null).length,
        },
      };
    }
    case 'images': {
      const data = parseJsonText(text);
      const format = detectImageFile(data);
      return { plan: planImagesImport(data, options), facts: { kind: 'images', format, facets: format === 'bulk-list' ? bulkListFacets(data) : null } };
    }
    case 'services': {
      const docs = parseYamlDocuments(text);
      return { plan: planServicesImport(docs, options), facts: { kind: 'services', format: detectServiceFile(docs), documents: docs.length } };
    }
    case 'sites': {
      const table = parsedTable ?? parseCsv(text);
      const columns = { ...guessSiteColumns(table.headers), ...((options.columns as Record<string, string>) ?? {}) };
      return { plan: planSitesImport(table, { ...options, columns }), facts: { kind: 'sites', headers: table.headers, columns, sample: sample(table), rows: table.rows.length } };
    }
    case 'nodes': {
      if (isStructuredNodes(text, ext)) {
        const docs = parseYamlDocuments(text);
        const plan = planNodeListImport(docs, options);
        return { plan, facts: { kind: 'nodes', format: 'nodelist', nodes: plan.edgeServers.length } };
      }
      const table = parsedTable ?? parseCsv(text);
      const columns = { ...guessNodeColumns(table.headers), ...((options.columns as Record<string, string>) ?? {}) };
      return {
        plan: planNodeCsvImport(table, { ...options, columns }),
        facts: { kind: 'nodes', format: 'csv', headers: table.headers, columns, sample: sample(table), rows: table.rows.length },
      };
    }
    default:
      throw importError(null, `unknown import kind "${String(request.kind)}"`);
  }
}

/** Parse, plan and write (or, with dryRun, rehearse and roll back) in one transaction. */
export async function runImport(db: Db, target: ImportTarget, request: ImportRequest, options: { dryRun?: boolean } = {}): Promise<ImportResult & { facts: FileFacts }> {
  const text = decodeImportText(request.content, request.fileName);
  // Uploads are parsed off the main thread with a time budget, whatever a CSV file holds.
  const table = readsCsv(request.kind, text, extensionOf(request.fileName)) ? await parseCsvOffThread(text) : undefined;
  const { plan, facts } = planDecodedImport(request, text, table);
  const result = await writeImportPlan(db, target, plan, options);
  return { ...result, facts };
}
