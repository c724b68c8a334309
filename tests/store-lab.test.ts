import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultGraph } from '../src/graph/defaultGraph';
import { encodeLab, labToJson } from '../src/share';
import { connectAutosave, type LabStorage, readSaved, STORAGE_KEYS } from '../src/store/autosave';
import {
  exportLabText,
  importLabText,
  makeShareLink,
  openInitialLab,
  openLabFromHash,
  restorePreviousLab,
} from '../src/store/labActions';
import { labOf, sameLab } from '../src/store/labSlice';
import { type StorageProblem, storageProblemText } from '../src/store/storageProblem';
import { createAppStore } from '../src/store/store';

/** An in-memory localStorage; `fail` makes every write throw like a full or blocked storage. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: LabStorage & { items: Map<string, string>; fail: Error | null } = {
    items,
    fail: null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (storage.fail) throw storage.fail;
      items.set(k, v);
    },
  };
  return storage;
}

const fresh = () => {
  const store = createAppStore();
  return { store, st: () => store.getState() };
};

/** A lab that differs from the default: XOR, learning rate 0.1, dense1 with 5 units. */
function editedLab() {
  const { st } = fresh();
  st().setData({ dataset: 'xor' });
  st().setHyper({ learningRate: 0.1 });
  st().setParam('dense1', 'units', 5);
  return labOf(st());
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the lab shortly after a change, once for a burst of changes', () => {
    const { store, st } = fresh();
    const storage = memoryStorage();
    const set = vi.spyOn(storage, 'setItem');
    const autosave = connectAutosave(store, storage, 300);
    st().setParam('dense1', 'units', 3);
    st().setParam('dense1', 'units', 4);
    st().setHyper({ learningRate: 0.2 });
    expect(set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(set).toHaveBeenCalledTimes(1);
    const saved = readSaved(storage);
    expect(saved?.ok && saved.lab.hyper.learningRate).toBe(0.2);
    expect(saved?.ok && saved.lab.graph.nodes.find((n) => n.id === 'dense1')?.params.units).toBe(4);
    // Training state and selection are not the lab: nothing to save.
    st().selectNode('bn1');
    st().setStatus('running');
    vi.advanceTimersByTime(1000);
    expect(set).toHaveBeenCalledTimes(1);
    autosave.disconnect();
  });

  it('flush saves a waiting change at once (the page is being hidden or closed)', () => {
    const { store, st } = fresh();
    const storage = memoryStorage();
    const autosave = connectAutosave(store, storage, 300);
    st().setData({ seed: 42 });
    autosave.flush();
    const saved = readSaved(storage);
    expect(saved?.ok && saved.lab.data.seed).toBe(42);
    autosave.disconnect();
  });

  it('says once, plainly, when storage is full; the banner goes when a save works again, and comes back on a new failure', () => {
    const { store, st } = fresh();
    const storage = memoryStorage();
    storage.fail = new DOMException('quota', 'QuotaExceededError');
    const autosave = connectAutosave(store, storage, 10);
    st().setParam('dense1', 'units', 3);
    vi.advanceTimersByTime(10);
    expect(st().storageProblem).toEqual({ kind: 'full', reason: 'the storage is full' });
    expect(storageProblemText(st().storageProblem as StorageProblem)).toBe(
      'Your lab could not be saved in this browser (the storage is full). Nothing is lost yet: use Export → Lab file to keep a copy.',
    );
    st().setStorageProblem(null); // dismissed
    st().setParam('dense1', 'units', 4);
    vi.advanceTimersByTime(10);
    expect(st().storageProblem).toBeNull(); // not repeated on every change
    storage.fail = null;
    st().setParam('dense1', 'units', 5);
    vi.advanceTimersByTime(10);
    expect(readSaved(storage)?.ok).toBe(true);
    storage.fail = new Error('disk on fire');
    st().setParam('dense1', 'units', 6);
    vi.advanceTimersByTime(10);
    expect(st().storageProblem).toEqual({ kind: 'failed', reason: 'disk on fire' });
    // Working again: the banner goes by itself.
    storage.fail = null;
    st().setParam('dense1', 'units', 7);
    vi.advanceTimersByTime(10);
    expect(st().storageProblem).toBeNull();
    autosave.disconnect();
  });

  it('saveNow at start says at once when the storage is already full, before any change', () => {
    const { store, st } = fresh();
    const storage = memoryStorage();
    storage.fail = new DOMException('quota', 'QuotaExceededError');
    const autosave = connectAutosave(store, storage, 10);
    expect(st().storageProblem).toBeNull();
    autosave.saveNow();
    expect(st().storageProblem?.kind).toBe('full');
    autosave.disconnect();
  });
});

