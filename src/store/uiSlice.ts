import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Increments on each notice, so the same text twice still re-announces. */
  readonly id: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface UiSlice {
  notice: Notice | null;
  logScale: boolean;
  /** Measured sizes of canvas nodes (React Flow needs them back on every node it is given). */
  measured: Readonly<Record<string, Size>>;
  setMeasured: (id: string, size: Size) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismissNotice: () => void;
  setLogScale: (on: boolean) => void;
  /** Presenter view: large text, thick chart lines, colour-blind-safe colours, fewer controls. */
  presenter: boolean;
  /** The analysis panel that was open when presenter view collapsed the dock (reopened on leaving it). */
  panelBeforePresenter: AppState['openPanel'];
  /**
   * Turns presenter view on or off. On: the analysis dock collapses to its tab strip. Off: the panel
   * it collapsed comes back if the dock is still collapsed.
   */
  setPresenter: (on: boolean) => void;
  /** Whether the keyboard-shortcuts dialog is open. */
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  notice: null,
  logScale: true,
  measured: {},
  setMeasured: (id, size) => set({ measured: { ...get().measured, [id]: size } }),
  notify: (kind, text) => set({ notice: { kind, text, id: (get().notice?.id ?? 0) + 1 } }),
  dismissNotice: () => set({ notice: null }),
  setLogScale: (logScale) => set({ logScale }),
  presenter: false,
  panelBeforePresenter: null,
  setPresenter: (on) => {
    const s = get();
    if (on === s.presenter) return;
    if (on) set({ presenter: true, panelBeforePresenter: s.openPanel, openPanel: null });
    else
      set({ presenter: false, panelBeforePresenter: null, openPanel: s.openPanel ?? s.panelBeforePresenter });
  },
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
