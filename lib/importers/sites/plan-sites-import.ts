import { z } from 'zod';
import { emptyPlan, SIZED_BY_DEFAULT, type ImportPlan } from '../import-plan';
import { importError, uniqueNamer } from '../import-input';
import { flag } from '../option-schemas';
import { guessColumns, mappedRows, type ColumnMapping } from '../csv/column-mapping';
import type { CsvTable } from '../csv/parse-csv';

// Edge sites from a CSV (the EUA base-station list, say): the planner maps columns to the
// site's name, latitude, longitude, provider and region, and may put one edge server on each.

const SITE_FIELDS: Record<string, RegExp[]> = {
  name: [/^(site[ _-]?)?name$/i, /^site[ _-]?id$/i, /^id$/i, /^(sn|label|title)$/i],
  latitude: [/^lat(itude)?$/i, /^y$/i],
  longitude: [/^(lon|lng|long|longitude)$/i, /^x$/i],
  provider: [/^(provider|operator|carrier|licensee)$/i],
  region: [/^(region|state|city|area|zone)$/i],
};

export function guessSiteColumns(headers: string[]): ColumnMapping {
  return guessColumns(headers, SITE_FIELDS);
}

export const siteOptionsSchema = z.object({
  columns: z.record(z.string(), z.string().optional()).optional(),
  edgeServerPerSite: flag(false),
  serverCpuCores: z.coerce.number().positive().default(8),
  serverMemoryMiB: z.coerce.number().int().positive().default(32_768),
  serverStorageGiB: z.coerce.number().positive().default(256),
  serverBandwidthMbps: z.coerce.number().int().positive().default(1000),
  namePrefix: z.string().max(40).default(''),
});

export function planSitesImport(table: CsvTable, input: Partial<z.input<typeof siteOptionsSchema>> = {}): ImportPlan {
  const o = siteOptionsSchema.parse(input);
  const mapping = { ...guessSiteColumns(table.headers), ...(o.columns ?? {}) };
  const rows = mappedRows(table, mapping, ['name']);
  const plan = emptyPlan();
  const name = uniqueNamer(113);
  let withCoordinates = 0;
  for (const { line, values } of rows) {
    if (!values.name) throw importError(`line ${line}`, `the ${mapping.name} column is empty`);
    const coord = (field: 'latitude' | 'longitude', max: number) => {
      const raw = values[field];
      if (raw === undefined || raw === '') return null;
      const v = Number(raw);
      if (!Number.isFinite(v) || Math.abs(v) > max) throw importError(`line ${line}`, `${field} "${raw}" (column ${mapping[field]}) is not a ${field} between -${max} and ${max}`);
      return v;
    };
    const latitude = coord('latitude', 90);
    const longitude = coord('longitude', 180);
    if (latitude !== null && longitude !== null) withCoordinates++;
    const site = name(`${o.namePrefix}${values.name}`);
    // A column the file does not have leaves what the scenario holds (a merge must not blank
    // a provider someone typed in the editor because this file has no provider column).
    plan.sites.push({
      name: site,
      provider: mapping.provider ? (values.provider ?? '') : undefined,
      region: mapping.region ? (values.region ?? '') : undefined,
      latitude,
      longitude,
    });
    if (o.edgeServerPerSite) {
      plan.edgeServers.push({
        name: `${site} server`,
        site,
        tier: 'edge',
        arch: 'amd64',
        cpuCores: o.serverCpuCores,
        memoryMiB: o.serverMemoryMiB,
        storageBytes: BigInt(Math.round(o.serverStorageGiB * 2 ** 30)),
        bandwidthMbps: o.serverBandwidthMbps,
        accelerators: [],
        defaulted: SIZED_BY_DEFAULT,
      });
    }
  }
  plan.stats = { rows: rows.length, sitesWithCoordinates: withCoordinates };
  return plan;
}
