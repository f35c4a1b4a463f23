import { z } from 'zod';
import { ARCHS, TIERS } from '@/lib/vocabulary/kinds-and-labels';
import { emptyPlan, type EdgeServerField, type ImportPlan, type PlannedEdgeServer } from '../import-plan';
import { importError, uniqueNamer } from '../import-input';
import { flag } from '../option-schemas';
import { guessColumns, mappedRows, type ColumnMapping } from '../csv/column-mapping';
import type { CsvTable } from '../csv/parse-csv';
import { parseBytes, parseCpuCores, parseMemoryMiB, parseQuantity } from '../quantities';
import { archOfPlatform } from '../images/image-reference';
import { scalarText } from '../scalar-text';

// Edge-server inventory: a Kubernetes NodeList (`kubectl get nodes -o yaml|json`) or a CSV.

export const nodeOptionsSchema = z.object({
  columns: z.record(z.string(), z.string().optional()).optional(),
  /** Kubernetes reports no disk for the image store beyond ephemeral-storage; and no NIC speed. */
  defaultStorageGiB: z.coerce.number().positive().default(100),
  defaultBandwidthMbps: z.coerce.number().int().positive().default(1000),
  defaultCpuCores: z.coerce.number().positive().default(4),
  defaultMemoryMiB: z.coerce.number().int().positive().default(8192),
  tier: z.enum(Object.keys(TIERS) as [keyof typeof TIERS]).default('edge'),
  /** Take allocatable (what pods may use) rather than capacity. */
  useAllocatable: flag(true),
});
type NodeOptions = z.output<typeof nodeOptionsSchema>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACCELERATORS: [RegExp, string][] = [
  [/^(nvidia\.com|amd\.com|gpu\.intel\.com)\/gpu/, 'gpu'],
  [/fpga/i, 'fpga'],
  [/^(habana\.ai\/gaudi|aws\.amazon\.com\/neuron)/, 'npu'],
  [/tpu/i, 'tpu'],
];

function checkArch(arch: string, where: string): string {
  if (!(ARCHS as readonly string[]).includes(arch)) throw importError(where, `architecture "${arch}" is not one of ${ARCHS.join(', ')}`);
  return arch;
}

