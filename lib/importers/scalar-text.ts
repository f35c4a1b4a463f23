/** A value read from an imported file, as text: strings as they are, numbers and booleans
 * written out, anything else as JSON, so that a message shows what the file holds rather
 * than "[object Object]". */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? 'undefined';
}
