import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CsvTable } from '../../data/csv/types';
import { CSV_EXAMPLES } from '../../data/examples';
import { supplyExpectedTable } from '../../store/csvActions';
import type { CsvImportRequest } from '../../store/dataSlice';
import { appStore, useAppStore } from '../../store/store';
import { ColumnChooser } from './ColumnChooser';
import { readCsvInWorker } from './readCsvInWorker';

type Phase =
  | { readonly kind: 'start' }
  | { readonly kind: 'reading'; readonly name: string; readonly fraction: number }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'columns'; readonly table: CsvTable; readonly note: string | null };

const close = () => appStore.getState().closeCsvImport();

/** The file a request names: the dropped or chosen one, or a bundled example as a file. */
async function fileOf(request: CsvImportRequest): Promise<File | null> {
  if (request.file) return request.file;
  const example = CSV_EXAMPLES.find((e) => e.id === request.example);
  if (!example) return null;
  return new File([await example.load()], example.file, { type: 'text/csv' });
}

/**
 * "Import CSV": a modal dialog that reads a file (chosen, dropped on the page, or the bundled
 * Iris example) in a worker with a progress bar, says in one sentence what is wrong with a bad
 * file (the lab stays as it was), and then lets the person choose the columns. Opened for a lab
 * whose data file is missing, it gives the lab a file that fits without asking anything.
 */
export function CsvImportDialog() {
  const request = useAppStore((s) => s.csvImport);
  const ref = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'start' });
  const cancelRef = useRef<() => void>(() => {});

  const read = useCallback(async (file: File, expect: CsvImportRequest['expect']) => {
    cancelRef.current();
    setPhase({ kind: 'reading', name: file.name, fraction: 0 });
    const reading = readCsvInWorker(file, (fraction) =>
      setPhase((p) => (p.kind === 'reading' ? { ...p, fraction } : p)),
    );
    cancelRef.current = reading.cancel;
    const result = await reading.result;
    if (appStore.getState().csvImport === null) return;
    if (!result.ok) return setPhase({ kind: 'failed', error: `${result.error} Your lab is unchanged.` });
    if (expect) {
      const supplied = supplyExpectedTable(appStore, result.table, expect);
      if (supplied.ok) {
        appStore.getState().notify('info', supplied.note);
        return close();
      }
      return setPhase({
        kind: 'columns',
        table: result.table,
        note: `${supplied.reason} You can choose its columns anew.`,
      });
    }
    setPhase({ kind: 'columns', table: result.table, note: null });
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!request && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    if (!request) {
      cancelRef.current();
      cancelRef.current = () => {};
      setPhase({ kind: 'start' });
      return;
    }
    if (request.table) setPhase({ kind: 'columns', table: request.table, note: null });
    else
      void fileOf(request).then((file) => {
        if (file) void read(file, request.expect);
        else setPhase({ kind: 'start' });
      });
  }, [request, read]);

  const expect = request?.expect;
  return (
    <dialog ref={ref} className="csv-dialog" aria-labelledby={titleId} onClose={close}>
      <h2 id={titleId}>Import CSV</h2>
      {expect && phase.kind !== 'columns' && (
        <p className="csv-note">
          This lab trains on “{expect.file}” ({expect.rows.toLocaleString('en-US')} rows). Choose that file.
        </p>
      )}
      {(phase.kind === 'start' || phase.kind === 'failed') && (
        <>
          {phase.kind === 'failed' && (
            <p className="csv-error" role="alert">
              {phase.error}
            </p>
          )}
          <p className="hint">
            A text file of comma-, tab- or semicolon-separated values (up to 50 MB), one row per line, a
            header row optional. It is read in this browser and never uploaded. You can also drop it on the
            page.
          </p>
          <div className="csv-buttons start">
            <button type="button" className="primary" onClick={() => fileRef.current?.click()}>
              Choose a CSV file…
            </button>
            {!expect &&
              CSV_EXAMPLES.map((ex) => (
                <button
                  key={ex.id}
                  type="button"
                  title={ex.source}
                  onClick={() => appStore.getState().openCsvImport({ file: null, example: ex.id })}
                >
                  Example: {ex.title}
                </button>
              ))}
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
          {!expect && <p className="hint csv-source">Iris: {CSV_EXAMPLES[0]?.source}</p>}
        </>
      )}
      {phase.kind === 'reading' && (
        <div className="csv-reading">
          <label htmlFor={`${titleId}-progress`}>Reading “{phase.name}”…</label>
          <progress id={`${titleId}-progress`} max={1} value={phase.fraction} />
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      )}
      {phase.kind === 'columns' && (
        <ColumnChooser key={phase.table.hash} table={phase.table} note={phase.note} onDone={close} />
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        hidden
        aria-label="CSV file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file, expect);
        }}
      />
    </dialog>
  );
}
