import { LESSONS, lessonByNumber } from './catalog';
import { decodeLesson, encodeLesson, type LessonDecodeResult } from './codec';
import type { CustomLesson } from './custom';
import type { Lesson } from './types';

/** What a "#lesson=…" part names: a shipped lesson by number, an instructor-made one, or why neither. */
export type LessonLinkResult = { ok: true; number: number; lesson: Lesson } | LessonDecodeResult;

/**
 * Reads the lesson in a location hash: "#lesson=3" opens the third shipped lesson, "#lesson=<code>"
 * an instructor-made one (encodeLesson's text); also among other "&"-separated parts. Returns
 * null when the hash names no lesson, else the lesson or one sentence saying why not. Never throws.
 */
export function lessonFromHash(hash: string): LessonLinkResult | null {
  if (typeof hash !== 'string') return null;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = body.split('&').find((p) => p.startsWith('lesson='));
  if (part === undefined) return null;
  const value = part.slice('lesson='.length);
  if (/^\d{1,4}$/.test(value)) {
    const n = Number(value);
    const lesson = lessonByNumber(n);
    return lesson
      ? { ok: true, number: n, lesson }
      : { ok: false, error: `There is no lesson ${n}; NormLab has lessons 1 to ${LESSONS.length}.` };
  }
  return decodeLesson(value);
}

/** A link to `base` (any "#…" replaced) that opens shipped lesson `n` (1-based) or an instructor's lesson. */
export function lessonUrl(base: string, lesson: number | CustomLesson): string {
  const value = typeof lesson === 'number' ? String(lesson) : encodeLesson(lesson);
  return `${base.split('#')[0]}#lesson=${value}`;
}
