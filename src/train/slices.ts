import * as tf from '../compile/tf';
import { inferAll } from './infer';

/**
 * How many rows an inference slice takes so that it lasts about `targetMs`, learnt from the slices
 * before it: rows = targetMs / (ms per row), the cost per row a running mean of the last two
 * slices. Starts with `firstRows` rows; a slice measured as taking no time (a queued WebGL pass, a
 * tiny model under the timer's resolution) lets the next take everything that is left.
 */
export class SliceSizer {
  private msPerRow: number | null = null;

  constructor(
    private readonly targetMs: number,
    private readonly firstRows = 64,
  ) {}

  /** Rows for the next slice (at least 1; Infinity means "all that is left"). */
  rows(): number {
    if (this.msPerRow === null) return this.firstRows;
    if (this.msPerRow <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(1, Math.floor(this.targetMs / this.msPerRow));
  }

  /** A slice of `rows` rows took `ms`. */
  record(rows: number, ms: number): void {
    if (!(rows > 0) || !(ms >= 0)) return;
    const perRow = ms / rows;
    this.msPerRow = this.msPerRow === null ? perRow : (this.msPerRow + perRow) / 2;
  }
}

/** What a sliced refresh needs from its session. */
export interface SliceControl {
  readonly sizer: SliceSizer;
  readonly now: () => number;
  /** True when the refresh should be given up (training paused, the session disposed). */
  readonly stop: () => boolean;
  /** Lets queued messages (a Pause) run between slices. */
  readonly yieldNow: () => Promise<void>;
}

/** A model pass that may be given up: the output, or null when it was. */
export type StoppableInfer = (model: tf.LayersModel, x: tf.Tensor2D) => Promise<tf.Tensor | null>;

/**
 * The model's output on all rows of `x` in inference mode, computed a slice of rows at a time with
 * the event loop let in between, so that a Pause arriving during a long refresh (a 100x100 grid
 * through a big net takes seconds on WASM) is heard within a slice. Inference mode treats every
 * row on its own (BatchNorm uses its running statistics), so the rows come out as in one pass.
 * Returns null, with no tensor left behind, when `stop` says so before a slice.
 */
export async function inferInSlices(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  c: SliceControl,
): Promise<tf.Tensor | null> {
  const [n, cols] = x.shape;
  if (n === 0) return tf.tidy(() => inferAll(model, x));
  const parts: tf.Tensor[] = [];
  try {
    for (let start = 0; start < n; ) {
      if (start > 0) await c.yieldNow();
      if (c.stop()) return null;
      const rows = Math.min(c.sizer.rows(), n - start);
      const t0 = c.now();
      // On WASM and CPU the pass runs here, synchronously; WebGL only queues it (and measures ~0).
      parts.push(tf.tidy(() => inferAll(model, tf.slice(x, [start, 0], [rows, cols]))));
      c.sizer.record(rows, c.now() - t0);
      start += rows;
    }
    return parts.length === 1 ? (parts.pop() as tf.Tensor) : tf.concat(parts, 0);
  } finally {
    tf.dispose(parts);
  }
}

/** The whole of `x` in one pass, never given up. */
export const inferOnce: StoppableInfer = async (model, x) => tf.tidy(() => inferAll(model, x));
