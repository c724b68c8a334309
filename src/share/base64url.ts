/** The result of decoding base64url text: the bytes, or why they could not be read. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'chars' | 'length' };

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Bytes to unpadded base64url (RFC 4648 §5): URL- and hash-safe, no "%" escapes needed. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Unpadded (or padded) base64url text to bytes. Refuses any character outside the alphabet and
 * lengths no encoder produces (4n + 1). Never throws.
 */
export function fromBase64Url(text: string): Base64Result {
  const body = text.replace(/=+$/, '');
  if (!ALPHABET.test(body)) return { ok: false, reason: 'chars' };
  if (body.length % 4 === 1) return { ok: false, reason: 'length' };
  const padded = body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return { ok: false, reason: 'chars' };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { ok: true, bytes };
}
