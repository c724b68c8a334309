/**
 * Small helpers that write Python source text: literals, comments, and float32 arrays as
 * base64 (compact: 4 bytes a value, 5.3 characters of text, where a decimal list takes 10 to 15).
 */

/** A Python string literal (JSON's escapes are all valid in Python: \" \\ \n \uXXXX). */
export function pyStr(text: string): string {
  return JSON.stringify(text);
}

/**
 * A Python float literal that parses back to the same double: JS's shortest round-trip form
 * ("0.1", "1e-7", "1.1102230246251565e-16"), with ".0" on whole numbers so Python reads a float.
 */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`Not a finite number: ${v}`);
  const text = String(v);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** A Python int literal. */
export function pyInt(v: number): string {
  if (!Number.isInteger(v)) throw new Error(`Not a whole number: ${v}`);
  return String(v);
}

export function pyBool(v: boolean): string {
  return v ? 'True' : 'False';
}

/** Comment text made safe for one "#" line: control characters (newlines) become spaces. */
export function commentSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point: remove them.
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

/** Lines of "# " comments (an empty line gives a bare "#"). */
export function comment(lines: readonly string[], indent = ''): string {
  return lines.map((l) => (l === '' ? `${indent}#` : `${indent}# ${commentSafe(l)}`)).join('\n');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
const PAD = 61; // "="
const NEWLINE = 10;

/** ASCII bytes to a string (TextDecoder: a global in browsers, workers and Node alike). */
function asciiText(codes: Uint8Array): string {
  return new TextDecoder().decode(codes);
}

/**
 * Standard base64 (RFC 4648, with padding) of some bytes, with a line break after every
 * `lineLength` characters when given (a multiple of 4). Written into one byte buffer, so
 * 25 MB of data (100,000 rows of 64 floats) costs two buffers, not millions of strings.
 */
export function base64(bytes: Uint8Array, lineLength = 0): string {
  const chars = 4 * Math.ceil(bytes.length / 3);
  const perLine = lineLength > 0 ? lineLength : chars;
  const breaks = perLine > 0 ? Math.max(0, Math.ceil(chars / perLine) - 1) : 0;
  const out = new Uint8Array(chars + breaks);
  const lineBytes = (perLine / 4) * 3;
  let o = 0;
  for (let start = 0; start < bytes.length; start += lineBytes) {
    if (start > 0) out[o++] = NEWLINE;
    const end = Math.min(bytes.length, start + lineBytes);
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
      out[o] = CODES[n >> 18] as number;
      out[o + 1] = CODES[(n >> 12) & 63] as number;
      out[o + 2] = CODES[(n >> 6) & 63] as number;
      out[o + 3] = CODES[n & 63] as number;
      o += 4;
    }
    if (i < end) {
      const two = i + 1 < end;
      const n = ((bytes[i] as number) << 16) | (two ? (bytes[i + 1] as number) << 8 : 0);
      out[o] = CODES[n >> 18] as number;
      out[o + 1] = CODES[(n >> 12) & 63] as number;
      out[o + 2] = two ? (CODES[(n >> 6) & 63] as number) : PAD;
      out[o + 3] = PAD;
      o += 4;
    }
  }
  return asciiText(out);
}

/** Values as little-endian float32 bytes (the layout Python's floats() helper decodes). */
export function float32Bytes(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return bytes;
}

/** Characters per line of embedded base64 (a multiple of 4). */
const B64_LINE = 76;

/**
 * Float32 values as a Python string literal of base64: one short literal, or a triple-quoted
 * block broken into lines of 76 characters (base64.b64decode skips the line breaks).
 */
export function pyFloat32Literal(values: ArrayLike<number>, indent: string): string {
  const bytes = float32Bytes(values);
  if (bytes.length <= (B64_LINE / 4) * 3) return `"${base64(bytes)}"`;
  return `"""\n${base64(bytes, B64_LINE)}\n${indent}"""`;
}
