import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyAsset, loadedBytes } from '../bench/bytes.mjs';
import { blockGraph, blockParams, WORKLOADS } from '../bench/labs.mjs';
import { fmt, mdTable, renderMarkdown } from '../bench/markdown.mjs';
import {
  distribution,
  LOAD_TIMINGS,
  loadTimes,
  median,
  medianInterval,
  medianRatio,
  pairRatios,
  percentile,
  perSecond,
  rateFromSamples,
} from '../bench/stats.mjs';
import { autoOverWorst, evaluateTargets, LIMITS, pairTarget, VERDICT_COVERAGE } from '../bench/targets.mjs';
import { analyzeGraph } from '../src/graph/validate';

describe('bench stats', () => {
  it('takes percentiles by linear interpolation between ranks, ignoring non-finite values', () => {
    const xs = [10, 20, 30, 40, 50];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 50)).toBe(30);
    // rank 0.95 * 4 = 3.8: 40 + 0.8 * (50 - 40)
    expect(percentile(xs, 95)).toBeCloseTo(48);
    expect(percentile([3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2], 50)).toBe(2);
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(xs, 101)).toThrow(RangeError);
  });

  it('medians odd and even lists, unsorted', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('summarizes frame intervals as count, p50, p95 and max', () => {
    const deltas = [...Array.from({ length: 99 }, () => 16.7), 100];
    const d = distribution(deltas);
    expect(d.n).toBe(100);
    expect(d.p50).toBeCloseTo(16.7);
    expect(d.max).toBe(100);
    expect(d.p95).toBeCloseTo(16.7);
    expect(distribution([])).toEqual({ n: 0, p50: null, p95: null, max: null });
  });

  it('pairs ratios element by element and skips unusable pairs', () => {
    expect(pairRatios([9, 8, 10], [10, 10, 10])).toEqual([0.9, 0.8, 1]);
    expect(pairRatios([1, null, 3, 4], [2, 2, 0, Number.NaN])).toEqual([0.5]);
    expect(() => pairRatios([1], [1, 2])).toThrow(RangeError);
    // The median of the ratios, not the ratio of the medians.
    expect(medianRatio([1, 10, 100], [2, 10, 50])).toBe(1);
    expect(medianRatio([], [])).toBeNull();
  });

  it('turns counts over milliseconds into rates', () => {
    expect(perSecond(300, 1500)).toBe(200);
    expect(perSecond(3, 0)).toBeNull();
    expect(
      rateFromSamples([
        [1000, 10],
        [1500, 60],
        [3000, 210],
      ]),
    ).toBe(100);
    expect(rateFromSamples([[1000, 10]])).toBeNull();
  });
});

describe('bench load timings', () => {
  it('takes the median of each timing over the loads, keeping a missing value as null', () => {
    const load = (firstPaintMs: number | null, trainEnabledMs: number) => ({
      firstPaintMs,
      firstContentfulPaintMs: firstPaintMs,
      canvasMs: 300,
      trainEnabledMs,
      interactiveMs: Math.max(300, trainEnabledMs),
    });
    const t = loadTimes([load(120, 500), load(null, 400), load(100, 600), load(140, 200)]);
    expect(Object.keys(t)).toEqual([...LOAD_TIMINGS]);
    expect(t.firstPaintMs).toEqual({ median: 120, runs: [120, null, 100, 140] });
    // 200, 400, 500, 600: (400 + 500) / 2
    expect(t.trainEnabledMs?.median).toBe(450);
    // max(300, each): 500, 400, 600, 300 -> (400 + 500) / 2
    expect(t.interactiveMs?.median).toBe(450);
    expect(loadTimes([]).canvasMs).toEqual({ median: null, runs: [] });
  });
});

