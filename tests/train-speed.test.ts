import { beforeAll, describe, expect, it } from 'vitest';
import { isDueInSlowMotion, SLOW_MOTION_MAX_REFRESH_MS } from '../src/train/budget';
import { ACCURACY_THRESHOLDS, MAX_PENDING_GROUPS, MetricsMeter } from '../src/train/metricsMeter';
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

  it('keeps one loss point per readback group until the next report, then starts afresh', () => {
    const m = new MetricsMeter();
    m.startWindow(1000, 0);
    m.addLosses([1, 3], 2);
    m.addLosses([2], 3);
    m.addLosses([0.5, 0.5, 0.5, 0.5], 7);
    expect(m.report(evaluation(0.5), at(1100, 7)).groupLosses).toEqual([
      { x: 2, y: 2 },
      { x: 3, y: 2 },
      { x: 7, y: 0.5 },
    ]);
    expect(m.report(evaluation(0.5), at(1200, 7)).groupLosses).toEqual([]);
    // A report a long way off (a big net) holds a bounded number, the newest ones exactly.
    for (let i = 1; i <= 5000; i++) m.addLosses([i % 7], 7 + i);
    const many = m.report(evaluation(0.5), at(1300, 5007)).groupLosses ?? [];
    expect(many.length).toBeLessThanOrEqual(MAX_PENDING_GROUPS);
    expect(many.at(-1)).toEqual({ x: 5007, y: 5000 % 7 });
    expect(many[0]).toEqual({ x: 8, y: 1 });
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
    const groupsOf = (list: TrainEvent[]) =>
      list.flatMap((e) => (e.type === 'metrics' ? (e.metrics.groupLosses ?? []) : []));
    // One loss point per group of 3 steps, each a finite batch loss.
    expect(groupsOf(events).map((g) => g.x)).toEqual([3, 6, 9, 12]);
    expect(groupsOf(events).every((g) => Number.isFinite(g.y))).toBe(true);
    expect(boundaries.slice(0, 4)).toEqual([3, 6, 9, 12]);
    expect(s.steps).toBe(12);
    // Back to full speed: groups grow again (no redraw per group).
    s.setSpeed(null);
    events.length = 0;
    s.start(400);
    await expect.poll(() => s.isRunning, { timeout: 20_000 }).toBe(false);
    expect(s.steps).toBe(400);
    expect(events.filter((e) => e.type === 'heatmap').length).toBeLessThan(40);
    // Every group of the full-speed run has its point, in order, up to the last step.
    const xs = groupsOf(events).map((g) => g.x);
    expect(xs.length).toBeGreaterThanOrEqual(Math.ceil(388 / 64));
    expect(xs.every((x, i) => i === 0 || x > (xs[i - 1] as number))).toBe(true);
    expect(xs.at(-1)).toBe(400);
    await s.dispose();
  });
});

describe('slow motion with refreshes too dear to watch', () => {
  it('redraws after every group while a redraw takes at most 100 ms, else on the full-speed budget', () => {
    expect(SLOW_MOTION_MAX_REFRESH_MS).toBe(100);
    // 40 ms: every time, whatever the budget says.
    expect(isDueInSlowMotion(1001, 1000, 100, 40)).toBe(true);
    // 3.7 s, like the big net's boundary: due 19 * 3.7 s = 70.3 s after it ended, not before.
    expect(isDueInSlowMotion(1000 + 70_299, 1000, 100, 3700)).toBe(false);
    expect(isDueInSlowMotion(1000 + 70_300, 1000, 100, 3700)).toBe(true);
    expect(isDueInSlowMotion(0, 0, 100, null)).toBe(true);
  });

  it('trains a model whose boundary takes over 100 ms without redrawing it after every step', async () => {
    const events: TrainEvent[] = [];
    const net = chain([
      ['dense', { units: 8 }],
      ['activation', { fn: 'relu' }],
    ]);
    // Every clock reading moves 60 ms on, so every refresh "takes" 120 ms or more.
    let t = 0;
    const now = () => (t += 60);
    const s = new TrainingSession(sessionConfig(net, {}), (e) => events.push(e), { heatmapSize: 4, now });
    s.setSpeed(1);
    await s.reportHeatmap();
    events.length = 0;
    s.start(20);
    await expect.poll(() => s.isRunning, { timeout: 10_000 }).toBe(false);
    expect(s.steps).toBe(20);
    // 20 groups of one step, and the report at the end: redrawn after each, it would be 21.
    const boundaries = events.filter((e) => e.type === 'heatmap').length;
    expect(boundaries).toBeGreaterThanOrEqual(1);
    expect(boundaries).toBeLessThan(8);
    await s.dispose();
  });
});
