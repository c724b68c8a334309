import type { Lab } from '../share/lab';

/** The point the Batch dependence panel probes by default (the app's DEFAULT_BATCH_POINT). */
export const DEFAULT_PROBE_POINT: readonly [number, number] = [1.5, 1];

/**
 * What a lesson asks the training worker for: the same shape as ProbeRequest in
 * src/train/probeTypes.ts (lessons may not import train/), so it can be passed to setProbes as is.
 */
export interface LessonProbeRequest {
  readonly distributions: { readonly nodeId: string; readonly mode: 'inference' | 'training' } | null;
  readonly affine: boolean;
  readonly batch: {
    readonly nodeId: string;
    readonly unit: number;
    readonly point: readonly [number, number];
  } | null;
  readonly warp: { readonly nodeId: string } | null;
  /** Training health sampled while training (the Training health panel). */
  readonly health: boolean;
}

/**
 * The probe of a lab's open panel pointed at `focusNodeId`: what the app computes while that
 * panel is open and that node is picked. Node panels without a focus node ask for nothing (the
 * app would pick its own default node).
 */
export function probeRequestFor(
  lab: Lab,
  focusNodeId: string | null,
  point: readonly [number, number] = DEFAULT_PROBE_POINT,
): LessonProbeRequest {
  const none: LessonProbeRequest = {
    distributions: null,
    affine: false,
    batch: null,
    warp: null,
    health: false,
  };
  const panel = lab.panels.open;
  if (panel === 'affine') return { ...none, affine: true };
  if (panel === 'health') return { ...none, health: true };
  if (focusNodeId === null || panel === null) return none;
  if (panel === 'distributions')
    return { ...none, distributions: { nodeId: focusNodeId, mode: lab.panels.distMode } };
  if (panel === 'batch') return { ...none, batch: { nodeId: focusNodeId, unit: 0, point } };
  return { ...none, warp: { nodeId: focusNodeId } };
}
