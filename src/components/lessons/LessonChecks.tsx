import type { CheckResult } from '../../lessons';

/** Each check with its measured number and its state (pending, pass, fail). */
export function LessonChecks({ results }: { results: readonly CheckResult[] }) {
  return (
    <ul className="lesson-checks" aria-label="Checks">
      {results.map((r, i) => (
        // Checks have no id of their own; their order is fixed for the lesson.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed list
        <li key={i} data-testid="lesson-check" data-state={r.state} className={`lesson-check ${r.state}`}>
          <span className="visually-hidden">
            {r.state === 'pending' ? 'Pending: ' : r.state === 'pass' ? 'Passed: ' : 'Failed: '}
          </span>
          {r.text}
        </li>
      ))}
    </ul>
  );
}