describe('opening the app', () => {
  it('restores the autosaved lab and starts a fresh undo history', () => {
    const storage = memoryStorage();
    const mine = editedLab();
    storage.items.set(STORAGE_KEYS.lab, labToJson(mine));
    const { store, st } = fresh();
    expect(openInitialLab(store, storage, '')).toBe(false);
    expect(sameLab(labOf(st()), mine)).toBe(true);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(st().previousLab).toBeNull();
  });

  it('opens a link over my own work and keeps mine one click away, across a reload too', () => {
    const storage = memoryStorage();
    const mine = editedLab();
    storage.items.set(STORAGE_KEYS.lab, labToJson(mine));
    const shared = { ...labOf(fresh().st()), hyper: { ...mine.hyper, learningRate: 0.5 } };
    const { store, st } = fresh();
    expect(openInitialLab(store, storage, `#lab=${encodeLab(shared)}`)).toBe(true);
    expect(sameLab(labOf(st()), shared)).toBe(true);
    expect(st().previousLab && sameLab(st().previousLab as never, mine)).toBe(true);
    expect(st().notice?.text).toMatch(/Opened the lab from the link.*Restore my previous lab/);
    // The link's lab is now the saved one; mine is kept under its own key.
    const saved = readSaved(storage);
    expect(saved?.ok && sameLab(saved.lab, shared)).toBe(true);
    // A reload (no link) still offers mine back.
    const again = fresh();
    openInitialLab(again.store, storage, '');
    expect(again.st().previousLab && sameLab(again.st().previousLab as never, mine)).toBe(true);
    restorePreviousLab(again.store, storage);
    expect(sameLab(labOf(again.st()), mine)).toBe(true);
    expect(again.st().previousLab).toBeNull();
  });

  it('a first visit through a link offers no "previous lab" (there was no work of mine)', () => {
    const storage = memoryStorage();
    const { store, st } = fresh();
    openInitialLab(store, storage, `#lab=${encodeLab(editedLab())}`);
    expect(st().previousLab).toBeNull();
  });

  it.each([
    ['malformed base64', '#lab=%%%not*base64'],
    ['truncated compression', `#lab=${encodeLab(editedLab()).slice(0, 40)}`],
    ['random words', '#lab=garbage'],
  ])('a bad link (%s) gets an alert and leaves my lab as it was', (_, hash) => {
    const storage = memoryStorage();
    const mine = editedLab();
    storage.items.set(STORAGE_KEYS.lab, labToJson(mine));
    const { store, st } = fresh();
    expect(openInitialLab(store, storage, hash)).toBe(true);
    expect(st().notice?.kind).toBe('error');
    expect(st().notice?.text).toMatch(/^The link could not be opened: .+ Your own lab is unchanged\.$/);
    expect(sameLab(labOf(st()), mine)).toBe(true);
    expect(st().previousLab).toBeNull();
  });

  it('an unreadable save is kept aside, said so, and the app starts from the default lab', () => {
    const storage = memoryStorage();
    storage.items.set(STORAGE_KEYS.lab, '{"version": 3, "nodes": [');
    const { store, st } = fresh();
    openInitialLab(store, storage, '');
    expect(st().notice?.text).toMatch(/Your saved lab could not be read/);
    expect(storage.items.get(STORAGE_KEYS.unreadable)).toBe('{"version": 3, "nodes": [');
    expect(st().graph).toEqual(defaultGraph());
  });

  it('a link pasted into an open tab (hashchange) opens too', () => {
    const storage = memoryStorage();
    const { store, st } = fresh();
    st().setParam('dense1', 'units', 7);
    const shared = editedLab();
    expect(openLabFromHash(store, storage, `#lab=${encodeLab(shared)}`)).toBe(true);
    expect(sameLab(labOf(st()), shared)).toBe(true);
    expect(st().previousLab?.graph.nodes.find((n) => n.id === 'dense1')?.params.units).toBe(7);
    expect(openLabFromHash(store, storage, '#other')).toBe(false);
  });
});

