import * as v from 'valibot';
import { CUSTOM_CHECK_MENU, CUSTOM_LIMITS as L } from './custom';

/**
 * Characters plain text may not hold: C0 and C1 controls (tabs and newlines too: each text is
 * one line or one paragraph) and the bidirectional overrides that can make text read differently
 * from what it is (U+202A–U+202E, U+2066–U+2069).
 */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
/** The start of an HTML tag, comment or declaration: "<b", "</", "<!". "x < 0" stays allowed. */
const HTML = /<[A-Za-z/!?]/;

/** One piece of plain text: trimmed, 1..max characters, no control characters, no HTML. */
function plainText(what: string, max: number) {
  return v.pipe(
    v.string(`The lesson's ${what} must be text.`),
    v.trim(),
    v.minLength(1, `The lesson's ${what} is empty.`),
    v.maxLength(
      max,
      (i) =>
        `The lesson's ${what} is ${(i.input as string).length} characters long; at most ${max} are allowed.`,
    ),
    v.check(
      (s) => !CONTROL.test(s),
      `The lesson's ${what} contains control characters; lessons hold plain text only.`,
    ),
    v.check(
      (s) => !HTML.test(s),
      (i) =>
        `The lesson's ${what} contains HTML (${JSON.stringify((i.input as string).match(HTML)?.[0])}); lessons hold plain text only.`,
    ),
  );
}

const KINDS = CUSTOM_CHECK_MENU.map((o) => o.kind);

/** A check as written: [kind] or [kind, threshold], the threshold within the menu's limits. */
const checkSchema = v.pipe(
  v.union(
    [v.strictTuple([v.picklist(KINDS)]), v.strictTuple([v.picklist(KINDS), v.pipe(v.number(), v.finite())])],
    `Each check must be [kind] or [kind, threshold], with kind one of ${KINDS.join(', ')}.`,
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const [kind, threshold] = dataset.value;
    const option = CUSTOM_CHECK_MENU.find((o) => o.kind === kind);
    const limits = option?.threshold ?? null;
    if (limits === null && threshold !== undefined) {
      addIssue({ message: `The check ${kind} takes no threshold.` });
      return NEVER;
    }
    if (limits !== null && (threshold === undefined || threshold < limits.min || threshold > limits.max)) {
      addIssue({ message: `The check ${kind} needs a threshold from ${limits.min} to ${limits.max}.` });
      return NEVER;
    }
    return threshold === undefined ? { kind } : { kind, threshold };
  }),
);

/** The current format of a lesson link's payload; the lab inside carries its own version. */
export const LESSON_FORMAT = 1;

/** A custom lesson as written (before its lab is read by src/share). Unknown fields are refused. */
export const CUSTOM_SCHEMA = v.strictObject(
  {
    lesson: v.literal(LESSON_FORMAT, `This lesson was made by a newer NormLab, or is not a lesson.`),
    title: plainText('title', L.titleChars),
    goal: plainText('goal', L.goalChars),
    steps: v.pipe(
      v.array(plainText('step', L.stepChars), `The lesson's steps must be a list of texts.`),
      v.maxLength(L.steps, `A lesson has at most ${L.steps} steps.`),
    ),
    budget: v.pipe(
      v.number('The lesson’s step budget must be a number.'),
      v.integer('The lesson’s step budget must be a whole number.'),
      v.minValue(
        L.stepBudget.min,
        `The lesson’s step budget must be from ${L.stepBudget.min} to ${L.stepBudget.max}.`,
      ),
      v.maxValue(
        L.stepBudget.max,
        `The lesson’s step budget must be from ${L.stepBudget.min} to ${L.stepBudget.max}.`,
      ),
    ),
    checks: v.pipe(
      v.array(checkSchema, 'The lesson’s checks must be a list.'),
      v.minLength(1, 'A lesson needs at least one check.'),
      v.maxLength(L.checks, `A lesson has at most ${L.checks} checks.`),
    ),
    // Read by src/share after migration; here only its being an object is checked.
    lab: v.custom<Readonly<Record<string, unknown>>>(
      (lab) => typeof lab === 'object' && lab !== null && !Array.isArray(lab),
      'The lesson holds no lab.',
    ),
  },
  (issue) =>
    issue.expected === 'never'
      ? `The lesson has an unknown field ${JSON.stringify(String(issue.input).slice(0, 40))}.`
      : `The lesson is missing the field ${String(issue.expected ?? '').replace(/^"|"$/g, '')}.`,
);
