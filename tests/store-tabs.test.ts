import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { labToJson } from '../src/share';
import { connectAutosave, type LabStorage, readSaved, STORAGE_KEYS } from '../src/store/autosave';
import { openInitialLab, restorePreviousLab } from '../src/store/labActions';
import { labDifferences } from '../src/store/labDifferences';
import { labOf, sameLab } from '../src/store/labSlice';
import { connectOtherTabs, keepMyLab, loadOtherTabLab, type StorageEvents } from '../src/store/otherTabs';
import { createAppStore } from '../src/store/store';
import { connectWeightsAutosave, WEIGHTS_KEY } from '../src/store/weightsAutosave';

type Listener = Parameters<StorageEvents>[0];

/**
 * One browser's localStorage shared by several tabs. As in browsers, a write that changes a value
 * fires the `storage` event in every other tab, never in the one that wrote, and not at all when
 * the value is the same.
 */
function fakeBrowser() {
  const items = new Map<string, string>();
  const tabs: { listeners: Set<Listener> }[] = [];
  const openTab = () => {
    const self = { listeners: new Set<Listener>() };
    tabs.push(self);
    const storage: LabStorage = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (items.get(k) === v) return;
        items.set(k, v);
        for (const t of tabs) if (t !== self) for (const l of t.listeners) l(k, v);
      },
    };
    const events: StorageEvents = (listener) => {
      self.listeners.add(listener);
      return () => self.listeners.delete(listener);
    };
    const store = createAppStore();
    openInitialLab(store, storage, '');
    const autosave = connectAutosave(store, storage, 300);
    const disconnect = connectOtherTabs(store, events);
    return { store, st: () => store.getState(), storage, autosave, disconnect };
  };
  return { items, openTab };
}

const savedLab = (items: Map<string, string>, key: string = STORAGE_KEYS.lab) => {
  const read = readSaved({ getItem: (k) => items.get(k) ?? null, setItem: () => {} }, key);
  if (!read?.ok) throw new Error(`nothing readable under ${key}`);
  return read.lab;
};

