import { appStore } from '../../store/store';

/** The lesson's instructions, the current one marked; Previous/Next (also ← / →) move through them. */
export function LessonSteps({ steps, index }: { steps: readonly string[]; index: number }) {
  if (steps.length === 0) return null;
  const move = (delta: number) => appStore.getState().moveLessonStep(delta);
  return (
    <div className="lesson-steps">
      <ol>
        {steps.map((text, i) => (
          <li
            key={text}
            aria-current={i === index ? 'step' : undefined}
            className={i === index ? 'current' : undefined}
          >
            {text}
          </li>
        ))}
      </ol>
      <div className="lesson-step-buttons">
        <button type="button" onClick={() => move(-1)} disabled={index === 0}>
          Previous step
        </button>
        <span className="muted">
          Step {index + 1} of {steps.length}
        </span>
        <button type="button" onClick={() => move(1)} disabled={index >= steps.length - 1}>
          Next step
        </button>
      </div>
    </div>
  );
}