export function planNodeListImport(docs: unknown[], input: Partial<z.input<typeof nodeOptionsSchema>> = {}): ImportPlan {
  const o = nodeOptionsSchema.parse(input);
  const items: { node: Json; path: string }[] = [];
  docs.forEach((doc, d) => {
    const at = docs.length > 1 ? `documents[${d}]` : 'document';
    if (!isObject(doc)) throw importError(at, 'must be a Kubernetes object');
    if (doc.kind === 'Node') items.push({ node: doc, path: at });
    else if (Array.isArray(doc.items))
      doc.items.forEach((n, i) => (isObject(n) && n.kind !== undefined && n.kind !== 'Node' ? undefined : items.push({ node: n as Json, path: `${at}.items[${i}]` })));
    else throw importError(`${at}.kind`, `expected a NodeList or Node, found ${JSON.stringify(doc.kind ?? null)}`);
  });
  if (items.length === 0) throw importError(null, 'the node list has no nodes');
  const plan = emptyPlan();
  const siteName = uniqueNamer(120);
  const sites = new Map<string, string>();
  const name = uniqueNamer(120);
  let cachedImages = 0;
  for (const { node, path } of items) {
    if (!isObject(node)) throw importError(path, 'must be a Node');
    const meta = isObject(node.metadata) ? node.metadata : {};
    if (typeof meta.name !== 'string' || !meta.name) throw importError(`${path}.metadata.name`, 'missing');
    const labels = isObject(meta.labels) ? meta.labels : {};
    const status = isObject(node.status) ? node.status : {};
    const capacity = isObject(status.capacity) ? status.capacity : {};
    const allocatable = isObject(status.allocatable) ? status.allocatable : {};
    const resources = o.useAllocatable ? { ...capacity, ...allocatable } : { ...allocatable, ...capacity };
    const read = <T>(key: string, parse: (v: unknown) => T | null, fallback: T): T => {
      if (resources[key] === undefined) return fallback;
      const v = parse(resources[key]);
      if (v === null)
        throw importError(
          `${path}.status.${o.useAllocatable && allocatable[key] !== undefined ? 'allocatable' : 'capacity'}.${key}`,
          `"${scalarText(resources[key])}" is not a quantity`,
        );
      return v;
    };
    const nodeInfo = isObject(status.nodeInfo) ? status.nodeInfo : {};
    const archRaw = labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch'] ?? nodeInfo.architecture ?? 'amd64';
    const arch = checkArch(archOfPlatform(`linux/${scalarText(archRaw)}`).arch, `${path}.metadata.labels`);
    const accelerators = new Set<string>();
    for (const [key, value] of Object.entries(resources)) {
      const match = ACCELERATORS.find(([re]) => re.test(key));
      if (match && (parseQuantity(value) ?? 0) > 0) accelerators.add(match[1]);
    }
    const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'];
    let site: string | null = null;
    if (typeof zone === 'string' && zone) {
      if (!sites.has(zone)) {
        const s = siteName(zone);
        sites.set(zone, s);
        const region = labels['topology.kubernetes.io/region'];
        plan.sites.push({ name: s, region: typeof region === 'string' ? region : '', latitude: null, longitude: null });
      }
      site = sites.get(zone)!;
    }
    const images = Array.isArray(status.images) ? status.images : [];
    const cachedImageRefs = images.flatMap((img) => (isObject(img) && Array.isArray(img.names) ? img.names.filter((n): n is string => typeof n === 'string') : []));
    cachedImages += images.length;
    const tierLabel = labels['edgestack.io/tier'];
    plan.edgeServers.push({
      name: name(meta.name),
      site,
      tier: typeof tierLabel === 'string' && tierLabel in TIERS ? (tierLabel as PlannedEdgeServer['tier']) : o.tier,
      arch,
      cpuCores: read('cpu', parseCpuCores, o.defaultCpuCores),
      memoryMiB: read('memory', parseMemoryMiB, o.defaultMemoryMiB),
      storageBytes: read('ephemeral-storage', parseBytes, BigInt(Math.round(o.defaultStorageGiB * 2 ** 30))),
      bandwidthMbps: o.defaultBandwidthMbps,
      accelerators: [...accelerators].sort(),
      cachedImageRefs,
      // A node object never states bandwidth; the rest when its status or labels lack them.
      defaulted: [
        'bandwidthMbps',
        ...(typeof tierLabel === 'string' && tierLabel in TIERS ? [] : (['tier'] as const)),
        ...(resources.cpu === undefined ? (['cpuCores'] as const) : []),
        ...(resources.memory === undefined ? (['memoryMiB'] as const) : []),
        ...(resources['ephemeral-storage'] === undefined ? (['storageBytes'] as const) : []),
        ...(typeof zone === 'string' && zone ? [] : (['site'] as const)),
      ],
    });
  }
  plan.stats = { nodes: items.length, imagesOnNodes: cachedImages };
  return plan;
}

const NODE_FIELDS: Record<string, RegExp[]> = {
  name: [/^(node[ _-]?)?name$/i, /^(hostname|host|sn|id|node)$/i],
  cpu: [/^cpu(s|_cores|[ _-]?cores)?$/i, /^cpu[ _-]?milli$/i, /^(cores|vcpus?)$/i],
  memory: [/^mem(ory)?([ _-]?(mib|mb|gib|gb|bytes))?$/i, /^ram/i],
  storage: [/^(storage|disk|ephemeral[ _-]?storage)([ _-]?(gib|gb|bytes))?$/i],
  arch: [/^arch(itecture)?$/i],
  accelerators: [/^(accelerators?|gpus?|num[ _-]?gpu)$/i],
  site: [/^(site|zone|location)$/i],
  bandwidth: [/^(bandwidth|nic)([ _-]?mbps)?$/i],
  tier: [/^tier$/i],
};

export function guessNodeColumns(headers: string[]): ColumnMapping {
  return guessColumns(headers, NODE_FIELDS);
}

/** The unit a numeric cell is in, from its header ("cpu_milli", "memory_mib", "disk_gb"). */
function headerUnit(header: string | undefined): string {
  const h = (header ?? '').toLowerCase();
  if (/milli/.test(h)) return 'milli';
  if (/gib|gb$/.test(h)) return 'gib';
  if (/mib|mb$/.test(h)) return 'mib';
  if (/bytes/.test(h)) return 'bytes';
  return '';
}

