import { importError } from '../import-input';
import type { CsvTable } from './parse-csv';

/** Which CSV column fills which field: field → header (absent = not imported). */
export type ColumnMapping = Record<string, string | undefined>;

/** Guesses a mapping from header names; each field lists the header spellings it accepts, best first. */
export function guessColumns(headers: string[], fields: Record<string, RegExp[]>): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const [field, patterns] of Object.entries(fields)) {
    for (const re of patterns) {
      const header = headers.find((h) => !used.has(h) && re.test(h.trim()));
      if (header) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** `name=SITE_ID,latitude=LAT` (command line) → mapping. */
export function parseMappingOption(raw: string | undefined): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!raw) return mapping;
  for (const part of raw.split(',')) {
    const [field, header] = part.split('=').map((s) => s?.trim());
    if (!field || header === undefined) throw importError('--map', `"${part}" is not field=COLUMN`);
    mapping[field] = header || undefined;
  }
  return mapping;
}

/** Reads the mapped fields of each row; refuses a mapping to a column the file does not have. */
export function mappedRows(table: CsvTable, mapping: ColumnMapping, required: string[]) {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !index.has(header)) throw importError('columns', `${field} is mapped to "${header}", which is not a column (columns: ${table.headers.join(', ')})`);
  }
  for (const field of required) if (!mapping[field]) throw importError('columns', `choose the column that holds the ${field} (columns: ${table.headers.join(', ')})`);
  return table.rows.map((r) => {
    const values: Record<string, string> = {};
    for (const [field, header] of Object.entries(mapping)) if (header !== undefined) values[field] = r.cells[index.get(header)!].trim();
    return { line: r.line, values };
  });
}
