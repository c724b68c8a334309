// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataControls } from '../src/components/DataControls';
import { CsvImportDialog } from '../src/components/data/CsvImportDialog';
import { LabControls } from '../src/components/lab/LabControls';
import { DEFAULT_DATA } from '../src/data/datasets';
import { appStore } from '../src/store/store';
import { metricsAt } from './fakeTrainer';

const FIXTURE = readFileSync('e2e/fixtures/four-features.csv', 'utf8');

afterEach(() => {
  cleanup();
  appStore.setState({ data: DEFAULT_DATA, csvImport: null });
});

const open = (text: string, name: string) =>
  act(() => appStore.getState().openCsvImport({ file: new File([text], name, { type: 'text/csv' }) }));

describe('the Import CSV dialog', () => {
  it('reads a file, offers its columns, and imports the pick with the task inferred', async () => {
    render(<CsvImportDialog />);
    await open(FIXTURE, 'four-features.csv');
    const dialog = screen.getByRole('dialog', { name: 'Import CSV' });
    const target = await within(dialog).findByRole('combobox', { name: 'Target' }, { timeout: 5000 });
    expect((target as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('kind');
    for (const name of ['width', 'height', 'length', 'weight']) {
      expect((within(dialog).getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true);
    }
    expect((within(dialog).getByRole('checkbox', { name: 'kind' }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('combobox', { name: 'Task' }) as HTMLSelectElement).value).toBe(
      'multiclass',
    );
    expect(dialog.textContent).toContain('0 = alpha');
    const stats = within(dialog).getByRole('table', { name: /Standardization/ });
    expect(within(stats).getAllByRole('row')).toHaveLength(5);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'width' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const s = appStore.getState();
    expect(s.csvImport).toBeNull();
    expect(s.data.csv?.features).toEqual([1, 2, 3]);
    expect(s.dataset.info.inputDim).toBe(3);
    expect(s.notice?.text).toMatch(/^Imported “four-features.csv”: 300 rows, 3 features, 3 classes/);
  });

  it('says a run in progress starts over on the imported data, with the step it was at', async () => {
    appStore.getState().applyMetrics(metricsAt(120));
    render(<CsvImportDialog />);
    await open(FIXTURE, 'four-features.csv');
    const dialog = screen.getByRole('dialog', { name: 'Import CSV' });
    await within(dialog).findByRole('combobox', { name: 'Target' }, { timeout: 5000 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(appStore.getState().notice?.text).toMatch(
      /Training starts again from step 0 \(the run was at step 120\)\.$/,
    );
  });

  it('says what is wrong with a bad file and leaves the lab as it was', async () => {
    render(<CsvImportDialog />);
    const before = appStore.getState().data;
    await open('a,b,c\n1,2,3\n4,5\n', 'ragged.csv');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toBe(
      'Row 3 has 2 values, but the header has 3 columns: every row needs one value per column. Your lab is unchanged.',
    );
    expect(appStore.getState().data).toBe(before);
  });

  it('blocks Import while a chosen column has a non-numeric cell, until its rows are left out', async () => {
    render(<CsvImportDialog />);
    const rows = FIXTURE.trim().split('\n');
    rows[5] = '9.1,oops,1,2,alpha';
    await open(`${rows.join('\n')}\n`, 'dirty.csv');
    const dialog = screen.getByRole('dialog', { name: 'Import CSV' });
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Row 6, column "height": "oops" is not a number.');
    const importButton = within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Leave out the 1 row/ }));
    expect(importButton.disabled).toBe(false);
    fireEvent.click(importButton);
    expect(appStore.getState().dataset.yTrain.length + appStore.getState().dataset.yTest.length).toBe(299);
  });

  it('is opened by the Import CSV button beside Import lab', () => {
    render(<LabControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect(appStore.getState().csvImport).toEqual({ file: null });
  });

  it('offers Columns… in the data controls once a file is imported, not before', () => {
    render(<DataControls />);
    expect(screen.queryByRole('button', { name: 'Columns…' })).toBeNull();
  });
});