export function planNodeCsvImport(table: CsvTable, input: Partial<z.input<typeof nodeOptionsSchema>> = {}): ImportPlan {
  const o: NodeOptions = nodeOptionsSchema.parse(input);
  const mapping = { ...guessNodeColumns(table.headers), ...(o.columns ?? {}) };
  const rows = mappedRows(table, mapping, ['name']);
  const plan = emptyPlan();
  const name = uniqueNamer(120);
  const sites = new Set<string>();
  for (const { line, values } of rows) {
    const bad = (field: string, rule: string) => importError(`line ${line}`, `${field} "${values[field]}" (column ${mapping[field]}) ${rule}`);
    if (!values.name) throw importError(`line ${line}`, `the ${mapping.name} column is empty`);
    const plain = (field: string) => /^\d+(\.\d+)?$/.test(values[field] ?? '');
    let cpuCores = o.defaultCpuCores;
    if (values.cpu) {
      const unit = headerUnit(mapping.cpu);
      const v = unit === 'milli' && plain('cpu') ? Number(values.cpu) / 1000 : parseCpuCores(values.cpu);
      if (v === null || !(v > 0)) throw bad('cpu', 'is not a CPU count (e.g. 8, 7.5 or 7500m)');
      cpuCores = v;
    }
    let memoryMiB = o.defaultMemoryMiB;
    if (values.memory) {
      const unit = headerUnit(mapping.memory);
      const n = Number(values.memory);
      const v = plain('memory') ? (unit === 'gib' ? n * 1024 : unit === 'bytes' ? Math.ceil(n / 2 ** 20) : n) : parseMemoryMiB(values.memory);
      if (v === null || !(v > 0)) throw bad('memory', 'is not a memory size (MiB, or with a unit: 64Gi)');
      memoryMiB = Math.ceil(v);
    }
    let storageBytes = BigInt(Math.round(o.defaultStorageGiB * 2 ** 30));
    if (values.storage) {
      const unit = headerUnit(mapping.storage);
      const n = Number(values.storage);
      const v = plain('storage')
        ? unit === 'bytes'
          ? BigInt(Math.round(n))
          : unit === 'mib'
            ? BigInt(Math.round(n * 2 ** 20))
            : BigInt(Math.round(n * 2 ** 30))
        : parseBytes(values.storage);
      if (v === null || v <= 0n) throw bad('storage', 'is not a size (GiB, or with a unit: 500Gi)');
      storageBytes = v;
    }
    const arch = values.arch ? checkArch(archOfPlatform(`linux/${values.arch}`).arch, `line ${line}`) : 'amd64';
    let accelerators: string[] = [];
    if (values.accelerators) {
      if (/^\d+(\.\d+)?$/.test(values.accelerators)) accelerators = Number(values.accelerators) > 0 ? ['gpu'] : [];
      else
        accelerators = [
          ...new Set(
            values.accelerators
              .toLowerCase()
              .split(/[;|\s]+/)
              .filter(Boolean),
          ),
        ].sort();
    }
    let bandwidthMbps = o.defaultBandwidthMbps;
    if (values.bandwidth) {
      const v = Number(values.bandwidth);
      if (!Number.isInteger(v) || v <= 0) throw bad('bandwidth', 'must be whole Mbit/s > 0');
      bandwidthMbps = v;
    }
    let tier = o.tier;
    if (values.tier) {
      if (!(values.tier.toLowerCase() in TIERS)) throw bad('tier', `must be one of ${Object.keys(TIERS).join(', ')}`);
      tier = values.tier.toLowerCase() as typeof tier;
    }
    const site = values.site || null;
    if (site && !sites.has(site)) {
      sites.add(site);
      plan.sites.push({ name: site.slice(0, 120), latitude: null, longitude: null });
    }
    const given: Record<EdgeServerField, unknown> = {
      site: mapping.site,
      tier: values.tier,
      arch: values.arch,
      cpuCores: values.cpu,
      memoryMiB: values.memory,
      storageBytes: values.storage,
      bandwidthMbps: values.bandwidth,
      accelerators: values.accelerators,
    };
    const defaulted = (Object.keys(given) as EdgeServerField[]).filter((field) => !given[field]);
    plan.edgeServers.push({ name: name(values.name), site: site?.slice(0, 120) ?? null, tier, arch, cpuCores, memoryMiB, storageBytes, bandwidthMbps, accelerators, defaulted });
  }
  plan.stats = { rows: rows.length };
  return plan;
}