describe('bench labs', () => {
  it('builds R1 and R2 as valid graphs with the expected weights', () => {
    const ctx = { inputDim: 2, outputDim: 1, task: 'binary' as const };
    for (const w of WORKLOADS) {
      const analysis = analyzeGraph(w.graph, ctx);
      expect(analysis.issues).toEqual([]);
      expect(analysis.totalParams).toBe(w.params);
    }
    // R1 by hand: (2*16 + 16) + 4*16 + (16*16 + 16) + 4*16 + (16 + 1)
    expect(blockParams([16, 16])).toBe(48 + 64 + 272 + 64 + 17);
    expect(blockGraph([4]).edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'input>dense1',
      'dense1>bn1',
      'bn1>act1',
      'act1>output',
    ]);
  });
});

const row = (appStepsPerSec: number | null, autoOverThis: number | null, extra = {}) => ({
  backend: 'wasm',
  appStepsPerSec,
  autoOverThis,
  appOverBare: 0.95,
  heatmapMs: 3,
  ...extra,
});

describe('bench targets', () => {
  it("finds the slowest backend and auto's ratio over it, only when every backend ran", () => {
    const w = { backends: { auto: row(100, 1), webgl: row(5, 20), wasm: row(100, 1), cpu: row(50, 2) } };
    expect(autoOverWorst(w)).toEqual({ backend: 'webgl', ratio: 20 });
    expect(autoOverWorst({ backends: { auto: row(100, 1), wasm: row(100, 1) } })).toBeNull();
  });

  it('judges each target pass, miss or not measured', () => {
    const results = {
      auto: { swiftshader: { name: 'wasm', renderer: 'ANGLE (SwiftShader)' } },
      throughput: [
        {
          id: 'R1',
          backends: {
            auto: row(100, 1, {
              appOverBare: 0.85,
              appOverBarePairs: [0.84, 0.85, 0.86, 0.87],
              appOverBareCpu: 0.95,
              appOverBareCpuPairs: [0.93, 0.94, 0.96, 0.97],
            }),
            webgl: row(5, 20),
            wasm: row(100, 1, { heatmapMs: 7 }),
            cpu: row(50, 2),
          },
        },
        {
          id: 'R2',
          backends: {
            auto: row(10, 1, {
              appOverBare: 0.95,
              appOverBarePairs: [0.94, 0.95, 0.95, 0.96],
              appOverBareCpu: 0.6,
              appOverBareCpuPairs: [0.6, 0.6, 0.61, 0.61],
            }),
            wasm: row(10, 1),
          },
        },
      ],
      frames: { training: { p95: 16.8 }, chartsLive: { pinned: 2, training: { p95: 25 } } },
      memory: { afterWarmup: { step: 200, numTensors: 40 }, after: { step: 5200, numTensors: 41 } },
      load: {
        bytes: { mainJsGz: 171_000 },
        chartsRequestMs: { median: 1200, runs: [1200] },
        interactiveMs: { median: 1000, runs: [1000] },
      },
    };
    const byId = Object.fromEntries(evaluateTargets(results).map((t) => [t.id, t]));
    // Judged per second of the worker's CPU time; the wall-clock ratio is judged beside it.
    expect(byId['appOverBare.R1']).toMatchObject({
      value: 0.95,
      pass: true,
      note: 'pairs 0.93–0.97; median between 0.93 and 0.97 (88%)',
    });
    expect(byId['appOverBareWall.R1']).toMatchObject({ value: 0.85, pass: false });
    expect(byId['appOverBare.R2']?.pass).toBe(false);
    expect(byId['appOverBareWall.R2']?.pass).toBe(true);
    expect(byId.autoNotSoftwareGl?.pass).toBe(true);
    expect(byId['autoOverWorst.R1']?.pass).toBe(true);
    expect(byId['autoOverWorst.R2']?.pass).toBeNull();
    expect(byId.frameP95?.pass).toBe(true);
    expect(byId.tensorsStable?.pass).toBe(false);
    expect(byId.mainJs?.pass).toBe(true);
    expect(byId.chartsFrameP95).toMatchObject({ value: 25, pass: false });
    expect(byId.chartsAfterInteractive).toMatchObject({ value: 200, pass: true });
    const early = evaluateTargets({
      load: { chartsRequestMs: { median: 900 }, interactiveMs: { median: 1000 } },
    });
    expect(early.find((t) => t.id === 'chartsAfterInteractive')).toMatchObject({ value: -100, pass: false });
    expect(byId.heatmapWasm).toMatchObject({ value: 7, pass: false });

    // Not measured in this results object: the load section only has main-thread bytes.
    expect(byId.firstLoad?.pass).toBeNull();
    expect(byId.trainEnabled?.pass).toBeNull();

    const gl = evaluateTargets({ auto: { swiftshader: { name: 'webgl', renderer: 'Google SwiftShader' } } });
    expect(gl.find((t) => t.id === 'autoNotSoftwareGl')?.pass).toBe(false);
    expect(evaluateTargets({}).find((t) => t.id === 'frameP95')?.pass).toBeNull();
  });
});

