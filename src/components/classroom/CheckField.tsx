import { forwardRef, useId } from 'react';

interface Props {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** A checkbox with its label (a labelled checkbox to assistive technology and to tests). */
export const CheckField = forwardRef<HTMLInputElement, Props>(function CheckField(
  { label, checked, onChange },
  ref,
) {
  const id = useId();
  return (
    <span className="field-check">
      <input
        ref={ref}
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </span>
  );
});
