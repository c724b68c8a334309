import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng, shuffledIndices } from '../lib/rng';

/**
 * Mini-batches of the training set: shuffled once per epoch with a single gather, so each step
 * is a cheap slice. The same seed gives the same batches. Owns its epoch tensors.
 */
export class BatchStream {
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private epochX: tf.Tensor2D | null = null;
  private epochY: tf.Tensor2D | null = null;
  /** Forces a shuffle on the first batch. */
  private cursor = Number.POSITIVE_INFINITY;
  /** Completed epochs. */
  epochs = 0;

  constructor(
    private readonly x: tf.Tensor2D,
    private readonly y: tf.Tensor2D,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.order = new Int32Array(x.shape[0]);
  }

  /** The next batch of `size` rows (call inside tf.tidy: the slices belong to the caller's scope). */
  next(size: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
    const n = this.x.shape[0];
    if (this.cursor + size > n) {
      if (this.epochX) this.epochs++;
      this.dispose();
      shuffledIndices(n, this.rng, this.order);
      const idx = tf.tensor1d(this.order, 'int32');
      // Kept past the caller's tidy until the next shuffle.
      this.epochX = tf.keep(tf.gather(this.x, idx) as tf.Tensor2D);
      this.epochY = tf.keep(tf.gather(this.y, idx) as tf.Tensor2D);
      idx.dispose();
      this.cursor = 0;
    }
    const start = this.cursor;
    this.cursor += size;
    const ex = this.epochX as tf.Tensor2D;
    const ey = this.epochY as tf.Tensor2D;
    return {
      x: tf.slice(ex, [start, 0], [size, ex.shape[1]]),
      y: tf.slice(ey, [start, 0], [size, ey.shape[1]]),
    };
  }

  dispose(): void {
    tf.dispose([this.epochX, this.epochY].filter((t): t is tf.Tensor2D => t !== null));
    this.epochX = null;
    this.epochY = null;
  }
}
