// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OtherTabBanner } from '../src/components/storage/OtherTabBanner';
import { StorageProblemBanner } from '../src/components/storage/StorageProblemBanner';
import { defaultGraph } from '../src/graph/defaultGraph';
import { labFromJson } from '../src/share';
import { connectAutosave, STORAGE_KEYS } from '../src/store/autosave';
import { browserStorage } from '../src/store/browserStorage';
import { labOf } from '../src/store/labSlice';
import { appStore } from '../src/store/store';

const st = () => appStore.getState();
const reset = () => {
  localStorage.clear();
  st().loadLab({ ...labOf(st()), graph: defaultGraph(), data: { ...st().data, dataset: 'circle' } });
  st().setOtherTabLab(null);
  st().setStorageProblem(null);
  st().setPreviousLab(null);
  st().dismissNotice();
};
beforeEach(reset);
afterEach(() => {
  cleanup();
  reset();
});

describe('storage blocked or full: said at once, plainly', () => {
  it('a browser that refuses localStorage: the first save says that nothing will be kept', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const autosave = connectAutosave(appStore, browserStorage());
      render(<StorageProblemBanner />);
      expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
      act(() => autosave.saveNow());
      const banner = screen.getByRole('region', { name: 'Storage' });
      expect(within(banner).getByRole('alert').textContent).toBe(
        'This browser does not let NormLab keep anything here, so your work will not be kept after you close this tab: use Export → Lab file to keep a copy. (The browser says: The operation is insecure.)',
      );
      // Once: a dismissed banner does not come back on the next failing save.
      fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
      expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
      act(() => st().setParam('dense1', 'units', 3));
      act(() => autosave.saveNow());
      expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
      autosave.disconnect();
    } finally {
      if (real) Object.defineProperty(window, 'localStorage', real);
    }
  });
});

describe('another tab saved a different lab', () => {
  const otherTabSaves = (dataset: 'xor' | 'moons') => {
    // The other tab's lab: this dataset, and the default learning rate (0.03).
    const lab = {
      ...labOf(st()),
      data: { ...st().data, dataset },
      hyper: { ...st().hyper, learningRate: 0.03 },
    };
    act(() => st().setOtherTabLab(lab));
    return lab;
  };

  it('says what differs and offers both labs by role and name', () => {
    render(<OtherTabBanner />);
    expect(screen.queryByRole('region', { name: 'Another tab' })).toBeNull();
    otherTabSaves('xor');
    const banner = screen.getByRole('region', { name: 'Another tab' });
    expect(within(banner).getByRole('alert').textContent).toBe(
      'Another tab changed this lab (dataset XOR). Your changes here are kept aside, not saved over it, until you choose.',
    );
    // The difference follows this tab's own edits.
    act(() => st().setHyper({ learningRate: 0.2 }));
    expect(within(banner).getByRole('alert').textContent).toMatch(/\(dataset XOR; learning rate 0\.03\)/);
    expect(within(banner).getByRole('button', { name: 'Load its version' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Keep mine' })).toBeTruthy();
  });

  it('"Load its version" shows the other lab and keeps mine one click away', () => {
    render(<OtherTabBanner />);
    act(() => st().setHyper({ learningRate: 0.2 }));
    otherTabSaves('moons');
    fireEvent.click(screen.getByRole('button', { name: 'Load its version' }));
    expect(screen.queryByRole('region', { name: 'Another tab' })).toBeNull();
    expect(st().data.dataset).toBe('moons');
    expect(st().hyper.learningRate).toBe(0.03);
    expect(st().previousLab?.hyper.learningRate).toBe(0.2);
  });

  it('"Keep mine" saves this tab\'s lab to localStorage and closes the question', () => {
    render(<OtherTabBanner />);
    act(() => st().setHyper({ learningRate: 0.2 }));
    otherTabSaves('moons');
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(screen.queryByRole('region', { name: 'Another tab' })).toBeNull();
    const saved = labFromJson(localStorage.getItem(STORAGE_KEYS.lab) ?? '');
    expect(saved.ok && saved.lab.hyper.learningRate).toBe(0.2);
    expect(saved.ok && saved.lab.data.dataset).toBe('circle');
  });
});
