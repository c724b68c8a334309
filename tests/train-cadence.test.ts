import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { SessionModel } from '../src/train/sessionModel';
import { SESSION_DEFAULTS } from '../src/train/sessionOptions';
import { chain, sessionConfig, useCpu } from './helpers';

/** The fake clock (ms): every training step moves it 2 ms, every boundary refresh `heatmapMs`. */
const clock = vi.hoisted(() => ({ t: 0, heatmapMs: 0 }));

vi.mock('../src/train/heatmap', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/train/heatmap')>();
  return {
    ...real,
    computeHeatmap: (...args: Parameters<typeof real.computeHeatmap>) => {
      clock.t += clock.heatmapMs;
      return real.computeHeatmap(...args);
    },
  };
});

const realStep = SessionModel.prototype.trainStep;
beforeAll(async () => {
  await useCpu();
  vi.spyOn(SessionModel.prototype, 'trainStep').mockImplementation(function (this: SessionModel, ...args) {
    clock.t += 2;
    return realStep.apply(this, args);
  });
});
afterAll(() => vi.restoreAllMocks());

/**
 * The refresh cadence at full speed, on a fake clock moved by the work itself: 2 ms a training
 * step (a net at 500 steps/s), `heatmapCostMs` a boundary refresh, 0.01 ms a reading; what is
 * refreshed when then depends on the code, never on this machine's speed.
 */
async function fullSpeedRun(steps: number, heatmapCostMs: number) {
  clock.t = 0;
  clock.heatmapMs = heatmapCostMs;
  const now = () => (clock.t += 0.01);
  const seen: { type: TrainEvent['type']; at: number; stopped: boolean }[] = [];
  const net = chain([
    ['dense', { units: 4 }],
    ['activation', { fn: 'relu' }],
  ]);
  const s = new TrainingSession(
    sessionConfig(net, {}),
    (e) => {
      seen.push({ type: e.type, at: clock.t, stopped: e.type === 'status' && !e.running });
    },
    { heatmapSize: 4, now },
  );
  s.setSpeed(null);
  seen.length = 0;
  s.start(steps);
  await expect.poll(() => s.isRunning, { timeout: 30_000 }).toBe(false);
  await s.dispose();
  // The refreshes while running (the last report, after the stop, is not part of the cadence).
  const stoppedAt = seen.findIndex((e) => e.stopped);
  const running = seen.slice(0, stoppedAt < 0 ? seen.length : stoppedAt);
  const times = (type: TrainEvent['type']) => running.filter((e) => e.type === type).map((e) => e.at);
  return { metrics: times('metrics'), heatmaps: times('heatmap') };
}

const gaps = (xs: readonly number[]) => xs.slice(1).map((x, i) => x - (xs[i] as number));

describe('refresh cadence at full speed (what is refreshed when, within the 5% budget)', () => {
  it('cheap refreshes: metrics and the boundary every 100 ms of training, never more often, at least 6 times a second', async () => {
    expect(SESSION_DEFAULTS.metricsIntervalMs).toBe(100);
    expect(SESSION_DEFAULTS.heatmapIntervalMs).toBe(100);
    const { metrics, heatmaps } = await fullSpeedRun(3000, 0);
    expect(metrics.length).toBeGreaterThan(5);
    expect(heatmaps.length).toBeGreaterThan(5);
    for (const g of [...gaps(metrics), ...gaps(heatmaps)]) {
      // Due 100 ms after the last one ended; checked after each 25 ms chunk of steps.
      expect(g).toBeGreaterThanOrEqual(100);
      expect(g).toBeLessThanOrEqual(100 + SESSION_DEFAULTS.chunkMs + 40);
    }
  });

  it('a dear boundary (200 ms) comes 19 times its cost after it ended: 5% of the time; metrics keep their pace', async () => {
    const { metrics, heatmaps } = await fullSpeedRun(6000, 200);
    expect(heatmaps.length).toBeGreaterThanOrEqual(2);
    for (const g of gaps(heatmaps)) {
      // From the end of one (its emit) to the end of the next: 19 x 200 of waiting, then 200 of work.
      expect(g).toBeGreaterThanOrEqual(20 * 200);
      expect(g).toBeLessThanOrEqual(20 * 200 + SESSION_DEFAULTS.chunkMs + 200);
    }
    // Between two boundary refreshes, metrics still come every 100-165 ms.
    const quiet = gaps(metrics).filter((_, i) => {
      const [a, b] = [metrics[i] as number, metrics[i + 1] as number];
      return !heatmaps.some((h) => h > a && h <= b);
    });
    expect(quiet.length).toBeGreaterThan(10);
    for (const g of quiet) expect(g).toBeLessThanOrEqual(100 + SESSION_DEFAULTS.chunkMs + 40);
  });
});