describe('bench throughput verdicts', () => {
  it('a distribution-free interval for the median: order statistics of the sign test', () => {
    expect(medianInterval([3, 1, 2, 4])).toEqual({ lo: 1, hi: 4, coverage: 0.875 });
    expect(medianInterval([6, 5, 4, 3, 2, 1])).toEqual({ lo: 2, hi: 5, coverage: 1 - (2 * 7) / 64 });
    expect(medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      lo: 3,
      hi: 8,
      coverage: 1 - (2 * 56) / 1024,
    });
    expect(medianInterval([1, 2])).toBeNull();
    expect(medianInterval([1, 2, 3])).toEqual({ lo: 1, hi: 3, coverage: 0.75 });
  });

  it('passes or misses only when that interval clears the line; otherwise too close to call', () => {
    expect(VERDICT_COVERAGE).toBe(0.75);
    const judge = (median: number, pairs: number[]) => pairTarget('x', 'x', median, pairs);
    expect(judge(0.93, [0.91, 0.95, 0.92, 0.94])).toMatchObject({ pass: true });
    expect(judge(0.85, [0.82, 0.86, 0.89, 0.84])).toMatchObject({
      pass: false,
      note: 'pairs 0.82–0.89; median between 0.82 and 0.89 (88%)',
    });
    // 3 of 4 below the line is not enough: the interval reaches over it.
    expect(judge(0.85, [0.82, 0.86, 0.91, 0.84])).toMatchObject({ pass: null, close: true });
    // 6 pairs: the 2nd to the 5th must clear it.
    expect(judge(0.87, [0.95, 0.86, 0.87, 0.85, 0.88, 0.8])).toMatchObject({ pass: false });
    expect(judge(0.9, [0.95, 0.86, 0.91, 0.85, 0.92, 0.8])).toMatchObject({ pass: null, close: true });
    expect(judge(0.95, [0.9, 0.95])).toMatchObject({ pass: null, close: true });
  });
});

