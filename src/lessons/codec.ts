import * as v from 'valibot';
import { decodeLinkJson, encodeLinkPayload } from '../share/linkText';
import { SHARE_ERRORS } from '../share/messages';
import { migrate } from '../share/migrations';
import { labFromPayload, labToPayload } from '../share/schema';
import { type CustomLesson, customToLesson } from './custom';
import { CUSTOM_SCHEMA, LESSON_FORMAT } from './customSchema';
import type { Lesson } from './types';
import { lessonProblems } from './validate';

/** A decoded instructor-made lesson (and the Lesson it is taught as), or one sentence saying why not. */
export type LessonDecodeResult =
  | { ok: true; custom: CustomLesson; lesson: Lesson; labMigratedFrom?: number }
  | { ok: false; error: string };

const fail = (error: string): LessonDecodeResult => ({ ok: false, error });
const NOT_A_LESSON = 'The link holds JSON, but not a NormLab lesson.';

/** A custom lesson as its link payload: plain JSON, the lab written as src/share writes labs. */
export function customToPayload(custom: CustomLesson): Record<string, unknown> {
  return {
    lesson: LESSON_FORMAT,
    title: custom.title,
    goal: custom.goal,
    steps: custom.steps,
    budget: custom.stepBudget,
    checks: custom.checks.map((c) => (c.threshold === undefined ? [c.kind] : [c.kind, c.threshold])),
    lab: labToPayload(custom.lab),
  };
}

/** Reads a parsed payload: the lesson's fields (CUSTOM_SCHEMA), then its lab (migrated, as links are), then whether it can be taught. */
function fromPayload(value: unknown): LessonDecodeResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(NOT_A_LESSON);
  const parsed = v.safeParse(CUSTOM_SCHEMA, value, { abortEarly: true });
  if (!parsed.success) return fail(parsed.issues[0]?.message ?? 'This lesson could not be read.');
  const { title, goal, steps, budget, checks, lab: rawLab } = parsed.output;
  const migrated = migrate(rawLab);
  if (!migrated.ok) return fail(`The lesson's lab: ${migrated.error}`);
  const lab = labFromPayload(migrated.payload);
  if (!lab.ok) return fail(`The lesson's lab: ${lab.error}`);
  const custom: CustomLesson = { title, goal, steps, stepBudget: budget, checks, lab: lab.lab };
  const lesson = customToLesson(custom);
  const problem = lessonProblems(lesson)[0];
  if (problem) return fail(`This lesson cannot be taught: ${problem}`);
  return migrated.from < lab.lab.version
    ? { ok: true, custom, lesson, labMigratedFrom: migrated.from }
    : { ok: true, custom, lesson };
}

/**
 * An instructor-made lesson as link text: its payload as JSON, zlib-compressed, in unpadded
 * base64url (the same compression as lab links). Does not validate: see validateCustomLesson.
 */
export function encodeLesson(custom: CustomLesson): string {
  return encodeLinkPayload(customToPayload(custom));
}

/**
 * Reads lesson link text back. Untrusted: refuses what decodeLab refuses (bad base64, damaged
 * or oversized compression, non-UTF-8, invalid or deeply nested JSON, forbidden keys), then text
 * that is not plain (HTML, control characters) or too long, checks outside the menu or their
 * limits, a lab that links may not hold, and a lesson that cannot be taught (e.g. a fold check
 * with the affine panel closed); each with one sentence. Never throws.
 */
export function decodeLesson(text: string): LessonDecodeResult {
  try {
    const read = decodeLinkJson(text, 'The link holds no lesson: it is empty.');
    if (read.ok) return fromPayload(read.value);
    // decodeLinkJson speaks of labs; JSON that is not an object is not a lesson either.
    return fail(read.error === SHARE_ERRORS.notALab('link') ? NOT_A_LESSON : read.error);
  } catch (e) {
    return fail(`NormLab could not read this lesson (internal error: ${String(e).slice(0, 80)}).`);
  }
}

/** Checks a custom lesson against every rule a lesson link must pass. Returns null, or the message. */
export function validateCustomLesson(custom: CustomLesson): string | null {
  const read = decodeLesson(encodeLesson(custom));
  return read.ok ? null : read.error;
}
