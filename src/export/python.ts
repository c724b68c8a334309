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

/** Standard base64 (RFC 4648, with padding) of some bytes. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out.push(B64[n >> 18] as string, B64[(n >> 12) & 63] as string, B64[(n >> 6) & 63] as string);
    out.push(B64[n & 63] as string);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out.push(B64[n >> 18] as string, B64[(n >> 12) & 63] as string);
    out.push(rest === 2 ? (B64[(n >> 6) & 63] as string) : '=', '=');
  }
  return out.join('');
}

/** Values as little-endian float32 bytes (the layout Python's floats() helper decodes). */
export function float32Bytes(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return bytes;
}

/** Characters per line of embedded base64. */
const B64_LINE = 76;

/**
 * Float32 values as a Python string literal of base64: one short literal, or a triple-quoted
 * block broken into lines of 76 characters (base64.b64decode skips the line breaks).
 */
export function pyFloat32Literal(values: ArrayLike<number>, indent: string): string {
  const text = base64(float32Bytes(values));
  if (text.length <= B64_LINE) return `"${text}"`;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += B64_LINE) lines.push(text.slice(i, i + B64_LINE));
  return `"""\n${lines.join('\n')}\n${indent}"""`;
}
