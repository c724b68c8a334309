import { isDue } from '../budget';

/**
 * The nominal interval between two training-health samples while training (ms). A sample rides
 * on one training step run as a group of its own (with its own readback), and the budget
 * (budget.ts) stretches the interval to 19 times what that took, so sampling never takes more
 * than 5% of the training loop's time, the step it rides on included.
 */
export const HEALTH_INTERVAL_MS = 100;

/**
 * When to measure training health: only while the Training health tab asks for it, and under the
 * refresh budget. Knows nothing of tensors; the session runs the measured step (capture.ts).
 */
export class HealthSampler {
  private enabled = false;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastCost: number | null = null;
  /** False until the first sample: it warms tfjs up (new kernels, first readback) and is not typical. */
  private warm = false;

  constructor(
    private readonly now: () => number,
    private readonly intervalMs: number = HEALTH_INTERVAL_MS,
  ) {}

  /** Turns sampling on or off; turning it on makes a sample due at once. */
  setEnabled(on: boolean): void {
    if (on && !this.enabled) this.lastEnd = Number.NEGATIVE_INFINITY;
    this.enabled = on;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** What the last sample cost (ms, the step it rode on included), null before the first. */
  get costMs(): number | null {
    return this.lastCost;
  }

  /** Whether the running loop's next step should be measured. */
  due(): boolean {
    return this.enabled && isDue(this.now(), this.lastEnd, this.intervalMs, this.lastCost);
  }

  /**
   * A measured step that began at `startedAt` has ended (its readback included): the budget
   * counts from now, stretched by what it cost. The very first sample's cost is not taken: it
   * includes tfjs's one-off warm-up (its first gradient and norm kernels, on WebGL their shaders),
   * which would hold the next sample back for seconds in the run's first, most telling steps.
   */
  ran(startedAt: number): void {
    this.lastEnd = this.now();
    this.lastCost = this.warm ? Math.max(0, this.lastEnd - startedAt) : null;
    this.warm = true;
  }
}
