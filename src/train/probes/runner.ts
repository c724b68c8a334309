import { analyzeAffine } from '../../graph/affine';
import type { Graph } from '../../graph/types';
import { isDue } from '../budget';
import { NO_PROBES, type ProbeRequest, type TrainEvent } from '../protocol';
import { probeAffine } from './affine';
import { probeBatchDependence } from './batchDependence';
import { type ProbeContext, StaleProbeError } from './context';
import { probeDistributions } from './distributions';
import { probeWarp } from './warp';

export interface ProbeTiming {
  /** Distributions, affine fold and warped grid refresh at this interval while training (ms). */
  readonly fastMs: number;
  /** Batch dependence (about a hundred small forward passes) refreshes at this interval (ms). */
  readonly slowMs: number;
}

export const PROBE_TIMING: ProbeTiming = { fastMs: 400, slowMs: 1500 };

/**
 * Runs the probes the open panels asked for, each at its own pace, and emits their reports.
 * A probe that fails emits a probeError for its panel; training is never stopped by a probe.
 */
export class ProbeRunner {
  private request: ProbeRequest = NO_PROBES;
  /** When the last fast and slow rounds ended (their budget counts from there). */
  private fastEnd = Number.NEGATIVE_INFINITY;
  private slowEnd = Number.NEGATIVE_INFINITY;
  private affineGraph: { graph: Graph; affine: boolean } | null = null;
  /** What the last fast and slow rounds cost (ms): a costly probe comes less often (see budgeted). */
  private fastCost = 0;
  private slowCost = 0;
  private emitted = false;
  /** How long the last run that reported something took (ms), null before the first. */
  lastRunMs: number | null = null;
  private readonly emit: (e: TrainEvent) => void;

  constructor(
    emit: (e: TrainEvent) => void,
    private readonly now: () => number,
    private readonly timing: ProbeTiming = PROBE_TIMING,
  ) {
    this.emit = (e) => {
      this.emitted = true;
      emit(e);
    };
  }

  /** A new request makes every probe due at once. */
  setRequest(request: ProbeRequest): void {
    this.request = request;
    this.fastEnd = Number.NEGATIVE_INFINITY;
    this.slowEnd = Number.NEGATIVE_INFINITY;
  }

  /** Runs the probes that are due (all of them when `force`); true when one reported (or failed). */
  async run(c: ProbeContext, force: boolean): Promise<boolean> {
    const now = this.now();
    this.emitted = false;
    const fast = force || isDue(now, this.fastEnd, this.timing.fastMs, this.fastCost);
    const slow = force || isDue(now, this.slowEnd, this.timing.slowMs, this.slowCost);
    const { distributions, affine, batch, warp } = this.request;
    if (fast) {
      if (distributions) {
        await this.guard('distributions', async () => {
          const report = await probeDistributions(c, distributions.nodeId, distributions.mode);
          this.emit({ type: 'distributions', report });
        });
      }
      if (affine && this.isAffine(c.config.graph)) {
        await this.guard('affine', async () => this.emit({ type: 'affine', report: await probeAffine(c) }));
      }
      if (warp) {
        await this.guard('warp', async () =>
          this.emit({ type: 'warp', report: await probeWarp(c, warp.nodeId) }),
        );
      }
      this.fastEnd = this.now();
      this.fastCost = this.fastEnd - now;
    }
    if (slow && batch) {
      const s0 = this.now();
      await this.guard('batch', async () => {
        const report = await probeBatchDependence(c, batch.nodeId, batch.unit, batch.point);
        this.emit({ type: 'batchDependence', report });
      });
      this.slowEnd = this.now();
      this.slowCost = this.slowEnd - s0;
    }
    if (this.emitted) this.lastRunMs = this.now() - now;
    return this.emitted;
  }

  private isAffine(graph: Graph): boolean {
    if (this.affineGraph?.graph !== graph) this.affineGraph = { graph, affine: analyzeAffine(graph).affine };
    return this.affineGraph.affine;
  }

  private async guard(probe: keyof ProbeRequest, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      // The panel asked about a node of the previous graph: its next request will be right.
      if (err instanceof StaleProbeError) return;
      this.emit({ type: 'probeError', probe, message: err instanceof Error ? err.message : String(err) });
    }
  }
}
