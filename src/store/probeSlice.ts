import type { StateCreator } from 'zustand';
import type { GraphNode } from '../graph/types';
import type {
  AffineReport,
  BatchDependenceReport,
  DistributionReport,
  ProbeMode,
  ProbeRequest,
  TrainEvent,
  WarpReport,
} from '../train/protocol';
import { isPanelCandidate } from './panelNodes';
import type { AppState } from './types';

/** The analysis panels, shown one at a time under the canvas ('runs': the pinned runs, no probe). */
export type PanelId = 'distributions' | 'affine' | 'batch' | 'warp' | 'health' | 'runs';
/** Panels that show one node at a time (the affine map and training health are about the whole network; runs about none). */
export type NodePanel = Exclude<PanelId, 'affine' | 'health' | 'runs'>;

export type ProbeEvent = Extract<
  TrainEvent,
  { type: 'distributions' | 'affine' | 'batchDependence' | 'warp' | 'probeError' }
>;

export interface ProbeSlice {
  /** The open analysis panel, or null when the dock is hidden. */
  openPanel: PanelId | null;
  distMode: ProbeMode;
  /** The unit the distributions show, or 'pooled' for all units together. */
  distUnit: number | 'pooled';
  /** The node each panel was last pointed at (by a click on the canvas or its own picker). */
  focus: Readonly<Record<NodePanel, string | null>>;
  /** The point whose batch dependence is shown, in input coordinates. */
  batchPoint: readonly [number, number];
  batchUnit: number;
  distributions: DistributionReport | null;
  affine: AffineReport | null;
  batch: BatchDependenceReport | null;
  warp: WarpReport | null;
  probeErrors: Readonly<Partial<Record<keyof ProbeRequest, string>>>;
  setOpenPanel: (panel: PanelId | null) => void;
  setDistMode: (mode: ProbeMode) => void;
  setDistUnit: (unit: number | 'pooled') => void;
  focusNode: (panel: NodePanel, id: string) => void;
  /** A node clicked on the canvas: every panel that can show it turns to it. */
  focusFromCanvas: (node: GraphNode) => void;
  setBatchPoint: (point: readonly [number, number]) => void;
  setBatchUnit: (unit: number) => void;
  /** Called by the bridge with the worker's probe reports. */
  applyProbeEvent: (e: ProbeEvent) => void;
  clearProbes: () => void;
}

export const DEFAULT_BATCH_POINT: readonly [number, number] = [1.5, 1];

const NO_REPORTS = { distributions: null, affine: null, batch: null, warp: null, probeErrors: {} };

export const createProbeSlice: StateCreator<AppState, [], [], ProbeSlice> = (set, get) => ({
  openPanel: 'distributions',
  distMode: 'inference',
  distUnit: 'pooled',
  focus: { distributions: null, batch: null, warp: null },
  batchPoint: DEFAULT_BATCH_POINT,
  batchUnit: 0,
  ...NO_REPORTS,
  setOpenPanel: (openPanel) => set({ openPanel }),
  setDistMode: (distMode) => set({ distMode }),
  setDistUnit: (distUnit) => set({ distUnit }),
  focusNode: (panel, id) => {
    const { focus } = get();
    if (focus[panel] === id) return;
    set({
      focus: { ...focus, [panel]: id },
      ...(panel === 'distributions' ? { distUnit: 'pooled' as const } : {}),
      ...(panel === 'batch' ? { batchUnit: 0 } : {}),
    });
  },
  focusFromCanvas: (node) => {
    for (const panel of ['distributions', 'batch', 'warp'] as const) {
      if (isPanelCandidate(panel, node)) get().focusNode(panel, node.id);
    }
  },
  setBatchPoint: (batchPoint) => set({ batchPoint }),
  setBatchUnit: (batchUnit) => set({ batchUnit }),
  applyProbeEvent: (e) => {
    switch (e.type) {
      case 'distributions':
        set({ distributions: e.report, probeErrors: { ...get().probeErrors, distributions: undefined } });
        break;
      case 'affine':
        set({ affine: e.report, probeErrors: { ...get().probeErrors, affine: undefined } });
        break;
      case 'batchDependence':
        set({ batch: e.report, probeErrors: { ...get().probeErrors, batch: undefined } });
        break;
      case 'warp':
        set({ warp: e.report, probeErrors: { ...get().probeErrors, warp: undefined } });
        break;
      case 'probeError':
        set({ probeErrors: { ...get().probeErrors, [e.probe]: e.message } });
        break;
    }
  },
  clearProbes: () => {
    set(NO_REPORTS);
    get().clearHealth();
  },
});
