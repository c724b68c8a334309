import { Unzlib, zlibSync } from 'fflate';

/** Why compressed data could not be read. */
export type InflateFailure = 'truncated' | 'corrupted' | 'checksum' | 'tooLarge';
/** The inflated bytes, or why not. */
export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: InflateFailure };

/**
 * Compressed bytes pushed to the inflater at a time. Deflate expands at most about 1032:1, so
 * one push yields at most about 260 KB: output past the cap is noticed within that.
 */
const CHUNK = 256;

/** Compresses bytes in the zlib format (deflate at level 9 plus an Adler-32 checksum). */
export function deflateZlib(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 9 });
}

/** Adler-32 of a sequence of chunks (RFC 1950), as an unsigned 32-bit number. */
export function adler32(chunks: readonly Uint8Array[]): number {
  let a = 1;
  let b = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ) {
      // 3800 bytes keep a and b below 2^31 before the modulo.
      const end = Math.min(i + 3800, chunk.length);
      for (; i < end; i++) {
        a += chunk[i] as number;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * Inflates zlib data, refusing output beyond `maxBytes` while it inflates (the input goes in
 * small pieces, so a tiny input that expands to gigabytes stops after about `maxBytes`). fflate
 * does not verify the Adler-32 trailer, so this does: a changed byte that still inflates is caught
 * here. Never throws.
 */
export function inflateZlib(data: Uint8Array, maxBytes: number): InflateResult {
  // 2 header bytes, at least 1 byte of deflate data, 4 checksum bytes.
  if (data.length < 7) return { ok: false, reason: 'truncated' };
  const n = data.length;
  const expected =
    (((data[n - 4] as number) << 24) |
      ((data[n - 3] as number) << 16) |
      ((data[n - 2] as number) << 8) |
      (data[n - 1] as number)) >>>
    0;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < n && total <= maxBytes; at += CHUNK) {
      const end = Math.min(at + CHUNK, n);
      stream.push(data.subarray(at, end), end === n);
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, reason: code === 0 ? 'truncated' : 'corrupted' };
  }
  if (total > maxBytes) return { ok: false, reason: 'tooLarge' };
  if (adler32(chunks) !== expected) return { ok: false, reason: 'checksum' };
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}