describe('bench load targets', () => {
  const judge = (load: object) => Object.fromEntries(evaluateTargets({ load }).map((t) => [t.id, t]));

  it("holds the first load to tensorflow/playground's 309 KiB, first paint to 400 ms, Train to 450 ms", () => {
    expect(LIMITS.firstLoadGzBytes).toBe(316_416);
    const at = judge({
      bytes: { mainJsGz: 100_000, totalGz: 316_416 },
      firstPaintMs: { median: 400, runs: [400] },
      trainEnabledMs: { median: 450, runs: [450] },
    });
    expect(at.firstLoad).toMatchObject({ value: 316_416, pass: true });
    expect(at.firstPaint).toMatchObject({ value: 400, pass: true });
    expect(at.trainEnabled).toMatchObject({ value: 450, pass: true });
    const over = judge({
      bytes: { mainJsGz: 100_000, totalGz: 316_417 },
      firstPaintMs: { median: 400.1, runs: [400.1] },
      trainEnabledMs: { median: 451, runs: [451] },
    });
    expect(over.firstLoad?.pass).toBe(false);
    expect(over.firstPaint?.pass).toBe(false);
    expect(over.trainEnabled?.pass).toBe(false);
    const none = judge({ bytes: null, firstPaintMs: { median: null, runs: [null] } });
    expect(none.firstLoad?.pass).toBeNull();
    expect(none.firstPaint?.pass).toBeNull();
  });

  it('reports the load in KiB with its timings and the files largest first', () => {
    const file = (p: string, kind: string, gzip: number) => ({ path: p, kind, raw: gzip * 3, gzip });
    const results = {
      date: '2026-01-01T00:00:00.000Z',
      seconds: 1,
      machine: { cpu: 'x', cores: 2, ramGiB: 1, os: 'linux', node: 'v20', loadavg: [0, 0, 0] },
      plan: { mode: 'full', rounds: 1, windowMs: 1000, settleMs: 100, loads: 1, accuracyRuns: 1 },
      load: {
        bytes: {
          files: [file('index.html', 'html', 1024), file('assets/worker-a.js', 'worker', 204_800)],
          mainJsGz: 0,
          workerJsGz: 204_800,
          wasmGz: 0,
          cssGz: 0,
          htmlGz: 1024,
          totalGz: 205_824,
        },
        ...loadTimes([
          {
            firstPaintMs: 150,
            firstContentfulPaintMs: 250,
            canvasMs: 300,
            engineMs: 380,
            trainEnabledMs: 420,
          },
        ]),
      },
    };
    const md = renderMarkdown({ ...results, targets: evaluateTargets(results) });
    expect(md).toContain(
      '| First load ≤ 309 KiB gz (page, worker, .wasm until Train is enabled) | 201.0 KiB; main JS 0.0 KiB, worker JS 200.0 KiB, WASM 0.0 KiB, CSS + HTML 1.0 KiB; largest: worker-a.js 200.0 KiB, index.html 1.0 KiB | **pass** |',
    );
    expect(md).toContain(
      '| 0.0 KiB | 200.0 KiB | 0.0 KiB | 1.0 KiB | 201.0 KiB | 150 ms | 250 ms | 300 ms | 380 ms | 420 ms |',
    );
    expect(md).toContain(
      'first paint 150 ms → canvas drawn (main JS run) 300 ms → engine up (worker, tfjs, backend and .wasm) 380 ms → model built, first metrics and boundary: Train 420 ms',
    );
    expect(md.indexOf('| assets/worker-a.js | worker JS | 600.0 KiB | 200.0 KiB |')).toBeLessThan(
      md.indexOf('| index.html | HTML | 3.0 KiB | 1.0 KiB |'),
    );
  });
});

describe('bench bytes and report', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies built files and sums their gzip sizes by kind, each once', () => {
    expect(classifyAsset('/')).toBe('html');
    expect(classifyAsset('/assets/index-abc.js')).toBe('js');
    expect(classifyAsset('/assets/worker-abc.js')).toBe('worker');
    expect(classifyAsset('/assets/bareWorker-abc.js')).toBe('bench');
    expect(classifyAsset('/assets/chartsChunk-abc.js')).toBe('charts');
    expect(classifyAsset('/assets/tfjs-backend-wasm-simd-abc.wasm')).toBe('wasm');
    dir = mkdtempSync(path.join(tmpdir(), 'bench-bytes-'));
    const js = 'const a = 1;'.repeat(200);
    writeFileSync(path.join(dir, 'index.html'), '<html></html>');
    writeFileSync(path.join(dir, 'main.js'), js);
    const charts = 'const recharts = 2;'.repeat(300);
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'chartsChunk-x1.js'), charts);
    const bytes = loadedBytes(['/', '/main.js', '/main.js', '/missing.js', '/assets/chartsChunk-x1.js'], dir);
    expect(bytes.files.map((f) => f.path)).toEqual(['index.html', 'main.js', 'assets/chartsChunk-x1.js']);
    expect(bytes.mainJsGz).toBe(gzipSync(js, { level: 9 }).length);
    // The charts' chunk is counted apart: it loads after the canvas is interactive.
    expect(bytes.chartsJsGz).toBe(gzipSync(charts, { level: 9 }).length);
    expect(bytes.totalGz).toBe(bytes.mainJsGz + bytes.htmlGz);
  });

  it('formats numbers and Markdown tables', () => {
    expect(fmt(1234.567, 1)).toBe('1,234.6');
    expect(fmt(null)).toBe('–');
    expect(mdTable(['a', 'b'], [[1, 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
