import { parse, type CsvError } from 'csv-parse/sync';
import { importError } from '../import-input';

export type CsvTable = {
  headers: string[];
  /** Each row with the 1-based line it starts on, for error messages. */
  rows: { line: number; cells: string[] }[];
};

/** The options of the one CSV dialect edgestack reads (RFC 4180, lenient about spaces). */
export const CSV_OPTIONS = {
  // Each record with the line it ends on (info.lines), from which the line it starts on follows.
  info: true,
  skip_empty_lines: true,
  // Spaces around a field are not part of it; inside quotes they are.
  trim: true,
  // A quote inside an unquoted field is a character (a"b), as spreadsheets write it.
  relax_quotes: true,
  // Field counts are checked below, with the line and the header's count in the message.
  relax_column_count: true,
} as const;

/** What csv-parse hands back per record: the cells and the line the record ends on. */
export type RawCsvRecord = { record: string[]; info: { lines: number } };

/** csv-parse's errors as the importers word them: `line N: …`. */
export function csvParseError(error: unknown): Error {
  const e = error as CsvError & { lines?: number };
  const where = typeof e.lines === 'number' ? `line ${e.lines}` : null;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return importError(where, 'a quoted field is never closed');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return importError(where, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")');
    default:
      return importError(where, e.message ?? String(error));
  }
}

/** Runs csv-parse (linear in the input, whatever the quotes) over the text. */
function parseCsvRecords(text: string, delimiter = ','): RawCsvRecord[] {
  try {
    // csv-parse's declarations do not model `info: true`, which wraps each record with its info.
    return parse(text, { ...CSV_OPTIONS, delimiter }) as unknown as RawCsvRecord[];
  } catch (error) {
    throw csvParseError(error);
  }
}

/**
 * RFC 4180 CSV: fields separated by commas (or the given delimiter), optionally quoted with
 * double quotes, a doubled quote inside quotes is a quote, quoted fields may span lines, CRLF or
 * LF line ends. The first record is the header. Blank lines are skipped. Parsing is csv-parse's;
 * uploads go through parseCsvOffThread, which runs this in a worker with a time budget.
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  return csvTableFromRecords(parseCsvRecords(text, delimiter));
}

/** Line numbers, the header and the field-count check, from csv-parse's records. */
export function csvTableFromRecords(records: RawCsvRecord[]): CsvTable {
  const lines: { line: number; cells: string[] }[] = [];
  for (const { record, info } of records) {
    // Line breaks inside a record are inside its quoted cells: it starts that many lines earlier.
    const line = info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0);
    if (!(record.length === 1 && record[0] === '')) lines.push({ line, cells: record });
  }
  if (lines.length === 0) throw importError(null, 'the CSV file has no header row');
  const [header, ...rows] = lines;
  const headers = header.cells.map((h) => h.trim());
  if (headers.some((h) => h === '')) throw importError(`line ${header.line}`, 'every column needs a header');
  rows.forEach((r) => {
    if (r.cells.length !== headers.length) {
      throw importError(`line ${r.line}`, `expected ${headers.length} fields as in the header, found ${r.cells.length}`);
    }
  });
  return { headers, rows };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
