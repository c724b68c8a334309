import { describe, expect, it } from 'vitest';
import type { LabStorage } from '../src/store/autosave';
import { connectPresenterSetting, PRESENTER_KEY } from '../src/store/presenterSetting';
import { createAppStore } from '../src/store/store';

/** An in-memory storage; `failWrites`/`failReads` make it throw like a full or blocked one. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: LabStorage & { items: Map<string, string>; failWrites: boolean; failReads: boolean } = {
    items,
    failWrites: false,
    failReads: false,
    getItem: (k) => {
      if (storage.failReads) throw new Error('SecurityError: blocked');
      return items.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (storage.failWrites) throw new Error('QuotaExceededError');
      items.set(k, v);
    },
  };
  return storage;
}

describe('presenter view in the ui slice', () => {
  it('is off at first', () => {
    expect(createAppStore().getState().presenter).toBe(false);
  });

  it('collapses the analysis dock on entering, and reopens the same panel on leaving', () => {
    const store = createAppStore();
    store.getState().setOpenPanel('warp');
    store.getState().setPresenter(true);
    expect(store.getState()).toMatchObject({ presenter: true, openPanel: null });
    store.getState().setPresenter(false);
    expect(store.getState()).toMatchObject({ presenter: false, openPanel: 'warp' });
  });

  it('leaves a panel opened during presenter view open on leaving it', () => {
    const store = createAppStore();
    store.getState().setOpenPanel('distributions');
    store.getState().setPresenter(true);
    store.getState().setOpenPanel('batch');
    store.getState().setPresenter(false);
    expect(store.getState().openPanel).toBe('batch');
  });

  it('ignores a repeated request (the dock is not collapsed twice, nothing is forgotten)', () => {
    const store = createAppStore();
    store.getState().setOpenPanel('affine');
    store.getState().setPresenter(true);
    store.getState().setPresenter(true);
    store.getState().setPresenter(false);
    expect(store.getState().openPanel).toBe('affine');
  });
});

describe('connectPresenterSetting', () => {
  it('turns presenter view on when it was on last time', () => {
    const store = createAppStore();
    connectPresenterSetting(store, memoryStorage({ [PRESENTER_KEY]: '1' }));
    expect(store.getState().presenter).toBe(true);
  });

  it('starts in the normal view for "0", nothing, or a value it does not know', () => {
    for (const saved of ['0', undefined, 'true', '', '{"on":1}']) {
      const store = createAppStore();
      connectPresenterSetting(store, memoryStorage(saved === undefined ? {} : { [PRESENTER_KEY]: saved }));
      expect(store.getState().presenter, String(saved)).toBe(false);
    }
  });

  it('remembers each change, and stops when disconnected', () => {
    const store = createAppStore();
    const storage = memoryStorage();
    const disconnect = connectPresenterSetting(store, storage);
    expect(storage.items.has(PRESENTER_KEY)).toBe(false);
    store.getState().setPresenter(true);
    expect(storage.items.get(PRESENTER_KEY)).toBe('1');
    store.getState().setPresenter(false);
    expect(storage.items.get(PRESENTER_KEY)).toBe('0');
    disconnect();
    store.getState().setPresenter(true);
    expect(storage.items.get(PRESENTER_KEY)).toBe('0');
  });

  it('keeps working when storage is blocked or full', () => {
    const store = createAppStore();
    const storage = memoryStorage({ [PRESENTER_KEY]: '1' });
    storage.failReads = true;
    storage.failWrites = true;
    connectPresenterSetting(store, storage);
    expect(store.getState().presenter).toBe(false);
    store.getState().setPresenter(true);
    expect(store.getState().presenter).toBe(true);
    expect(storage.items.get(PRESENTER_KEY)).toBe('1');
  });
});