describe('share, export, import', () => {
  it('makes a link whose lab is the current one', () => {
    const { store, st } = fresh();
    st().setData({ dataset: 'moons', seed: 9 });
    const made = makeShareLink(store, 'http://x.test/app/?backend=cpu');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.link.startsWith('http://x.test/app/?backend=cpu#lab=')).toBe(true);
    const other = fresh();
    openLabFromHash(other.store, memoryStorage(), made.link.slice(made.link.indexOf('#')));
    expect(sameLab(labOf(other.st()), labOf(st()))).toBe(true);
  });

  it('refuses to share a lab nobody could open (too many nodes)', () => {
    const { store, st } = fresh();
    for (let i = 0; i < 200; i++) st().addNode('dense', { x: i, y: 0 });
    const made = makeShareLink(store, 'http://x.test/');
    expect(made.ok).toBe(false);
    expect(!made.ok && made.error).toMatch(/cannot be shared yet/);
  });

  it('export then import gives the same lab, keeps mine one click away and carries weights', () => {
    const a = fresh();
    a.st().setParam('bn1', 'momentum', 0.5);
    const weights = { dense1: { kernel: Array.from({ length: 16 }, (_, i) => i / 10) } };
    const file = exportLabText(a.store, weights);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const b = fresh();
    const mine = labOf(b.st());
    const result = importLabText(b.store, memoryStorage(), file.text, 'lab.json');
    expect(result.ok).toBe(true);
    expect(sameLab(labOf(b.st()), labOf(a.st()))).toBe(true);
    expect(b.st().pendingWeights).toEqual(weights);
    expect(b.st().previousLab && sameLab(b.st().previousLab as never, mine)).toBe(true);
    expect(b.st().notice?.text).toBe('Opened “lab.json”.');
  });

  it('a file that is not JSON gets one message naming the file, and changes nothing', () => {
    const { store, st } = fresh();
    st().setParam('dense1', 'units', 3);
    const before = labOf(st());
    const result = importLabText(store, memoryStorage(), '\u0089PNG\r\n binary', 'photo.png');
    expect(result.ok).toBe(false);
    expect(st().notice?.text).toMatch(/^“photo\.png” could not be opened: .+ Your lab is unchanged\.$/);
    expect(sameLab(labOf(st()), before)).toBe(true);
  });
});

describe('a lab from someone else does not choose my backend', () => {
  it("a link made on wasm opens on the receiver's own choice (auto); the autosave keeps mine", () => {
    const storage = memoryStorage();
    const shared = { ...labOf(fresh().st()), backendPref: 'wasm' as const };
    const { store, st } = fresh();
    openInitialLab(store, storage, `#lab=${encodeLab(shared)}`);
    expect(st().backendPref).toBe('auto');
    // My own saved lab is mine: its backend comes back.
    storage.items.set(STORAGE_KEYS.lab, labToJson({ ...labOf(st()), backendPref: 'cpu' }));
    const again = fresh();
    openInitialLab(again.store, storage, '');
    expect(again.st().backendPref).toBe('cpu');
  });

  it('a file keeps my backend, and its weights come with the step they were trained to', () => {
    const a = fresh();
    a.st().setBackendPref('wasm');
    a.st().applyMetrics({
      step: 412,
      epoch: 3,
      batchLoss: 0.1,
      trainLoss: 0.1,
      testLoss: 0.1,
      testAccuracy: 1,
      testR2: null,
      stepsPerSecond: 0,
      samplesPerSecond: 0,
    });
    const weights = { dense1: { kernel: Array.from({ length: 16 }, (_, i) => i / 10) } };
    const file = exportLabText(a.store, weights);
    if (!file.ok) throw new Error(file.error);
    expect(JSON.parse(file.text).weightsStep).toBe(412);
    const b = fresh();
    importLabText(b.store, memoryStorage(), file.text, 'lab.json');
    expect(b.st().backendPref).toBe('auto');
    expect(b.st().pendingWeightsStep).toBe(412);
  });

  it('a file with a bad weightsStep is refused with a message naming it', () => {
    const a = fresh();
    const file = exportLabText(a.store, { dense1: { kernel: Array.from({ length: 16 }, () => 0) } });
    if (!file.ok) throw new Error(file.error);
    const bad = JSON.stringify({ ...JSON.parse(file.text), weightsStep: -3 });
    const b = fresh();
    const result = importLabText(b.store, memoryStorage(), bad, 'lab.json');
    expect(result.ok).toBe(false);
    expect(b.st().notice?.text).toMatch(/weightsStep.*whole number/);
  });
});
