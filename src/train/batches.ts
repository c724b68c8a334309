import * as tf from '../compile/tf';
import { createRng, type Rng, shuffledIndices } from '../lib/rng';

/**
 * Mini-batches of the training set: once per epoch the rows are shuffled with one gather and cut
 * into batches with one split, so a training step costs no slicing ops of its own (at about
 * 20 µs an op on a CPU-side backend that is measurable on small nets). Rows that do not fill a
 * last batch wait for the next epoch's shuffle. The same seed gives the same batches.
 * Owns its epoch tensors.
 */
export class BatchStream {
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private xs: tf.Tensor2D[] = [];
  private ys: tf.Tensor2D[] = [];
  private size = 0;
  private cursor = 0;
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

  /** The next batch of `size` rows (a new size starts a new epoch). Owned by the stream. */
  next(size: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
    if (size !== this.size || this.cursor >= this.xs.length) this.shuffle(size);
    const i = this.cursor++;
    return { x: this.xs[i] as tf.Tensor2D, y: this.ys[i] as tf.Tensor2D };
  }

  private shuffle(size: number): void {
    if (this.xs.length > 0 && size === this.size) this.epochs++;
    this.dispose();
    const n = this.x.shape[0];
    const b = Math.max(1, Math.min(size, n));
    shuffledIndices(n, this.rng, this.order);
    const full = Math.floor(n / b);
    const sizes = Array.from({ length: full }, () => b);
    if (n > full * b) sizes.push(n - full * b);
    [this.xs, this.ys] = tf.tidy(() => {
      const idx = tf.tensor1d(this.order, 'int32');
      const parts = (t: tf.Tensor2D) => tf.split(tf.gather(t, idx), sizes) as tf.Tensor2D[];
      return [parts(this.x), parts(this.y)];
    });
    // The partial last batch is not used: it waits for the next shuffle.
    tf.dispose([...this.xs.splice(full), ...this.ys.splice(full)]);
    // Kept past the caller's tidy (a shuffle happens inside a training step) until the next one.
    for (const t of [...this.xs, ...this.ys]) tf.keep(t);
    this.size = size;
    this.cursor = 0;
  }

  dispose(): void {
    tf.dispose([...this.xs, ...this.ys]);
    this.xs = [];
    this.ys = [];
  }
}
