import { describe, expect, it } from 'vitest';
import { DATA_LIMITS, DATASETS, DEFAULT_DATA, generateDataset } from '../src/data/datasets';
import type { BuiltinName, DataSettings, Dataset } from '../src/data/types';
import { createRng, deriveSeed, shuffledIndices } from '../src/lib/rng';

const NAMES = Object.keys(DATASETS) as BuiltinName[];
const BINARY_NAMES = NAMES.filter((k) => DATASETS[k].task === 'binary');

const settings = (dataset: BuiltinName, over: Partial<DataSettings> = {}): DataSettings => ({
  dataset,
  samples: 400,
  noise: 0.2,
  trainFraction: 0.6,
  seed: 7,
  inputScale: 1,
  ...over,
});

const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** All rows of train and test together: [x, y, label]. */
function rows(d: Dataset): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const [xs, ys] of [
    [d.xTrain, d.yTrain],
    [d.xTest, d.yTest],
  ] as const) {
    for (let i = 0; i < ys.length; i++)
      out.push([xs[2 * i] as number, xs[2 * i + 1] as number, ys[i] as number]);
  }
  return out;
}

describe('DATASETS', () => {
  it('lists the seven datasets in menu order with matching names', () => {
    expect(NAMES).toEqual(['circle', 'xor', 'gaussian', 'spiral', 'moons', 'spiral3', 'wave']);
    for (const k of NAMES) {
      expect(DATASETS[k].name).toBe(k);
      expect(DATASETS[k].inputDim).toBe(2);
      expect(DATASETS[k].domain).toEqual([-6, 6]);
      expect(DATASETS[k].label.length).toBeGreaterThan(0);
    }
  });

  it('declares tasks and widths: binary 2 classes/1 output, spiral3 3/3, wave regression 1', () => {
    expect(BINARY_NAMES).toEqual(['circle', 'xor', 'gaussian', 'spiral', 'moons']);
    for (const k of BINARY_NAMES) expect([DATASETS[k].classes, DATASETS[k].outputDim]).toEqual([2, 1]);
    expect(DATASETS.spiral3).toMatchObject({ task: 'multiclass', classes: 3, outputDim: 3 });
    expect(DATASETS.wave).toMatchObject({ task: 'regression', outputDim: 1 });
  });

  it('the default settings lie inside the limits', () => {
    expect(DEFAULT_DATA.samples).toBeGreaterThanOrEqual(DATA_LIMITS.samples.min);
    expect(DEFAULT_DATA.samples).toBeLessThanOrEqual(DATA_LIMITS.samples.max);
    expect(DEFAULT_DATA.trainFraction).toBeGreaterThanOrEqual(DATA_LIMITS.trainFraction.min);
    expect(DEFAULT_DATA.trainFraction).toBeLessThanOrEqual(DATA_LIMITS.trainFraction.max);
    expect(generateDataset(DEFAULT_DATA).info).toBe(DATASETS.circle);
  });
});

