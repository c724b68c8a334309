import { useId } from 'react';
import type { ParamSpec } from '../graph/registry';
import type { ParamValue } from '../graph/types';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

interface Props {
  readonly spec: ParamSpec;
  readonly value: ParamValue | undefined;
  readonly onCommit: (value: ParamValue) => void;
}

/** The right control for one node parameter, from its spec in the registry. */
export function ParamField({ spec, value, onCommit }: Props) {
  const id = useId();
  switch (spec.type) {
    case 'int':
    case 'float':
      return <NumberField spec={spec} value={Number(value ?? spec.default)} onCommit={onCommit} />;
    case 'enum':
      return (
        <SelectField
          label={spec.label}
          value={String(value ?? spec.default)}
          options={spec.options}
          onChange={onCommit}
          help={spec.help}
        />
      );
    case 'bool':
      return (
        <div className="field field-check">
          <input
            id={id}
            type="checkbox"
            checked={value !== false}
            onChange={(e) => onCommit(e.target.checked)}
          />
          <label htmlFor={id} title={spec.help}>
            {spec.label}
          </label>
        </div>
      );
  }
}
