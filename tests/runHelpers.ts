import { type AppStore, createAppStore } from '../src/store/store';
import type { Heatmap, Metrics } from '../src/train/protocol';

/** Metrics of a run at `step` (as the worker reports them). */
export const metricsAt = (step: number, testAccuracy: number | null = 0.9, testLoss = 0.3): Metrics => ({
  step,
  epoch: 0,
  batchLoss: step === 0 ? null : 0.3,
  trainLoss: step === 0 ? null : 0.25,
  testLoss,
  testAccuracy,
  testR2: null,
  stepsPerSecond: 0,
  samplesPerSecond: 0,
});

/** A 100 × 100 binary heatmap at `step`: P(blue) rising from left to right. */
export const heatmapAt = (step: number): Heatmap => ({
  size: 100,
  channels: 1,
  values: Float32Array.from({ length: 100 * 100 }, (_, i) => (i % 100) / 99),
  step,
  nonlinearity: 0.1,
});

/** A store whose run trained to `steps` (metrics every 10 steps, a boundary at the end). */
export function trained(steps: number, store: AppStore = createAppStore()): AppStore {
  const s = store.getState();
  s.setStatus('ready');
  for (let step = 0; step <= steps; step += 10) s.applyMetrics(metricsAt(step, 0.5 + step / (4 * steps)));
  s.applyHeatmap(heatmapAt(steps));
  return store;
}
