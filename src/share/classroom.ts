import * as v from 'valibot';

/** Parts of the page a class link can hide from students. */
export type HideableSection =
  | 'palette'
  | 'inspector'
  | 'labButtons'
  | 'backend'
  | 'tab:distributions'
  | 'tab:affine'
  | 'tab:batch'
  | 'tab:warp'
  | 'tab:health'
  | 'tab:runs';

/** Every hideable section with the label the "Share for class" dialog shows, in page order. */
export const HIDEABLE_SECTIONS: readonly { readonly id: HideableSection; readonly label: string }[] = [
  { id: 'palette', label: 'Layers palette' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'labButtons', label: 'Lab buttons (share, export, import)' },
  { id: 'backend', label: 'Backend choice' },
  { id: 'tab:distributions', label: 'Distributions tab' },
  { id: 'tab:affine', label: 'Equivalent affine map tab' },
  { id: 'tab:batch', label: 'Batch dependence tab' },
  { id: 'tab:warp', label: 'Warped grid tab' },
  { id: 'tab:health', label: 'Training health tab' },
  { id: 'tab:runs', label: 'Runs tab' },
];

/** The most lessons a class link may name (lesson=N is 1-based in the shipped order). */
export const MAX_LESSON_NUMBER = 99;

/**
 * What an instructor's class link imposes: locks (no add, delete, connect or edit of the graph;
 * no change of the data settings; no change of the training settings), hidden sections, and the
 * lesson to open (1-based). A student's "Make my own copy" drops them all.
 */
export interface ClassOptions {
  readonly lockGraph: boolean;
  readonly lockData: boolean;
  readonly lockTraining: boolean;
  readonly hide: readonly HideableSection[];
  readonly lesson: number | null;
}

/** No locks, nothing hidden, no lesson. */
export const OPEN_CLASS: ClassOptions = {
  lockGraph: false,
  lockData: false,
  lockTraining: false,
  hide: [],
  lesson: null,
};

const flag = (name: string) => v.boolean(`The class option ${name} must be true or false.`);

/** The valibot schema of a lab's class options (null: an ordinary lab). Unknown keys are refused. */
export const CLASS_SCHEMA = v.nullable(
  v.strictObject(
    {
      lockGraph: flag('lockGraph'),
      lockData: flag('lockData'),
      lockTraining: flag('lockTraining'),
      hide: v.pipe(
        v.array(
          v.picklist(
            HIDEABLE_SECTIONS.map((s) => s.id),
            (i) => `A class link cannot hide ${JSON.stringify(i.input)}: there is no such section.`,
          ),
          'The hidden sections of a class link must be a list.',
        ),
        v.maxLength(HIDEABLE_SECTIONS.length, 'A class link hides each section at most once.'),
      ),
      lesson: v.nullable(
        v.pipe(
          v.number('The lesson of a class link must be a number.'),
          v.integer('The lesson of a class link must be a whole number.'),
          v.minValue(1, 'Lessons are numbered from 1.'),
          v.maxValue(MAX_LESSON_NUMBER, `Lessons are numbered up to ${MAX_LESSON_NUMBER}.`),
        ),
      ),
    },
    (issue) =>
      issue.expected === 'never'
        ? `A class link has no option ${JSON.stringify(issue.input)}.`
        : 'The class options must name lockGraph, lockData, lockTraining, hide and lesson.',
  ),
);

/** True when the options lock or hide anything at all. */
export function restricts(c: ClassOptions | null): boolean {
  return c !== null && (c.lockGraph || c.lockData || c.lockTraining || c.hide.length > 0);
}
