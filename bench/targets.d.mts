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
  /** 'ms', '%' or '' (a plain number or a text). */
  unit: string;
  /** Measured, but the pairs straddle the line: neither pass nor miss. */
  close?: boolean;
}
export const VERDICT_COVERAGE: number;
export function pairTarget(
  id: string,
  label: string,
  median: number | null,
  pairs: readonly number[] | undefined,
): Target;
export function autoOverWorst(workload: unknown): { backend: string; ratio: number | null } | null;
export function evaluateTargets(results: unknown): Target[];
export const LONG_LIMITS: {
  bigFrameP95Ms: number;
  pauseMs: number;
  refreshShare: number;
  editorMs: number;
  heapDrift: number;
  domDrift: number;
};
export function longRunTargets(results: unknown): Target[];
