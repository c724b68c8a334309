import { compactSeries } from '../lib/downsample';
import type { Evaluation } from './evaluate';
import type { GroupLoss, Metrics } from './protocol';

/** Test-accuracy thresholds whose first crossing is recorded (the step and when it was seen). */
export const ACCURACY_THRESHOLDS = [0.9, 0.95, 0.99] as const;

/**
 * The most group points held between two reports (a big net's report can be a minute apart);
 * beyond it the older ones are thinned, keeping their extremes (compactSeries).
 */
export const MAX_PENDING_GROUPS = 2000;

/** Where a run first reached a test accuracy: its step and its time since the run's first step. */
export interface Crossing {
  readonly threshold: number;
  readonly step: number;
  /** Milliseconds of training (wall time since the first Train of this build) until it was measured. */
  readonly ms: number;
}

/**
 * Turns evaluations into Metrics: the mean of the batch losses since the last report, throughput
 * over the window since then, and the first step at which each accuracy threshold was reached
 * (as measured: within one readback group of the step itself). Reset with each new build.
 */
export class MetricsMeter {
  private lossSum = 0;
  private lossCount = 0;
  private lastBatchLoss: number | null = null;
  private windowAt = 0;
  private windowStep = 0;
  /** When the run first started training (ms, the session's clock), for the crossing times. */
  private trainingSince: number | null = null;
  private crossings: Crossing[] = [];
  /** One point per readback group since the last report: its last step and its mean batch loss. */
  private groups: GroupLoss[] = [];
  /** How long the last report took (ms), for the refresh budget. */
  lastCostMs: number | null = null;
  /** When the last report was made (ms). */
  lastAt = 0;

  /** The losses of a readback group, as numbers; `step` is the step count once the group is done. */
  addLosses(values: readonly number[], step?: number): void {
    let sum = 0;
    for (const v of values) sum += v;
    this.lossSum += sum;
    this.lossCount += values.length;
    if (step !== undefined && values.length > 0) {
      this.groups.push({ x: step, y: sum / values.length });
      if (this.groups.length > MAX_PENDING_GROUPS)
        this.groups = [...compactSeries(this.groups, MAX_PENDING_GROUPS)];
    }
  }

  /** Training (re)starts at `step`: the throughput window opens now. */
  startWindow(now: number, step: number): void {
    this.windowAt = now;
    this.windowStep = step;
    this.lastAt = now;
    this.trainingSince ??= now;
  }

  /** One report from an evaluation, at `step`. */
  report(
    e: Evaluation,
    at: { now: number; step: number; epoch: number; running: boolean; batchSize: number },
  ): Metrics {
    const dt = (at.now - this.windowAt) / 1000;
    const stepsPerSecond = at.running && dt > 0 && this.windowAt > 0 ? (at.step - this.windowStep) / dt : 0;
    const batchLoss = this.lossCount > 0 ? this.lossSum / this.lossCount : this.lastBatchLoss;
    if (e.testAccuracy !== null && at.step > 0) {
      for (const threshold of ACCURACY_THRESHOLDS) {
        if (e.testAccuracy >= threshold && !this.crossings.some((c) => c.threshold === threshold)) {
          this.crossings.push({ threshold, step: at.step, ms: at.now - (this.trainingSince ?? at.now) });
        }
      }
    }
    const groupLosses = this.groups;
    this.groups = [];
    this.lastBatchLoss = batchLoss;
    this.lossSum = 0;
    this.lossCount = 0;
    this.windowAt = at.now;
    this.windowStep = at.step;
    this.lastAt = at.now;
    return {
      step: at.step,
      epoch: at.epoch,
      batchLoss,
      trainLoss: e.trainLoss,
      testLoss: e.testLoss,
      testAccuracy: e.testAccuracy,
      testR2: e.testR2,
      stepsPerSecond,
      samplesPerSecond: stepsPerSecond * at.batchSize,
      crossings: this.crossings,
      groupLosses,
    };
  }
}
