/**
 * One CSV cell for a file people open in a spreadsheet: RFC 4180 quoting, and text a spreadsheet
 * would run as a formula (leading =, +, -, @, tab or carriage return) gets a leading apostrophe,
 * so `=HYPERLINK(…)` in a name stays text. Numbers are written as they are (a negative number is
 * not a formula). Leading or trailing spaces are quoted so a reader that trims keeps them.
 */
export function formatCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (CRLF-terminated) of spreadsheet-safe cells. */
export function formatCsvRecord(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(formatCsvCell).join(',')}\r\n`;
}