describe('two tabs editing the same lab', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a second tab opened on the same lab raises no question in the first', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    a.st().setData({ dataset: 'moons' });
    vi.advanceTimersByTime(300);
    const b = browser.openTab();
    vi.advanceTimersByTime(300);
    expect(b.st().data.dataset).toBe('moons');
    expect(a.st().otherTabLab).toBeNull();
    expect(b.st().otherTabLab).toBeNull();
  });

  it('another tab saving a different lab is held in this tab, and this tab stops saving over it', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    b.st().setData({ dataset: 'xor' });
    vi.advanceTimersByTime(300);
    const theirs = labOf(b.st());
    expect(a.st().otherTabLab && sameLab(a.st().otherTabLab as never, theirs)).toBe(true);
    expect(a.st().data.dataset).toBe('circle'); // nothing changed on screen by itself
    // A keeps working: its edits go under "previous", the other tab's save stays the lab.
    a.st().setParam('dense1', 'units', 5);
    vi.advanceTimersByTime(300);
    expect(sameLab(savedLab(browser.items), theirs)).toBe(true);
    expect(sameLab(savedLab(browser.items, STORAGE_KEYS.previous), labOf(a.st()))).toBe(true);
    // B hears nothing from A meanwhile (A wrote only under "previous").
    expect(b.st().otherTabLab).toBeNull();
  });

  it('the question goes when the other tab comes back to the same lab', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    b.st().setData({ dataset: 'xor' });
    vi.advanceTimersByTime(300);
    expect(a.st().otherTabLab).not.toBeNull();
    b.st().setData({ dataset: 'circle' });
    vi.advanceTimersByTime(300);
    expect(a.st().otherTabLab).toBeNull();
  });

  it('"Keep mine" saves this tab\'s lab, and the other tab is then asked the same question', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    b.st().setData({ dataset: 'xor' });
    vi.advanceTimersByTime(300);
    a.st().setHyper({ learningRate: 0.1 });
    vi.advanceTimersByTime(300);
    keepMyLab(a.store, a.storage);
    expect(a.st().otherTabLab).toBeNull();
    expect(sameLab(savedLab(browser.items), labOf(a.st()))).toBe(true);
    expect(a.st().notice?.text).toMatch(/^Kept the lab of this tab and saved it\./);
    // B still has its own lab on screen and is asked, with what differs.
    expect(b.st().data.dataset).toBe('xor');
    const asked = b.st().otherTabLab;
    expect(asked && sameLab(asked, labOf(a.st()))).toBe(true);
    expect(labDifferences(labOf(b.st()), asked as never)).toEqual(['dataset Circle', 'learning rate 0.1']);
    // A saves normally again.
    a.st().setParam('dense1', 'units', 3);
    vi.advanceTimersByTime(300);
    expect(savedLab(browser.items).graph.nodes.find((n) => n.id === 'dense1')?.params.units).toBe(3);
  });

  it('"Load its version" opens the other lab and keeps mine one click away, across a reload too', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    a.st().setParam('dense1', 'units', 5);
    vi.advanceTimersByTime(300);
    b.st().setData({ dataset: 'spiral' }); // b already had a's lab: asked first
    expect(b.st().otherTabLab).not.toBeNull();
    loadOtherTabLab(b.store, b.storage);
    expect(b.st().otherTabLab).toBeNull();
    expect(sameLab(labOf(b.st()), labOf(a.st()))).toBe(true);
    const mine = b.st().previousLab;
    expect(mine?.data.dataset).toBe('spiral');
    expect(b.st().notice?.text).toBe(
      'Loaded the lab the other tab saved. Yours is one click away: “Restore my previous lab”.',
    );
    expect(savedLab(browser.items, STORAGE_KEYS.previous).data.dataset).toBe('spiral');
    vi.advanceTimersByTime(300);
    expect(a.st().otherTabLab).toBeNull(); // B loaded A's lab: nothing new for A
    // Restore brings B's own lab back (A is then asked, as for any change).
    restorePreviousLab(b.store, b.storage);
    expect(b.st().data.dataset).toBe('spiral');
    vi.advanceTimersByTime(300);
    expect(a.st().otherTabLab?.data.dataset).toBe('spiral');
  });

  it('a tab closed before choosing loses nothing: the next visit offers its lab as the previous one', () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    b.st().setData({ dataset: 'xor' });
    vi.advanceTimersByTime(300);
    a.st().setParam('dense1', 'units', 12);
    a.autosave.flush(); // pagehide
    a.disconnect();
    const next = browser.openTab();
    expect(next.st().data.dataset).toBe('xor');
    expect(next.st().previousLab?.graph.nodes.find((n) => n.id === 'dense1')?.params.units).toBe(12);
  });

  it('other keys, removed keys and unreadable saves are not a question', () => {
    let emit: Listener = () => {};
    const store = createAppStore();
    connectOtherTabs(store, (l) => {
      emit = l;
      return () => {};
    });
    const other = labToJson({
      ...labOf(store.getState()),
      hyper: { ...labOf(store.getState()).hyper, l2: 0.01 },
    });
    emit(STORAGE_KEYS.previous, other);
    emit(STORAGE_KEYS.lab, null);
    emit(null, null);
    emit(STORAGE_KEYS.lab, '{"version": 3, "nodes": [');
    expect(store.getState().otherTabLab).toBeNull();
    emit(STORAGE_KEYS.lab, other);
    expect(store.getState().otherTabLab?.hyper.l2).toBe(0.01);
  });

  it("no trained weights are written while the other tab's lab waits for a choice", async () => {
    const browser = fakeBrowser();
    const a = browser.openTab();
    const b = browser.openTab();
    browser.items.set(WEIGHTS_KEY, "the other tab's weights");
    b.st().setData({ dataset: 'xor' });
    vi.advanceTimersByTime(300);
    const read = vi.fn(async () => ({ dense1: { kernel: [1, 2] } }));
    connectWeightsAutosave(a.store, a.storage, read, 0, () => 0);
    a.st().applyMetrics({
      step: 5,
      epoch: 0,
      batchLoss: 1,
      trainLoss: 1,
      testLoss: 1,
      testAccuracy: 0.5,
      testR2: null,
      stepsPerSecond: 0,
      samplesPerSecond: 0,
    });
    await vi.runAllTimersAsync();
    expect(read).not.toHaveBeenCalled();
    expect(browser.items.get(WEIGHTS_KEY)).toBe("the other tab's weights");
  });
});

describe('labDifferences: what the banner says the other lab changed', () => {
  const base = () => labOf(createAppStore().getState());
  it('names the dataset, the node count and the learning rate', () => {
    const mine = base();
    const theirs = {
      ...mine,
      data: { ...mine.data, dataset: 'xor' as const },
      graph: { ...mine.graph, nodes: mine.graph.nodes.slice(0, 7) },
      hyper: { ...mine.hyper, learningRate: 0.1 },
    };
    expect(labDifferences(mine, theirs)).toEqual([
      'dataset XOR',
      '7 nodes instead of 8',
      'learning rate 0.1',
    ]);
  });
  it('tells a moved node from a changed one, and other settings from none', () => {
    const mine = base();
    const moved = mine.graph.nodes.map((n) => (n.id === 'bn1' ? { ...n, position: { x: 999, y: 9 } } : n));
    expect(labDifferences(mine, { ...mine, graph: { ...mine.graph, nodes: moved } })).toEqual([
      'nodes moved',
    ]);
    const wider = mine.graph.nodes.map((n) =>
      n.id === 'dense1' ? { ...n, params: { ...n.params, units: 3 } } : n,
    );
    expect(labDifferences(mine, { ...mine, graph: { ...mine.graph, nodes: wider } })).toEqual([
      'a changed graph',
    ]);
    expect(labDifferences(mine, { ...mine, data: { ...mine.data, seed: 9 } })).toEqual([
      'other data settings',
    ]);
    expect(labDifferences(mine, { ...mine, hyper: { ...mine.hyper, batchSize: 8 } })).toEqual([
      'other training settings',
    ]);
    expect(labDifferences(mine, { ...mine, backendPref: 'cpu' })).toEqual(['other settings']);
  });
});
