// Types for targets.mjs (loose: the results object is plain JSON written by run.mjs).
export const LIMITS: {
  appOverBare: number;
  autoOverWorst: number;
  frameP95Ms: number;
  mainJsGzBytes: number;
  firstLoadGzBytes: number;
  trainEnabledMs: number;
  firstPaintMs: number;
  heatmapWasmMs: number;
};
export const BACKENDS: readonly string[];
export interface Target {
  id: string;
  label: string;
  value: number | string | null;
  pass: boolean | null;
  note: string;
}
export function autoOverWorst(workload: unknown): { backend: string; ratio: number | null } | null;
export function evaluateTargets(results: unknown): Target[];
