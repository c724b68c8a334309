/**
 * The 2-D slice through an N-feature input space that the decision boundary, the warped grid and
 * the batch-dependence point live in: two chosen features vary over the plotted square, every
 * other feature is held at its mean, which is 0 for standardized (z-scored) features. With two
 * features the slice is the whole input plane; with one, the picture varies across only.
 */

/** The features shown across and up, as indices into the network's inputs (up: -1 when there is one input). */
export type Plane = readonly [number, number];

/** Across the first feature, up the second (or nothing up, with a single feature). */
export function defaultPlane(inputDim: number): Plane {
  return inputDim >= 2 ? [0, 1] : [0, -1];
}

/** `plane` itself when it fits this input width (two different inputs, or [0, -1] for one), else the default. */
export function fitPlane(plane: Plane | null | undefined, inputDim: number): Plane {
  if (!plane) return defaultPlane(inputDim);
  const [h, v] = plane;
  if (inputDim < 2) return h === 0 && v === -1 ? plane : defaultPlane(inputDim);
  const ok = (i: number) => Number.isInteger(i) && i >= 0 && i < inputDim;
  return ok(h) && ok(v) && h !== v ? plane : defaultPlane(inputDim);
}

/** Cell centres of a size x size grid over [lo, hi]^2, as (across, up) pairs, row-major, top row first. */
export function gridPoints(size: number, domain: readonly [number, number]): Float32Array {
  const [lo, hi] = domain;
  const out = new Float32Array(size * size * 2);
  const cell = (hi - lo) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      out[2 * i] = lo + (c + 0.5) * cell;
      out[2 * i + 1] = hi - (r + 0.5) * cell;
    }
  }
  return out;
}

/**
 * Lifts (across, up) pairs into rows of `inputDim` features: input plane[0] takes the first
 * coordinate, plane[1] the second (dropped when -1), every other input `fill` (the mean).
 */
export function embedPlane(points: Float32Array, inputDim: number, plane: Plane, fill = 0): Float32Array {
  const n = points.length / 2;
  const [h, v] = plane;
  if (inputDim === 2 && h === 0 && v === 1 && fill === 0) return points;
  const out = new Float32Array(n * inputDim);
  if (fill !== 0) out.fill(fill);
  for (let i = 0; i < n; i++) {
    out[i * inputDim + h] = points[2 * i] as number;
    if (v >= 0) out[i * inputDim + v] = points[2 * i + 1] as number;
  }
  return out;
}

/** The heatmap grid as network inputs: gridPoints lifted into the slice (see embedPlane). */
export function sliceGrid(
  size: number,
  domain: readonly [number, number],
  inputDim: number,
  plane: Plane,
): Float32Array {
  return embedPlane(gridPoints(size, domain), inputDim, plane);
}

/**
 * Rows projected onto the slice, for drawing: (across, up) pairs and their targets, at most
 * `max` of them (every k-th row, so a big table draws as quickly as a small one).
 */
export function projectRows(
  x: Float32Array,
  y: Float32Array,
  inputDim: number,
  plane: Plane,
  max: number,
): { x: Float32Array; y: Float32Array } {
  const n = y.length;
  const step = Math.max(1, Math.ceil(n / max));
  const m = Math.ceil(n / step);
  const px = new Float32Array(m * 2);
  const py = new Float32Array(m);
  const [h, v] = plane;
  for (let k = 0, i = 0; i < n; i += step, k++) {
    px[2 * k] = x[i * inputDim + h] as number;
    px[2 * k + 1] = v >= 0 ? (x[i * inputDim + v] as number) : 0;
    py[k] = y[i] as number;
  }
  return { x: px, y: py };
}
