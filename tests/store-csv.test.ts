import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../src/data/csv/read';
import type { CsvTable } from '../src/data/csv/types';
import { encodeLab, labFromJson } from '../src/share';
import type { LabStorage } from '../src/store/autosave';
import { supplyExpectedTable } from '../src/store/csvActions';
import { dataMissing } from '../src/store/dataSlice';
import { exportLabText, importLabText, openLabFromHash, restorePreviousLab } from '../src/store/labActions';
import { labOf } from '../src/store/labSlice';
import { loadKey, modelKey } from '../src/store/modelKey';
import { selectAnalysis, trainBlockedReason } from '../src/store/selectors';
import { createAppStore } from '../src/store/store';
import { connectTablePersistence, memoryTables } from '../src/store/tablePersistence';

const FIXTURE = readFileSync(new URL('../e2e/fixtures/four-features.csv', import.meta.url), 'utf8');

async function read(text: string, name: string): Promise<CsvTable> {
  const r = await readCsvText(text, name);
  if (!r.ok) throw new Error(r.error);
  return r.table;
}

const fixture = () => read(FIXTURE, 'four-features.csv');
const PICK = { features: [0, 1, 2, 3], target: 4, task: 'multiclass' as const, dropBadRows: false };

function memoryStorage(): LabStorage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('importing a table', () => {
  it('trains on the picked columns: 4 inputs, 3 classes, the graph re-shaped to fit', async () => {
    const store = createAppStore();
    const t = await fixture();
    expect(store.getState().importCsv(t, PICK)).toBeNull();
    const s = store.getState();
    expect(s.data.dataset).toBe('csv');
    expect(s.data.csv).toMatchObject({
      file: 'four-features.csv',
      rows: 300,
      features: [0, 1, 2, 3],
      target: 4,
      classes: 3,
    });
    expect(s.dataset.info).toMatchObject({ inputDim: 4, outputDim: 3, task: 'multiclass' });
    expect(s.dataset.info.classLabels).toEqual(['alpha', 'beta', 'gamma']);
    expect(s.dataset.yTrain.length + s.dataset.yTest.length).toBe(300);
    expect(selectAnalysis(s).valid).toBe(true);
    expect(selectAnalysis(s).widths.input).toBe(4);
    expect(s.plane).toEqual([0, 1]);
    expect(trainBlockedReason({ ...s, status: 'ready' })).toBeNull();
  });

  it('refuses a bad pick and changes nothing', async () => {
    const store = createAppStore();
    const before = store.getState().data;
    const refused = store.getState().importCsv(await fixture(), { ...PICK, task: 'binary' });
    expect(refused).toMatch(/Binary classification needs exactly 2/);
    expect(store.getState().data).toBe(before);
  });

  it('undo goes back to the generated data and redo brings the import back, rows kept out of the history', async () => {
    const store = createAppStore();
    const t = await fixture();
    store.getState().importCsv(t, PICK);
    store.getState().setData({ seed: 9 });
    const past = store.temporal.getState().pastStates;
    // The history holds settings only: no typed array of the table is in it.
    expect(JSON.stringify(past).length).toBeLessThan(20_000);
    store.temporal.getState().undo();
    store.temporal.getState().undo();
    expect(store.getState().data.dataset).toBe('circle');
    expect(store.getState().dataset.info.inputDim).toBe(2);
    store.temporal.getState().redo();
    expect(store.getState().dataset.info.inputDim).toBe(4);
    expect(store.getState().dataset.yTrain.length).toBeGreaterThan(0);
  });

  it('a generated dataset leaves the imported data behind', async () => {
    const store = createAppStore();
    store.getState().importCsv(await fixture(), PICK);
    store.getState().setData({ dataset: 'xor' });
    expect(store.getState().data.csv).toBeUndefined();
    expect(store.getState().dataset.info.inputDim).toBe(2);
  });

  it('the slice selects two different inputs, and follows the width', async () => {
    const store = createAppStore();
    store.getState().importCsv(await fixture(), PICK);
    store.getState().setPlane([3, 2]);
    expect(store.getState().plane).toEqual([3, 2]);
    store.getState().setPlane([1, 1]);
    expect(store.getState().plane).toEqual([0, 1]);
    store.getState().setPlane([3, 2]);
    store.getState().importCsv(await fixture(), { ...PICK, features: [2] });
    expect(store.getState().plane).toEqual([0, -1]);
  });
});

