import { SETTING_SPECS } from '../store/settingsSpecs';
import { appStore, useAppStore } from '../store/store';
import type { OptimizerName } from '../train/protocol';
import { LOCKED_TITLE } from './classroom/ClassBanner';
import { useLocked } from './classroom/useClassroom';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const OPTIMIZERS: readonly { value: OptimizerName; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'Momentum' },
  { value: 'adam', label: 'Adam' },
  { value: 'rmsprop', label: 'RMSProp' },
];

/** Optimizer, learning rate, batch size and L2; they apply from the next step. */
export function HyperControls() {
  const locked = useLocked('training');
  const hyper = useAppStore((s) => s.hyper);
  const setHyper = appStore.getState().setHyper;
  return (
    <fieldset className="toolbar-group" disabled={locked} title={locked ? LOCKED_TITLE : undefined}>
      <legend>Training{locked ? ' (locked)' : ''}</legend>
      <SelectField<OptimizerName>
        label="Optimizer"
        value={hyper.optimizer}
        options={OPTIMIZERS}
        onChange={(optimizer) => setHyper({ optimizer })}
      />
      <NumberField
        spec={SETTING_SPECS.learningRate}
        value={hyper.learningRate}
        onCommit={(learningRate) => setHyper({ learningRate })}
      />
      <NumberField
        spec={SETTING_SPECS.batchSize}
        className="field-secondary"
        value={hyper.batchSize}
        onCommit={(batchSize) => setHyper({ batchSize })}
      />
      <NumberField
        spec={SETTING_SPECS.l2}
        className="field-secondary"
        value={hyper.l2}
        onCommit={(l2) => setHyper({ l2 })}
      />
    </fieldset>
  );
}
