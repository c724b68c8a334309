import { validateLab } from '../share/codec';
import type { Lab } from '../share/lab';
import { CHECK_KINDS } from './checkKinds';
import type { Check, Lesson } from './types';

/** Which panel a probe's report comes from. */
const PANEL_OF = { distributions: 'distributions', affine: 'affine', batch: 'batch' } as const;
/** The panels' names as the app shows them. */
const PANEL_NAMES: Readonly<Record<string, string>> = {
  distributions: 'Distributions',
  affine: 'Equivalent affine map',
  batch: 'Batch dependence',
  warp: 'Warped grid',
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why a check cannot work: an unknown kind, a missing threshold, or a probe its lab does not run. */
function checkProblem(check: Check, lab: Lab, focusNodeId: string | null): string | null {
  const spec = CHECK_KINDS[check.kind];
  if (!spec) return `Unknown check kind ${JSON.stringify(check.kind)}.`;
  if (spec.relation !== 'yes' && !Number.isFinite(check.threshold))
    return `The check ${check.kind} needs a threshold.`;
  if (spec.relation === 'yes' && check.threshold !== undefined)
    return `The check ${check.kind} takes no threshold.`;
  if (spec.probe && lab.panels.open !== PANEL_OF[spec.probe]) {
    const open = lab.panels.open ? `the ${PANEL_NAMES[lab.panels.open]} panel` : 'no panel';
    return `The check ${check.kind} needs the ${PANEL_NAMES[spec.probe]} panel open, but the lab opens ${open}.`;
  }
  if ((spec.probe === 'distributions' || spec.probe === 'batch') && focusNodeId === null) {
    return `The check ${check.kind} needs a focus node.`;
  }
  return null;
}

/** Why a focus node does not fit its lab, or null. */
function focusProblem(lab: Lab, focusNodeId: string | null): string | null {
  if (focusNodeId === null) return null;
  return lab.graph.nodes.some((n) => n.id === focusNodeId)
    ? null
    : `The focus node ${JSON.stringify(focusNodeId)} is not in the lab's graph.`;
}

/**
 * Every reason a lesson cannot be taught as written (empty when it can): a bad id, empty text, a
 * prediction with other than 2..4 choices or an answer out of range, a step budget that is not a
 * positive whole number, no checks, a check that reads a panel its lab does not open, pinned
 * checks without a comparison, a comparison on other data or another seed, a focus node missing
 * from its graph, a lab on imported data, or a lab that links and files would refuse.
 */
export function lessonProblems(lesson: Lesson): string[] {
  const problems: string[] = [];
  const add = (p: string | null) => {
    if (p) problems.push(p);
  };
  if (!SLUG.test(lesson.id)) add(`The id ${JSON.stringify(lesson.id)} is not a slug (a-z, 0-9 and "-").`);
  if (!lesson.title.trim()) add('The title is empty.');
  if (!lesson.goal.trim()) add('The goal is empty.');
  const p = lesson.prediction;
  if (p && (p.choices.length < 2 || p.choices.length > 4)) add('A prediction has 2 to 4 choices.');
  if (p && !(Number.isInteger(p.answer) && p.answer >= 0 && p.answer < p.choices.length))
    add('The prediction’s answer is not one of its choices.');
  if (!(Number.isInteger(lesson.stepBudget) && lesson.stepBudget > 0))
    add('The step budget is not a positive whole number.');
  if (lesson.checks.length === 0) add('A lesson needs at least one check.');
  const labError = validateLab(lesson.lab);
  if (labError) add(`Its lab: ${labError}`);
  // A lesson link carries no rows, and its checks are claims about data every learner has.
  if (lesson.lab.data.dataset === 'csv')
    add('Its lab trains on imported data, which a lesson link cannot carry: use a generated dataset.');
  add(focusProblem(lesson.lab, lesson.focusNodeId));
  const { compare } = lesson;
  if (compare) {
    const compareError = validateLab(compare.lab);
    if (compareError) add(`Its comparison lab: ${compareError}`);
    add(focusProblem(compare.lab, compare.focusNodeId));
    if (JSON.stringify(compare.lab.data) !== JSON.stringify(lesson.lab.data))
      add('The comparison must use the same data and seed as the lesson’s lab.');
  }
  for (const check of lesson.checks) {
    if (check.run === 'pinned' && !compare) {
      add(`The check ${check.kind} reads a pinned run, but the lesson has no comparison.`);
      continue;
    }
    // With a comparison, 'current' checks are about the second lab; without one, about the lab.
    const [lab, focus] =
      compare && check.run === 'current'
        ? [compare.lab, compare.focusNodeId]
        : [lesson.lab, lesson.focusNodeId];
    add(checkProblem(check, lab, focus));
  }
  return problems;
}
