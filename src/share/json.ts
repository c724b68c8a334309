import { SHARE_LIMITS } from './limits';
import { SHARE_ERRORS, type Source } from './messages';

/** The outcome of reading untrusted JSON: the value, or one sentence saying why not. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Keys that could reach an object's prototype if anything ever assigned them; refused anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted outside strings, stopping as
 * soon as it passes `limit`. Runs before JSON.parse so that deep nesting is refused cheaply.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Parses untrusted JSON text: refuses nesting deeper than SHARE_LIMITS.maxDepth, and the keys
 * `__proto__`, `constructor` and `prototype` anywhere (a reviver sees every key, escaped or
 * not). JSON.parse only ever defines own properties, so Object.prototype cannot change here.
 * Never throws.
 */
export function parseJson(text: string, source: Source): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') {
    // Numbers, strings and literals are JSON too, but never a lab; words and binary are not JSON.
    let parsed = false;
    try {
      JSON.parse(body);
      parsed = true;
    } catch {
      // falls through to the message below
    }
    return { ok: false, error: parsed ? SHARE_ERRORS.notALab(source) : SHARE_ERRORS.notJsonAtAll(source) };
  }
  if (jsonDepthExceeds(body, SHARE_LIMITS.maxDepth))
    return { ok: false, error: SHARE_ERRORS.tooDeep(source) };
  try {
    const value: unknown = JSON.parse(body, (key, v) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return v;
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ForbiddenKey) return { ok: false, error: SHARE_ERRORS.forbiddenKey(source, e.key) };
    return { ok: false, error: SHARE_ERRORS.invalidJson(source) };
  }
}
