import { DomainError } from '@/lib/errors';
import { decodeUtf8 } from './decode-utf8';

/** Uploads and command-line files are refused above this size, before any parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A file's text, refused when too large or not UTF-8 (with the offset of the first bad byte);
 * a UTF-8 byte-order mark is dropped. */
export function decodeImportText(input: string | Uint8Array, fileName = 'the file'): string {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new DomainError('TOO_LARGE', `${fileName} is ${(bytes / 1024 / 1024).toFixed(1)} MiB; the import limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`, 'file');
  }
  const text = typeof input === 'string' ? input : decodeUtf8(input, fileName);
  if (text.trim() === '') throw new DomainError('INVALID_INPUT', `${fileName} is empty.`, 'file');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A bad-input error naming where the problem is: `line 12: …` or `spec.replicas: …`. */
export function importError(where: string | null, message: string): DomainError {
  return new DomainError('INVALID_INPUT', where ? `${where}: ${message}` : message, 'file');
}

/** Makes names unique within a batch ("Athens", "Athens (2)", …), trimmed to the model's limit. */
export function uniqueNamer(maxLength = 120, taken: Iterable<string> = []) {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return (raw: string): string => {
    const base = (raw.trim() || 'unnamed').replace(/\s+/g, ' ').slice(0, maxLength);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, maxLength - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  };
}
