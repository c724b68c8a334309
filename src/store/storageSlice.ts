import type { StateCreator } from 'zustand';
import type { Lab } from '../share';
import type { StorageProblem } from './storageProblem';
import type { AppState } from './types';

export interface StorageSlice {
  /**
   * Why this browser cannot keep the lab (blocked or full storage); shown until dismissed, and
   * cleared by itself once a save works again.
   */
  storageProblem: StorageProblem | null;
  setStorageProblem: (problem: StorageProblem | null) => void;
  /**
   * The lab another tab saved over this one, when it differs from this tab's: until the person
   * chooses (load it, or keep this tab's), this tab's changes are kept aside, never saved over it.
   */
  otherTabLab: Lab | null;
  setOtherTabLab: (lab: Lab | null) => void;
}

export const createStorageSlice: StateCreator<AppState, [], [], StorageSlice> = (set) => ({
  storageProblem: null,
  setStorageProblem: (storageProblem) => set({ storageProblem }),
  otherTabLab: null,
  setOtherTabLab: (otherTabLab) => set({ otherTabLab }),
});