describe('a link to a lab on imported data', () => {
  it('opens with the file named and training blocked until the file is given; the opener’s lab stays one click away', async () => {
    const t = await fixture();
    const sharer = createAppStore();
    sharer.getState().importCsv(t, PICK);
    const link = `#lab=${encodeLab(labOf(sharer.getState()))}`;

    const store = createAppStore();
    store.getState().setHyper({ learningRate: 0.2 });
    openLabFromHash(store, memoryStorage(), link);
    const s = store.getState();
    expect(s.data.csv?.file).toBe('four-features.csv');
    expect(dataMissing(s)).toBe(true);
    expect(s.dataset.yTrain.length).toBe(0);
    // The graph is sized for the file even without its rows.
    expect(selectAnalysis(s).valid).toBe(true);
    expect(trainBlockedReason({ ...s, status: 'invalid' })).toMatch(/^Import “four-features.csv” to train/);
    expect(s.previousLab?.hyper.learningRate).toBe(0.2);
    const keyBefore = loadKey(s);
    const weightsKey = modelKey(s);

    const result = supplyExpectedTable(store, t, s.data.csv ?? (undefined as never));
    expect(result).toMatchObject({ ok: true });
    expect(dataMissing(store.getState())).toBe(false);
    expect(store.getState().dataset.yTrain.length).toBe(150);
    // The model rebuilds once the rows arrive; weights saved for it (a reload's) still belong to it.
    expect(loadKey(store.getState())).not.toBe(keyBefore);
    expect(modelKey(store.getState())).toBe(weightsKey);
    restorePreviousLab(store, memoryStorage());
    expect(store.getState().hyper.learningRate).toBe(0.2);
  });

  it('another file with the same columns is used with a note; one without them is refused', async () => {
    const t = await fixture();
    const store = createAppStore();
    const sharer = createAppStore();
    sharer.getState().importCsv(t, PICK);
    openLabFromHash(store, memoryStorage(), `#lab=${encodeLab(labOf(sharer.getState()))}`);
    const expect4 = store.getState().data.csv;
    if (!expect4) throw new Error('no choice');
    const reordered = FIXTURE.split('\n')
      .filter(Boolean)
      .map((l) => {
        const c = l.split(',');
        return [c[4], c[3], c[2], c[1], c[0]].join(',');
      })
      .join('\n');
    const other = await read(`${reordered}\n`, 'copy.csv');
    const used = supplyExpectedTable(store, other, expect4);
    expect(used).toMatchObject({ ok: true, note: expect.stringMatching(/differs from “four-features.csv”/) });
    expect(store.getState().data.csv?.features).toEqual([4, 3, 2, 1]);
    const wrong = await read('a,b\n1,2\n3,4\n', 'wrong.csv');
    expect(supplyExpectedTable(store, wrong, expect4)).toEqual({
      ok: false,
      reason:
        '“wrong.csv” is not the file this lab names (“four-features.csv”): it lacks the columns “width”, “height”, “length”, “weight”, “kind”.',
    });
  });
});

describe('lab files with the data', () => {
  it('carry the rows: the file opens and trains anywhere', async () => {
    const t = await fixture();
    const sharer = createAppStore();
    sharer.getState().importCsv(t, PICK);
    const made = exportLabText(sharer, null, { withData: true });
    if (!made.ok) throw new Error(made.error);
    expect(labFromJson(made.text)).toMatchObject({ ok: true, table: { hash: t.hash } });
    const store = createAppStore();
    importLabText(store, memoryStorage(), made.text, 'lab.json');
    expect(dataMissing(store.getState())).toBe(false);
    expect(store.getState().dataset.yTrain.length).toBe(150);
    // Without the data: the lab only names its file.
    const bare = exportLabText(sharer, null);
    expect(bare.ok && bare.text.includes('"table"')).toBe(false);
  });

  it('cannot carry rows that are not here', async () => {
    const t = await fixture();
    const sharer = createAppStore();
    sharer.getState().importCsv(t, PICK);
    const store = createAppStore();
    openLabFromHash(store, memoryStorage(), `#lab=${encodeLab(labOf(sharer.getState()))}`);
    expect(exportLabText(store, null, { withData: true })).toEqual({
      ok: false,
      error:
        'The rows of “four-features.csv” are not here: import the file first, then export with the data.',
    });
  });
});

describe('keeping imported rows across reloads', () => {
  it('stores an imported table and finds it again for a reloaded lab', async () => {
    const t = await fixture();
    const tables = memoryTables();
    const first = createAppStore();
    connectTablePersistence(first, tables);
    first.getState().importCsv(t, PICK);
    await settle();
    expect([...tables.items.keys()]).toEqual([t.hash]);

    // A reload: the saved lab comes back without its rows, which are then found in storage.
    const reloaded = createAppStore();
    reloaded.getState().loadLab(labOf(first.getState()));
    expect(dataMissing(reloaded.getState())).toBe(true);
    connectTablePersistence(reloaded, tables);
    expect(reloaded.getState().tableLookup).toBe('pending');
    expect(trainBlockedReason({ ...reloaded.getState(), status: 'invalid' })).toMatch(
      /^Loading “four-features.csv”/,
    );
    await settle();
    expect(reloaded.getState().tableLookup).toBe('done');
    expect(dataMissing(reloaded.getState())).toBe(false);
    expect(reloaded.getState().dataset.yTrain.length).toBe(150);
  });

  it('says once when the browser cannot keep the rows; then a reload asks for the file', async () => {
    const store = createAppStore();
    connectTablePersistence(store, memoryTables(true));
    store.getState().importCsv(await fixture(), PICK);
    await settle();
    expect(store.getState().notice?.text).toBe(
      'This browser’s storage cannot keep “four-features.csv”: after a reload, NormLab will ask for the file again.',
    );
    const reloaded = createAppStore();
    reloaded.getState().loadLab(labOf(store.getState()));
    connectTablePersistence(reloaded, memoryTables());
    await settle();
    expect(dataMissing(reloaded.getState())).toBe(true);
    expect(trainBlockedReason({ ...reloaded.getState(), status: 'invalid' })).toMatch(
      /^Import “four-features.csv”/,
    );
  });
});
