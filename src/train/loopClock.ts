import type { LoopTotals } from './protocol';

/** Every loop total at zero. */
export const NO_LOOP_TIME: LoopTotals = {
  runningMs: 0,
  stepsMs: 0,
  metricsMs: 0,
  heatmapMs: 0,
  probeMs: 0,
  heatmaps: 0,
  probeRuns: 0,
  healthMs: 0,
  healthSamples: 0,
};

type Timed = 'runningMs' | 'stepsMs' | 'metricsMs' | 'heatmapMs' | 'probeMs' | 'healthMs';

/**
 * Where the running loop's wall time went, added up since the session was built: a reader turns
 * two readings into shares (heatmap share = Δ heatmapMs / Δ runningMs between them).
 */
export class LoopClock {
  private t: { -readonly [K in keyof LoopTotals]: LoopTotals[K] } = { ...NO_LOOP_TIME };

  constructor(private readonly now: () => number) {}

  /** Runs `fn` and adds its wall time to `kind`. */
  async time<T>(kind: Timed, fn: () => Promise<T>): Promise<T> {
    const t0 = this.now();
    try {
      return await fn();
    } finally {
      this.t[kind] += Math.max(0, this.now() - t0);
    }
  }

  /** One more completed refresh of the decision boundary, probe run that reported, or health sample. */
  count(kind: 'heatmaps' | 'probeRuns' | 'healthSamples'): void {
    this.t[kind]++;
  }

  get totals(): LoopTotals {
    return { ...this.t };
  }
}
