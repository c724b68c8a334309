import { fromBase64Url, toBase64Url } from './base64url';
import { parseJson } from './json';
import { SHARE_LIMITS } from './limits';
import { SHARE_ERRORS } from './messages';
import { deflateZlib, type InflateFailure, inflateZlib } from './zlib';

/**
 * The text layer every NormLab link shares (labs and lessons): a JSON payload, zlib-compressed
 * (deflate level 9, Adler-32 checksum), in unpadded base64url. What a payload means is the
 * caller's business; this only turns text into parsed JSON and back, refusing damaged text.
 */

/** Base64url characters of the largest link SHARE_LIMITS allows. */
export const MAX_LINK_CHARS = Math.ceil(SHARE_LIMITS.maxLinkBytes / 3) * 4;

const INFLATE_ERRORS: Readonly<Record<InflateFailure, string>> = {
  truncated: SHARE_ERRORS.truncated,
  corrupted: SHARE_ERRORS.corrupted,
  checksum: SHARE_ERRORS.checksum,
  tooLarge: SHARE_ERRORS.tooLargeInflated,
};

/** Parsed JSON from link text, or one sentence saying why it could not be read. */
export type LinkJson = { ok: true; value: unknown } | { ok: false; error: string };

/** A payload as link text. */
export function encodeLinkPayload(payload: unknown): string {
  return toBase64Url(deflateZlib(new TextEncoder().encode(JSON.stringify(payload))));
}

/**
 * Reads link text back into parsed JSON. Untrusted: refuses text over twice the longest link
 * before looking at it, then (whitespace ignored: a link wrapped by a mail client) empty text,
 * too long a link, malformed base64, truncated or corrupted compression (checksum verified),
 * more than SHARE_LIMITS.maxJsonBytes inflated (stopped while inflating), text that is not
 * UTF-8 and what parseJson refuses (invalid JSON, deep nesting, forbidden keys, not an object).
 * `emptyError` is the sentence for an empty link. Never throws on a string.
 */
export function decodeLinkJson(text: string, emptyError: string): LinkJson {
  const fail = (error: string): LinkJson => ({ ok: false, error });
  if (typeof text !== 'string') return fail(SHARE_ERRORS.notText('link'));
  if (text.length > 2 * MAX_LINK_CHARS) return fail(SHARE_ERRORS.linkTooLong(text.length));
  const body = text.replace(/\s+/g, '');
  if (body === '') return fail(emptyError);
  if (body.length > MAX_LINK_CHARS) return fail(SHARE_ERRORS.linkTooLong(body.length));
  const decoded = fromBase64Url(body);
  if (!decoded.ok) {
    return fail(decoded.reason === 'chars' ? SHARE_ERRORS.badBase64Chars : SHARE_ERRORS.badBase64Length);
  }
  const inflated = inflateZlib(decoded.bytes, SHARE_LIMITS.maxJsonBytes);
  if (!inflated.ok) return fail(INFLATE_ERRORS[inflated.reason]);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail(SHARE_ERRORS.notUtf8);
  }
  const parsed = parseJson(json, 'link');
  return parsed.ok ? { ok: true, value: parsed.value } : fail(parsed.error);
}