describe.each(NAMES)('dataset %s', (name) => {
  const info = DATASETS[name];

  it('is reproducible: the same settings give byte-identical arrays', () => {
    const a = generateDataset(settings(name));
    // interleave another generation to prove there is no hidden shared state
    generateDataset(settings(name, { seed: 99, samples: 123 }));
    const b = generateDataset(settings(name));
    expect(b.info).toBe(info);
    for (const key of ['xTrain', 'yTrain', 'xTest', 'yTest'] as const) {
      expect(b[key]).toBeInstanceOf(Float32Array);
      expect(bytes(b[key])).toEqual(bytes(a[key]));
    }
  });

  it('a different seed gives different points', () => {
    const a = generateDataset(settings(name, { seed: 1 }));
    const b = generateDataset(settings(name, { seed: 2 }));
    expect(a.xTrain.length).toBe(b.xTrain.length);
    let same = 0;
    for (let i = 0; i < a.xTrain.length; i++) if (a.xTrain[i] === b.xTrain[i]) same++;
    expect(same).toBeLessThan(a.xTrain.length / 10);
    let sameTest = 0;
    for (let i = 0; i < a.xTest.length; i++) if (a.xTest[i] === b.xTest[i]) sameTest++;
    expect(sameTest).toBeLessThan(a.xTest.length / 10);
  });

  it.each([
    [400, 0.6, 240],
    [500, 0.5, 250],
    [333, 0.5, 167], // round(166.5) = 167
    [50, 0.1, 5],
    [1001, 0.9, 901], // round(900.9) = 901
  ])('samples %i at train fraction %f: %i train points, the rest test', (samples, trainFraction, nTrain) => {
    const d = generateDataset(settings(name, { samples, trainFraction }));
    expect(d.yTrain.length).toBe(nTrain);
    expect(d.yTest.length).toBe(samples - nTrain);
    expect(d.xTrain.length).toBe(2 * nTrain);
    expect(d.xTest.length).toBe(2 * (samples - nTrain));
  });

  it('clamps samples to 50..5000 and rounds fractional counts', () => {
    const small = generateDataset(settings(name, { samples: 10, trainFraction: 0.5 }));
    expect(small.yTrain.length + small.yTest.length).toBe(50);
    expect(small.yTrain.length).toBe(25);
    const neg = generateDataset(settings(name, { samples: -5 }));
    expect(neg.yTrain.length + neg.yTest.length).toBe(50);
    const big = generateDataset(settings(name, { samples: 100_000, trainFraction: 0.5 }));
    expect(big.yTrain.length + big.yTest.length).toBe(5000);
    expect(big.xTrain.length).toBe(5000);
    const frac = generateDataset(settings(name, { samples: 123.6 }));
    expect(frac.yTrain.length + frac.yTest.length).toBe(124);
  });

  it('labels are valid for the task', () => {
    const all = rows(generateDataset(settings(name, { samples: 600 })));
    const labels = new Set(all.map((r) => r[2]));
    if (info.task === 'binary') expect([...labels].sort()).toEqual([0, 1]);
    else if (info.task === 'multiclass') expect([...labels].sort()).toEqual([0, 1, 2]);
    else {
      for (const r of all) expect(Number.isFinite(r[2])).toBe(true);
      expect(labels.size).toBeGreaterThan(500); // a continuous target, not a few classes
    }
  });

  it('all points lie inside the [-6, 6]^2 domain at noise 0', () => {
    for (const seed of [1, 2, 3]) {
      const all = rows(generateDataset(settings(name, { noise: 0, samples: 2000, seed })));
      expect(all).toHaveLength(2000);
      for (const [x, y] of all) {
        expect(Math.abs(x)).toBeLessThanOrEqual(6);
        expect(Math.abs(y)).toBeLessThanOrEqual(6);
      }
    }
  });

  it('every value is finite at noise 1', () => {
    const d = generateDataset(settings(name, { noise: 1, samples: 2000 }));
    for (const a of [d.xTrain, d.yTrain, d.xTest, d.yTest]) {
      expect(a.every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  it('noise moves the same underlying points (same seed) without changing classes', () => {
    const clean = rows(generateDataset(settings(name, { noise: 0 })));
    const noisy = rows(generateDataset(settings(name, { noise: 1 })));
    expect(noisy).toHaveLength(clean.length);
    let moved = 0;
    let targetShift = 0;
    for (let i = 0; i < clean.length; i++) {
      const [cx, cy, ct] = clean[i] as [number, number, number];
      const [nx, ny, nt] = noisy[i] as [number, number, number];
      moved += Math.hypot(nx - cx, ny - cy);
      targetShift += Math.abs(nt - ct);
    }
    if (info.task === 'regression') {
      // wave: noise is on the target only
      expect(moved).toBe(0);
      expect(targetShift / clean.length).toBeGreaterThan(0.1);
    } else {
      expect(moved / clean.length).toBeGreaterThan(0.3);
      expect(targetShift).toBe(0);
    }
  });

  if (info.task !== 'regression') {
    it('classes are roughly balanced', () => {
      for (const seed of [1, 5, 11]) {
        const all = rows(generateDataset(settings(name, { samples: 1000, seed })));
        for (let c = 0; c < info.classes; c++) {
          const share = all.filter((r) => r[2] === c).length / all.length;
          expect(share).toBeGreaterThanOrEqual(info.classes === 2 ? 0.4 : 0.28);
          expect(share).toBeLessThanOrEqual(info.classes === 2 ? 0.6 : 0.39);
        }
      }
    });

    it('the shuffle mixes classes into both train and test', () => {
      const d = generateDataset(settings(name, { samples: 200 }));
      expect(new Set(d.yTrain).size).toBe(info.classes);
      expect(new Set(d.yTest).size).toBe(info.classes);
    });
  }
});

describe('dataset geometry at noise 0', () => {
  it('circle: class 1 within radius 2.5, class 0 from 3.5 to 5', () => {
    const all = rows(generateDataset(settings('circle', { noise: 0, samples: 3000 })));
    let inner = 0;
    for (const [x, y, label] of all) {
      const r = Math.hypot(x, y);
      if (label === 1) {
        inner++;
        expect(r).toBeLessThanOrEqual(2.5 + 1e-5);
      } else {
        expect(r).toBeGreaterThanOrEqual(3.5 - 1e-5);
        expect(r).toBeLessThanOrEqual(5 + 1e-5);
      }
    }
    expect(inner).toBe(1500);
  });

  it('xor: label is (x * y > 0), with a margin from the axes', () => {
    const all = rows(generateDataset(settings('xor', { noise: 0, samples: 3000 })));
    for (const [x, y, label] of all) {
      expect(label).toBe(x * y > 0 ? 1 : 0);
      expect(Math.abs(x)).toBeGreaterThanOrEqual(0.3 - 1e-6);
      expect(Math.abs(y)).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
  });

  it('gaussian: class 1 clusters around (2, 2), class 0 around (-2, -2)', () => {
    const all = rows(generateDataset(settings('gaussian', { noise: 0, samples: 2000 })));
    for (const c of [0, 1]) {
      const pts = all.filter((r) => r[2] === c);
      const mx = pts.reduce((s, r) => s + r[0], 0) / pts.length;
      const my = pts.reduce((s, r) => s + r[1], 0) / pts.length;
      const centre = c === 1 ? 2 : -2;
      expect(Math.abs(mx - centre)).toBeLessThan(0.1);
      expect(Math.abs(my - centre)).toBeLessThan(0.1);
    }
  });

  it('wave: target is sin(0.6 x) cos(0.6 y) exactly (to float32) at noise 0', () => {
    const all = rows(generateDataset(settings('wave', { noise: 0 })));
    for (const [x, y, t] of all) expect(t).toBeCloseTo(Math.sin(0.6 * x) * Math.cos(0.6 * y), 5);
  });

  it('spiral: radius between 0.4 and 5', () => {
    for (const name of ['spiral', 'spiral3'] as const) {
      for (const [x, y] of rows(generateDataset(settings(name, { noise: 0 })))) {
        const r = Math.hypot(x, y);
        expect(r).toBeGreaterThanOrEqual(0.4 - 1e-5);
        expect(r).toBeLessThanOrEqual(5 + 1e-5);
      }
    }
  });
});

describe('rng', () => {
  it('createRng(1) matches the reference mulberry32 sequence', () => {
    const r = createRng(1);
    const seq = [r.next(), r.next(), r.next(), r.next()];
    // from the canonical mulberry32 (bryc/code, PRNGs.md) seeded with 1
    expect(seq).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741]);
  });

  it('is reproducible and seed-dependent', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 50 }, () => r.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(2 ** 32 + 1)).toEqual(draw(1)); // the state is 32 bits
  });

  it('next() is in [0, 1) and roughly uniform', () => {
    const r = createRng(3);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
    }
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it('uniform(lo, hi) stays in [lo, hi) and int(n) covers 0..n-1', () => {
    const r = createRng(4);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = r.uniform(-3, 5);
      expect(u >= -3 && u < 5).toBe(true);
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('normal() has mean ~0 and sd ~1 over 20000 draws', () => {
    for (const seed of [1, 12345]) {
      const r = createRng(seed);
      const xs = Array.from({ length: 20000 }, () => r.normal());
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs(mean)).toBeLessThan(0.03);
      expect(Math.abs(sd - 1)).toBeLessThan(0.03);
      // about 68.3% within one sd
      const within = xs.filter((x) => Math.abs(x) < 1).length / xs.length;
      expect(Math.abs(within - 0.6827)).toBeLessThan(0.02);
    }
  });

  it('shuffledIndices is a permutation, reproducible per seed, and actually shuffles', () => {
    const p = shuffledIndices(1000, createRng(5));
    expect(p).toBeInstanceOf(Int32Array);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...shuffledIndices(1000, createRng(5))]).toEqual([...p]);
    let fixed = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === i) fixed++;
    expect(fixed).toBeLessThan(10); // expected ~1 fixed point
    expect([...shuffledIndices(1000, createRng(6))]).not.toEqual([...p]);
  });

  it('shuffledIndices reuses the buffer it is given and handles tiny n', () => {
    const buf = new Int32Array(5).fill(-1);
    const out = shuffledIndices(5, createRng(1), buf);
    expect(out).toBe(buf);
    expect([...out].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...shuffledIndices(1, createRng(1))]).toEqual([0]);
    expect([...shuffledIndices(0, createRng(1))]).toEqual([]);
  });

  it('deriveSeed is deterministic, unsigned 32-bit, and differs by salt and base', () => {
    expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
    const seeds = new Set<number>();
    for (let base = 0; base < 20; base++) {
      for (let salt = 0; salt < 20; salt++) {
        const s = deriveSeed(base, salt);
        expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
        seeds.add(s);
      }
    }
    expect(seeds.size).toBe(400);
  });
});

