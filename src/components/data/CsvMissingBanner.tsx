import { dataMissing } from '../../store/dataSlice';
import { appStore, useAppStore } from '../../store/store';

/**
 * Over the canvas while the lab trains on imported data whose rows are not here (a link or a
 * saved lab names its file but cannot carry it): which file, which columns, and "Import CSV".
 * While this browser's storage is searched for it, it says so instead.
 */
export function CsvMissingBanner() {
  const missing = useAppStore(dataMissing);
  const csv = useAppStore((s) => s.data.csv);
  const pending = useAppStore((s) => s.tableLookup === 'pending');
  const previous = useAppStore((s) => s.previousLab !== null);
  if (!missing || !csv) return null;
  const names = (cols: readonly number[]) => cols.map((c) => `“${csv.columns[c]}”`).join(', ');
  return (
    <section className="storage-banner csv-missing" aria-label="Imported data" data-testid="csv-missing">
      {pending ? (
        <p>Loading “{csv.file}” from this browser’s storage…</p>
      ) : (
        <>
          <p role="status">
            This lab trains on “{csv.file}” ({csv.rows.toLocaleString('en-US')} rows; features{' '}
            {names(csv.features)}; target {names([csv.target])}). Links and saved labs name the file but
            cannot carry its rows: import it to train.
            {previous ? ' Your own lab is one click away: “Restore my previous lab”.' : ''}
          </p>
          <button
            type="button"
            onClick={() => appStore.getState().openCsvImport({ file: null, expect: csv })}
          >
            Import CSV
          </button>
        </>
      )}
    </section>
  );
}
