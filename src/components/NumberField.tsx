import { useEffect, useId, useState } from 'react';
import { checkParam } from '../graph/params';
import type { FloatParam, IntParam } from '../graph/registry';

interface Props {
  readonly spec: IntParam | FloatParam;
  readonly value: number;
  readonly onCommit: (value: number) => void;
  readonly className?: string;
}

/**
 * A numeric input that keeps what the person typed, applies it only when valid, and otherwise
 * says next to the field what is allowed (the last valid value stays in force).
 */
export function NumberField({ spec, value, onCommit, className }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Follow outside changes, but never rewrite text that already means this value ("1e-3").
    setDraft((d) => (Number(d) === value && d.trim() !== '' ? d : String(value)));
    setError(null);
  }, [value]);

  const change = (text: string) => {
    setDraft(text);
    const check = checkParam(spec, text);
    if (check.ok) {
      setError(null);
      if (check.value !== value) onCommit(check.value as number);
    } else {
      setError(check.message);
    }
  };

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          // Leaving a field puts back the value in force: no field shows one value while another
          // is in force (while typing, the message under it says "Still using …").
          setError(null);
          setDraft(String(value));
        }}
      />
      {error && (
        <div id={`${id}-error`} role="alert" className="field-error">
          Not applied: {error} Still using {value}.
        </div>
      )}
    </div>
  );
}
