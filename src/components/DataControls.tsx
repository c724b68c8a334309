import { DATASETS } from '../data/datasets';
import type { DatasetName } from '../data/types';
import { SETTING_SPECS } from '../store/settingsSpecs';
import { appStore, useAppStore } from '../store/store';
import { LOCKED_TITLE } from './classroom/ClassBanner';
import { useLocked } from './classroom/useClassroom';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const DATASET_OPTIONS = Object.values(DATASETS).map((d) => ({ value: d.name, label: d.label }));

/** Dataset, size, noise, split, seed and input scale. */
export function DataControls() {
  const locked = useLocked('data');
  const data = useAppStore((s) => s.data);
  const setData = appStore.getState().setData;
  return (
    <fieldset className="toolbar-group" disabled={locked} title={locked ? LOCKED_TITLE : undefined}>
      <legend>Data{locked ? ' (locked)' : ''}</legend>
      <SelectField<DatasetName>
        label="Dataset"
        value={data.dataset}
        options={DATASET_OPTIONS}
        onChange={(dataset) => setData({ dataset })}
      />
      <NumberField
        spec={SETTING_SPECS.samples}
        className="field-secondary"
        value={data.samples}
        onCommit={(samples) => setData({ samples })}
      />
      <NumberField spec={SETTING_SPECS.noise} value={data.noise} onCommit={(noise) => setData({ noise })} />
      <NumberField
        spec={SETTING_SPECS.trainFraction}
        className="field-secondary"
        value={data.trainFraction}
        onCommit={(trainFraction) => setData({ trainFraction })}
      />
      <NumberField
        spec={SETTING_SPECS.seed}
        className="field-secondary"
        value={data.seed}
        onCommit={(seed) => setData({ seed })}
      />
      <NumberField
        spec={SETTING_SPECS.inputScale}
        className="field-secondary"
        value={data.inputScale}
        onCommit={(inputScale) => setData({ inputScale })}
      />
    </fieldset>
  );
}
