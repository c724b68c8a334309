import { useId, useMemo, useState } from 'react';
import {
  CUSTOM_CHECK_MENU,
  type CustomCheck,
  type CustomCheckKind,
  lessonUrl,
  validateCustomLesson,
} from '../../lessons';
import { labOf } from '../../store/labSlice';
import { appStore } from '../../store/store';

interface Props {
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

const menuOf = (kind: CustomCheckKind) => CUSTOM_CHECK_MENU.find((c) => c.kind === kind);

/**
 * "Make a lesson from this lab": the lab on screen, a title, goal and steps (plain text), checks
 * from a menu with their thresholds, and a step budget; gives a link that opens it as a lesson.
 */
export function MakeLessonForm({ onDone, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const [steps, setSteps] = useState('');
  const [budget, setBudget] = useState('500');
  const [checks, setChecks] = useState<CustomCheck[]>([{ kind: 'accuracyAtLeast', threshold: 0.95 }]);
  const custom = useMemo(
    () => ({
      title: title.trim(),
      goal: goal.trim(),
      steps: steps
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      stepBudget: Number(budget),
      checks,
      lab: { ...labOf(appStore.getState()), classroom: null },
    }),
    [title, goal, steps, budget, checks],
  );
  const problem = validateCustomLesson(custom);
  const link = problem ? null : lessonUrl(`${window.location.origin}${window.location.pathname}`, custom);
  const setCheck = (i: number, patch: Partial<CustomCheck>) =>
    setChecks((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <form
      className="make-lesson"
      aria-label="Make a lesson from this lab"
      onSubmit={(e) => e.preventDefault()}
    >
      <p className="hint">
        The lesson opens this very lab (graph, data, settings, open panel). Text is shown as plain text.
      </p>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-goal`}>Goal</label>
      <textarea id={`${id}-goal`} rows={3} value={goal} onChange={(e) => setGoal(e.target.value)} />
      <label htmlFor={`${id}-steps`}>Steps (one a line)</label>
      <textarea id={`${id}-steps`} rows={3} value={steps} onChange={(e) => setSteps(e.target.value)} />
      <label htmlFor={`${id}-budget`}>Step budget (checks are decided there)</label>
      <input
        id={`${id}-budget`}
        inputMode="numeric"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
      />
      <fieldset>
        <legend>Checks</legend>
        {checks.map((c, i) => {
          const menu = menuOf(c.kind);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="make-lesson-check">
              <select
                aria-label={`Check ${i + 1}`}
                value={c.kind}
                onChange={(e) => {
                  const kind = e.target.value as CustomCheckKind;
                  const t = menuOf(kind)?.threshold;
                  setCheck(i, t ? { kind, threshold: t.default } : { kind, threshold: undefined });
                }}
              >
                {CUSTOM_CHECK_MENU.map((o) => (
                  <option key={o.kind} value={o.kind}>
                    {o.label}
                  </option>
                ))}
              </select>
              {menu?.threshold && (
                <input
                  aria-label={`Threshold of check ${i + 1}`}
                  inputMode="decimal"
                  value={String(c.threshold ?? '')}
                  onChange={(e) => setCheck(i, { threshold: Number(e.target.value) })}
                />
              )}
              <button type="button" onClick={() => setChecks((cs) => cs.filter((_, j) => j !== i))}>
                Remove check {i + 1}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setChecks((cs) => [...cs, { kind: 'bannerShown' }])}>
          Add a check
        </button>
      </fieldset>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <>
          <label htmlFor={`${id}-url`}>Lesson link ({link?.length} characters)</label>
          <input
            id={`${id}-url`}
            data-testid="lesson-url"
            readOnly
            value={link ?? ''}
            onFocus={(e) => e.target.select()}
          />
        </>
      )}
      <div className="class-dialog-buttons">
        <button type="button" onClick={onCancel}>
          Back to the lessons
        </button>
        <button
          type="button"
          className="primary"
          disabled={!link}
          onClick={() => link && navigator.clipboard?.writeText(link).then(onDone, () => {})}
        >
          Copy lesson link
        </button>
      </div>
    </form>
  );
}
