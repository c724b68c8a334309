import type { StateCreator } from 'zustand';
import { CURRENT_VERSION, type Lab, type LabWeights, labToJson } from '../share';
import type { AppState } from './types';

export interface LabSlice {
  /** The lab this one replaced when a link was opened or a file imported: one click brings it back. */
  previousLab: Lab | null;
  /** Trained weights from an imported file, put into the model once it is built. */
  pendingWeights: LabWeights | null;
  /** The share link last made, shown for copying by hand. */
  shareLink: string | null;
  /**
   * Replaces the whole lab (graph, data, hyperparameters, backend, panels). `keepPrevious` keeps
   * the current lab one click away ("Restore my previous lab") when it differs.
   */
  loadLab: (lab: Lab, options?: { keepPrevious?: boolean; weights?: LabWeights | null }) => void;
  setPreviousLab: (lab: Lab | null) => void;
  takePendingWeights: () => LabWeights | null;
  setShareLink: (link: string | null) => void;
}

/** The current lab, as saved, shared and exported. */
export function labOf(s: AppState): Lab {
  return {
    version: CURRENT_VERSION,
    graph: s.graph,
    data: s.data,
    hyper: s.hyper,
    backendPref: s.backendPref,
    panels: { open: s.openPanel, distMode: s.distMode },
  };
}

/** True when two labs would save the same (same nodes, positions, edges and settings). */
export function sameLab(a: Lab, b: Lab): boolean {
  return labToJson(a) === labToJson(b);
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => ({
  previousLab: null,
  pendingWeights: null,
  shareLink: null,
  loadLab: (lab, options = {}) => {
    const current = labOf(get());
    const keep = options.keepPrevious && !sameLab(current, lab) ? current : get().previousLab;
    get().setData(lab.data);
    set({
      graph: lab.graph,
      selectedNodeId: null,
      selectedEdgeId: null,
      hyper: lab.hyper,
      backendPref: lab.backendPref,
      openPanel: lab.panels.open,
      distMode: lab.panels.distMode,
      previousLab: keep,
      pendingWeights: options.weights ?? null,
      shareLink: null,
    });
  },
  setPreviousLab: (previousLab) => set({ previousLab }),
  takePendingWeights: () => {
    const w = get().pendingWeights;
    if (w) set({ pendingWeights: null });
    return w;
  },
  setShareLink: (shareLink) => set({ shareLink }),
});
