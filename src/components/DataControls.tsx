import { DATASETS } from '../data/datasets';
import type { DatasetName } from '../data/types';
import { tableFor } from '../store/dataSlice';
import { SETTING_SPECS } from '../store/settingsSpecs';
import { appStore, useAppStore } from '../store/store';
import { LOCKED_TITLE } from './classroom/ClassBanner';
import { useLocked } from './classroom/useClassroom';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const GENERATED = Object.values(DATASETS).map((d) => ({ value: d.name as DatasetName, label: d.label }));

/**
 * Dataset, size, noise, split, seed and input scale. Imported data ("Import CSV", beside Import lab
 * so this toolbar keeps one row at 1280 px) is one of the datasets: its columns can be chosen
 * again here, and size and noise do not apply.
 */
export function DataControls() {
  const locked = useLocked('data');
  const data = useAppStore((s) => s.data);
  const table = useAppStore((s) => tableFor(s.data, s.tables));
  const setData = appStore.getState().setData;
  const csv = data.dataset === 'csv' ? data.csv : null;
  const options = csv ? [...GENERATED, { value: 'csv' as const, label: csv.file }] : GENERATED;
  return (
    <fieldset className="toolbar-group" disabled={locked} title={locked ? LOCKED_TITLE : undefined}>
      <legend>Data{locked ? ' (locked)' : ''}</legend>
      <SelectField<DatasetName>
        label="Dataset"
        value={data.dataset}
        options={options}
        onChange={(dataset) => setData({ dataset })}
      />
      <div className="csv-actions">
        {csv && table && (
          <button
            type="button"
            title="Choose other feature and target columns of the imported file"
            onClick={() => appStore.getState().openCsvImport({ file: null, table })}
          >
            Columns…
          </button>
        )}
      </div>
      {csv ? (
        <p className="field field-secondary csv-rows" title="Samples and noise do not apply to imported data">
          {csv.rows.toLocaleString('en-US')} rows × {csv.features.length} features
        </p>
      ) : (
        <>
          <NumberField
            spec={SETTING_SPECS.samples}
            className="field-secondary"
            value={data.samples}
            onCommit={(samples) => setData({ samples })}
          />
          <NumberField
            spec={SETTING_SPECS.noise}
            value={data.noise}
            onCommit={(noise) => setData({ noise })}
          />
        </>
      )}
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
