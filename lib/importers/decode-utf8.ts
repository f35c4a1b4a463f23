import { DomainError } from '@/lib/errors';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes to text, refusing anything that is not UTF-8 with the offset of the first bad byte:
 * a lenient decoder would turn it into U+FFFD and import names nobody wrote. A byte-order mark
 * is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const byte = bytes[offset] ?? 0;
    throw new DomainError('INVALID_INPUT', `${what} is not valid UTF-8 at byte ${offset} (0x${byte.toString(16).padStart(2, '0')}); save it as UTF-8 and try again.`, 'file');
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      // The sequence starting at i is broken: that lead byte is where the text stops being UTF-8.
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
