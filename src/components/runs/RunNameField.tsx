import { useId, useState } from 'react';

interface Props {
  readonly initial: string;
  /** Saves the name; returns why it is refused, or null. */
  readonly onSave: (name: string) => string | null;
  readonly onCancel: () => void;
}

/** Renames a pinned run in place: Enter or Save keeps the name, Escape or Cancel leaves it. */
export function RunNameField({ initial, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const save = () => {
    const why = onSave(name);
    setProblem(why);
  };
  return (
    <span className="run-name-field">
      <input
        aria-label="Run name"
        value={name}
        maxLength={80}
        // biome-ignore lint/a11y/noAutofocus: the person just pressed Rename; the field is what they want.
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <button type="button" onClick={save}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <span id={errorId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