describe('input scale', () => {
  it('multiplies every coordinate by the scale and keeps labels, order and split', () => {
    for (const name of NAMES) {
      const one = generateDataset(settings(name));
      const twenty = generateDataset(settings(name, { inputScale: 20 }));
      for (const key of ['xTrain', 'xTest'] as const) {
        expect(twenty[key].length).toBe(one[key].length);
        // Each value is the float32 nearest to 20 times the unscaled one.
        one[key].forEach((v, i) => {
          expect(twenty[key][i]).toBe(Math.fround(v * 20));
        });
      }
      expect(bytes(twenty.yTrain)).toEqual(bytes(one.yTrain));
      expect(bytes(twenty.yTest)).toEqual(bytes(one.yTest));
    }
  });

  it('a small scale shrinks the points: circle at 0.01 lies within radius 0.05 plus noise', () => {
    const d = generateDataset(settings('circle', { noise: 0, inputScale: 0.01 }));
    for (let i = 0; i < d.xTrain.length; i += 2) {
      expect(Math.hypot(d.xTrain[i] as number, d.xTrain[i + 1] as number)).toBeLessThanOrEqual(0.05 + 1e-6);
    }
  });

  it('scales the domain the boundary grid covers, and leaves the dataset table alone', () => {
    expect(generateDataset(settings('xor', { inputScale: 20 })).info.domain).toEqual([-120, 120]);
    expect(generateDataset(settings('xor', { inputScale: 0.5 })).info.domain).toEqual([-3, 3]);
    expect(generateDataset(settings('xor', { inputScale: 20 })).info).toMatchObject({
      name: 'xor',
      task: 'binary',
      inputDim: 2,
    });
    expect(DATASETS.xor.domain).toEqual([-6, 6]);
    // Scale 1 returns the table's own info object.
    expect(generateDataset(settings('xor')).info).toBe(DATASETS.xor);
  });

  it('clamps the scale to 0.01..100 and reads a non-number as 1', () => {
    expect(DATA_LIMITS.inputScale).toEqual({ min: 0.01, max: 100 });
    expect(DEFAULT_DATA.inputScale).toBe(1);
    expect(generateDataset(settings('circle', { inputScale: 1e6 })).info.domain).toEqual([-600, 600]);
    expect(generateDataset(settings('circle', { inputScale: 0 })).info.domain).toEqual([-0.06, 0.06]);
    expect(generateDataset(settings('circle', { inputScale: Number.NaN })).info).toBe(DATASETS.circle);
  });
});
