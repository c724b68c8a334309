import type { StateCreator } from 'zustand';
import { type ClassOptions, CURRENT_VERSION, type Lab, type LabWeights, labToJson } from '../share';
import { generateFor } from './dataSlice';
import type { AppState } from './types';

export interface LabSlice {
  /** The lab this one replaced when a link was opened or a file imported: one click brings it back. */
  previousLab: Lab | null;
  /** Trained weights from an imported file (or the autosave), put into the model once it is built. */
  pendingWeights: LabWeights | null;
  /** The step those weights were trained to, when known (shown as the run's step). */
  pendingWeightsStep: number | null;
  /** The share link last made, shown for copying by hand. */
  shareLink: string | null;
  /** The locks and hidden sections of a class link (null: an ordinary lab, nothing locked). */
  classroom: ClassOptions | null;
  /** "Make my own copy": the same lab with every lock and hidden section dropped. */
  makeOwnCopy: () => void;
  /**
   * Replaces the whole lab (graph, data, hyperparameters, backend, panels). `keepPrevious` keeps
   * the current lab one click away ("Restore my previous lab") when it differs.
   */
  loadLab: (lab: Lab, options?: LoadLabOptions) => void;
  setPreviousLab: (lab: Lab | null) => void;
  /** Weights to put into the current model once it is built (a reload's kept weights). */
  setPendingWeights: (weights: LabWeights, step: number | null) => void;
  takePendingWeights: () => { weights: LabWeights; step: number | null } | null;
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
    classroom: s.classroom,
  };
}

/** True when two labs would save the same (same nodes, positions, edges and settings). */
export function sameLab(a: Lab, b: Lab): boolean {
  return labToJson(a) === labToJson(b);
}

export interface LoadLabOptions {
  /** Keep the current lab one click away ("Restore my previous lab") when it differs. */
  readonly keepPrevious?: boolean;
  /** Trained weights to put into the model once built, and the step they were trained to. */
  readonly weights?: LabWeights | null;
  readonly weightsStep?: number | null;
  /**
   * Keep this browser's backend choice instead of the lab's: where a lab comes from someone else
   * (a link, a file), where tfjs computes is the receiver's choice, not the sharer's.
   */
  readonly keepBackend?: boolean;
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => ({
  previousLab: null,
  pendingWeights: null,
  pendingWeightsStep: null,
  shareLink: null,
  classroom: null,
  loadLab: (lab, options = {}) => {
    const current = labOf(get());
    const keep = options.keepPrevious && !sameLab(current, lab) ? current : get().previousLab;
    // Set directly, not through setData: a lab replaces a locked one too.
    const data = { ...lab.data };
    set({
      data,
      dataset: generateFor(data, get().tables),
      graph: lab.graph,
      selectedNodeId: null,
      selectedEdgeId: null,
      hyper: lab.hyper,
      backendPref: options.keepBackend ? get().backendPref : lab.backendPref,
      openPanel: lab.panels.open,
      distMode: lab.panels.distMode,
      previousLab: keep,
      pendingWeights: options.weights ?? null,
      pendingWeightsStep: options.weights ? (options.weightsStep ?? null) : null,
      shareLink: null,
      classroom: lab.classroom,
    });
  },
  makeOwnCopy: () => {
    if (!get().classroom) return;
    set({ classroom: null });
    get().notify(
      'info',
      'This is your own copy now: nothing is locked. The class link still opens the original.',
    );
  },
  setPreviousLab: (previousLab) => set({ previousLab }),
  setPendingWeights: (pendingWeights, pendingWeightsStep) => set({ pendingWeights, pendingWeightsStep }),
  takePendingWeights: () => {
    const { pendingWeights: weights, pendingWeightsStep: step } = get();
    if (!weights) return null;
    set({ pendingWeights: null, pendingWeightsStep: null });
    return { weights, step };
  },
  setShareLink: (shareLink) => set({ shareLink }),
});
