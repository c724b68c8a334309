import { CSV_LIMITS } from './limits';
import { CSV_ERRORS } from './messages';

/** Bytes looked at to tell text from binary. */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What binary content the first bytes of a file show, in words, or null when they look like text:
 * a few well-known formats by their signature (ZIP/xlsx, old Office, PDF, PNG, JPEG, gzip, UTF-16),
 * else NUL bytes or many control characters (over 1 in 20), which text files do not have.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive, such as an Excel .xlsx workbook';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return 'an Office document, such as an Excel .xls workbook';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip-compressed data';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return 'UTF-16 text; save it as UTF-8';
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return 'NUL bytes, which text never holds';
    // Control characters other than tab, line feed, form feed, carriage return (and ESC's neighbours).
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control * 20 > bytes.length ? 'control characters, which text seldom holds' : null;
}

/** Refuses a file before reading it: too large, or (from its first bytes) not text. Null: go ahead. */
export function refuseFile(name: string, size: number, head: Uint8Array): string | null {
  if (size > CSV_LIMITS.maxBytes) return CSV_ERRORS.tooLarge(name, size);
  const binary = binaryKind(head);
  return binary ? CSV_ERRORS.binary(name, binary) : null;
}

/** The first 16 hex digits of the SHA-256 of some bytes: a file's name in links and saves. */
export async function hashBytes(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
