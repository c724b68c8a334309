/**
 * Plain-data props of the charts, kept apart from the charts themselves so that the main bundle
 * can name them without loading recharts (the charts load in their own chunk: loadCharts.ts).
 */

/** One point of the loss chart: the step, the mean train loss since the last point (if any), the test loss. */
export interface LossPointData {
  readonly step: number;
  readonly train: number | null;
  readonly test: number;
  /** Test accuracy at this step (null or absent for regression). */
  readonly accuracy?: number | null;
}

/** A point of a curve: x (the step) and y (the value). */
export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** A pinned run's curve, drawn beside the live one: its name, colour and points. */
export interface RunCurve {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly points: readonly CurvePoint[];
}

/** A stretch of the x axis to shade (e.g. ReLU's dead region x < 0); ends may be ±Infinity. */
export interface ShadedRegion {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** One column of the strip plot: a short label ("class 0", "n=4") and the values measured for it. */
export interface SpreadGroup {
  readonly label: string;
  readonly values: readonly number[];
}
