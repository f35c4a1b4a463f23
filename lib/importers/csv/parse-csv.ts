import { importError } from '../import-input';

export type CsvTable = {
  headers: string[];
  /** Each row with the 1-based line it starts on, for error messages. */
  rows: { line: number; cells: string[] }[];
};

/**
 * RFC 4180 CSV: fields separated by commas (or the given delimiter), optionally quoted with
 * double quotes, a doubled quote inside quotes is a quote, quoted fields may span lines, CRLF or
 * LF line ends. The first record is the header. Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    cells.push(fieldWasQuoted ? field : field.trim());
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // After a closing quote only a delimiter, a line end or spaces may follow.
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          throw importError(`line ${line}`, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")');
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      fieldWasQuoted = true;
      field = '';
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw importError(`line ${recordLine}`, 'a quoted field is never closed');
  if (field !== '' || cells.length > 0 || fieldWasQuoted) endRecord();
  if (records.length === 0) throw importError(null, 'the CSV file has no header row');
  const [header, ...rows] = records;
  const headers = header.cells.map((h) => h.trim());
  if (headers.some((h) => h === '')) throw importError(`line ${header.line}`, 'every column needs a header');
  rows.forEach((r) => {
    if (r.cells.length !== headers.length) {
      throw importError(`line ${r.line}`, `expected ${headers.length} fields as in the header, found ${r.cells.length}`);
    }
  });
  return { headers, rows };
}
