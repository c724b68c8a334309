import { beforeAll, describe, expect, it } from 'vitest';
import { ACCURACY_THRESHOLDS, MetricsMeter } from '../src/train/metricsMeter';
import type { TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const evaluation = (testAccuracy: number) => ({ testLoss: 0.3, testAccuracy, testR2: null, trainLoss: 0.3 });
const at = (now: number, step: number) => ({ now, step, epoch: 0, running: true, batchSize: 32 });

describe('MetricsMeter: the first step each accuracy threshold is reached', () => {
  it('records each crossing once, at the first report that reaches it, with the training time', () => {
    const m = new MetricsMeter();
    m.startWindow(1000, 0);
    expect(m.report(evaluation(0.97), at(1000, 0)).crossings).toEqual([]); // step 0: untrained, not a crossing
    expect(m.report(evaluation(0.5), at(1100, 10)).crossings).toEqual([]);
    expect(m.report(evaluation(0.92), at(1200, 20)).crossings).toEqual([
      { threshold: 0.9, step: 20, ms: 200 },
    ]);
    const later = m.report(evaluation(0.995), at(1350, 35)).crossings;
    expect(later).toEqual([
      { threshold: 0.9, step: 20, ms: 200 },
      { threshold: 0.95, step: 35, ms: 350 },
      { threshold: 0.99, step: 35, ms: 350 },
    ]);
    // Falling back below does not move a crossing; pausing and training again keeps the clock.
    m.startWindow(5000, 35);
    expect(m.report(evaluation(0.6), at(5100, 40)).crossings).toEqual(later);
    expect(ACCURACY_THRESHOLDS).toEqual([0.9, 0.95, 0.99]);
  });

  it('the batch loss is the mean since the last report, and throughput is over that window', () => {
    const m = new MetricsMeter();
    m.startWindow(1000, 0);
    m.addLosses([1, 2, 3]);
    const r = m.report(evaluation(0.5), at(1500, 50));
    expect(r.batchLoss).toBe(2);
    expect(r.stepsPerSecond).toBe(100);
    expect(r.samplesPerSecond).toBe(3200);
    // No step since: the last batch loss is repeated, not null.
    expect(m.report(evaluation(0.5), at(1600, 50)).batchLoss).toBe(2);
  });
});

describe('slow motion: a few steps a frame, redrawn every frame', () => {
  it('runs steps in groups of the speed, with metrics and the boundary after each group', async () => {
    const events: TrainEvent[] = [];
    const net = chain([
      ['dense', { units: 8 }],
      ['activation', { fn: 'relu' }],
    ]);
    const s = new TrainingSession(sessionConfig(net, {}), (e) => events.push(e), { heatmapSize: 4 });
    s.setSpeed(3);
    s.start(12);
    await expect.poll(() => s.isRunning, { timeout: 10_000 }).toBe(false);
    const steps = events.flatMap((e) => (e.type === 'metrics' ? [e.metrics.step] : []));
    const boundaries = events.flatMap((e) => (e.type === 'heatmap' ? [e.heatmap.step] : []));
    expect(steps.slice(0, 4)).toEqual([3, 6, 9, 12]);
    expect(boundaries.slice(0, 4)).toEqual([3, 6, 9, 12]);
    expect(s.steps).toBe(12);
    // Back to full speed: groups grow again (no redraw per group).
    s.setSpeed(null);
    events.length = 0;
    s.start(400);
    await expect.poll(() => s.isRunning, { timeout: 20_000 }).toBe(false);
    expect(s.steps).toBe(400);
    expect(events.filter((e) => e.type === 'heatmap').length).toBeLessThan(40);
    await s.dispose();
  });
});
