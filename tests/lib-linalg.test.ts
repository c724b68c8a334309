import { describe, expect, it } from 'vitest';
import { affineFitR2, maxBend, principalPlane } from '../src/lib/linalg';
import { createRng } from '../src/lib/rng';

/** A symmetric grid over [-1, 1]^2 with k points a side, row-major [k*k, 2]. */
function grid(k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) out.push(-1 + (2 * i) / (k - 1), -1 + (2 * j) / (k - 1));
  return out;
}

describe('affineFitR2', () => {
  it('is 1 to 1e-9 on exactly affine data (3 inputs, 2 outputs)', () => {
    const rng = createRng(1);
    const n = 200;
    const A = [
      [0.5, -2],
      [1.5, 0.25],
      [-1, 3],
    ];
    const c = [4, -7];
    const x: number[] = [];
    const y: number[] = [];
    for (let r = 0; r < n; r++) {
      const row = [rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(-3, 3)];
      x.push(...row);
      for (let k = 0; k < 2; k++)
        y.push(row.reduce((s, v, i) => s + v * (A[i]?.[k] as number), c[k] as number));
    }
    expect(Math.abs(affineFitR2(x, 3, y, 2) - 1)).toBeLessThan(1e-9);
  });

  it('is 1 for affine data even when two inputs are the same column (singular normal equations)', () => {
    const g = grid(11);
    const x: number[] = [];
    const y: number[] = [];
    for (let r = 0; r < g.length / 2; r++) {
      const [a, b] = [g[2 * r] as number, g[2 * r + 1] as number];
      x.push(a, a, b);
      y.push(2 * a - b + 1);
    }
    expect(Math.abs(affineFitR2(x, 3, y, 1) - 1)).toBeLessThan(1e-9);
  });

  it('is below 0.5 for y = x1 x2 over a symmetric grid (no affine part at all)', () => {
    const x = grid(21);
    const y = Array.from({ length: x.length / 2 }, (_, r) => (x[2 * r] as number) * (x[2 * r + 1] as number));
    const r2 = affineFitR2(x, 2, y, 1);
    expect(r2).toBeLessThan(0.5);
    expect(r2).toBeCloseTo(0, 9);
  });

  it('is below 0.5 for y = |x| over a symmetric range', () => {
    const x = Array.from({ length: 101 }, (_, i) => -1 + i / 50);
    expect(affineFitR2(x, 1, x.map(Math.abs), 1)).toBeLessThan(0.5);
  });

  it('is 1 for a constant output, even one whose mean does not round exactly', () => {
    const x = grid(5);
    expect(affineFitR2(x, 2, new Array(25).fill(0.1), 1)).toBe(1);
    expect(affineFitR2(x, 2, new Float32Array(50).fill(0.3), 2)).toBe(1);
  });

  it('pools the outputs: one affine and one |x| column give a value in between', () => {
    const x = Array.from({ length: 101 }, (_, i) => -1 + i / 50);
    const y = x.flatMap((v) => [3 * v, Math.abs(v)]);
    const r2 = affineFitR2(x, 1, y, 2);
    expect(r2).toBeGreaterThan(0.5);
    expect(r2).toBeLessThan(1);
  });
});

describe('principalPlane', () => {
  it('on data in a 2-D plane of R^4 explains all variance and keeps every pairwise distance', () => {
    const rng = createRng(7);
    // An orthonormal pair u, v in R^4 and an offset o, by hand.
    const u = [0.5, 0.5, 0.5, 0.5];
    const v = [0.5, -0.5, 0.5, -0.5];
    const o = [1, -2, 3, 0.5];
    const n = 60;
    const ab = Array.from({ length: n }, () => [rng.uniform(-4, 4), rng.uniform(-1, 1)] as const);
    const data = ab.flatMap(([a, b]) => o.map((oi, d) => oi + a * (u[d] as number) + b * (v[d] as number)));
    const { coords, explained } = principalPlane(data, n, 4);
    expect(explained).toBeCloseTo(1, 9);
    expect(coords).toHaveLength(2 * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const want = Math.hypot(
          (ab[i]?.[0] as number) - (ab[j]?.[0] as number),
          (ab[i]?.[1] as number) - (ab[j]?.[1] as number),
        );
        const got = Math.hypot(
          (coords[2 * i] as number) - (coords[2 * j] as number),
          (coords[2 * i + 1] as number) - (coords[2 * j + 1] as number),
        );
        expect(Math.abs(got - want)).toBeLessThan(1e-4);
      }
    }
  });

  it('explains (18 + 8) / 28 of the points ±3 e1, ±2 e2, ±1 e3, first axis the widest', () => {
    // Covariance diag(18, 8, 2) / 6: the plane keeps the two largest, 26 of 28.
    const data = [3, 0, 0, -3, 0, 0, 0, 2, 0, 0, -2, 0, 0, 0, 1, 0, 0, -1];
    const { coords, explained } = principalPlane(data, 6, 3);
    expect(explained).toBeCloseTo(26 / 28, 9);
    expect(Math.abs(coords[0] as number)).toBeCloseTo(3, 5);
    expect(coords[1] as number).toBeCloseTo(0, 5);
    expect(coords[4] as number).toBeCloseTo(0, 5);
    expect(Math.abs(coords[5] as number)).toBeCloseTo(2, 5);
    expect(coords[8] as number).toBeCloseTo(0, 5);
    expect(coords[9] as number).toBeCloseTo(0, 5);
  });

  it('handles points on a line (one direction of variance) and constant data', () => {
    const line = Array.from({ length: 10 }, (_, i) => [i, 2 * i, -i]).flat();
    const l = principalPlane(line, 10, 3);
    expect(l.explained).toBeCloseTo(1, 9);
    for (let i = 0; i < 10; i++) expect(l.coords[2 * i + 1] as number).toBeCloseTo(0, 5);
    expect(Math.abs((l.coords[18] as number) - (l.coords[0] as number))).toBeCloseTo(9 * Math.sqrt(6), 4);
    const flat = principalPlane(new Array(12).fill(5), 4, 3);
    expect(flat.explained).toBe(1);
    expect(Array.from(flat.coords)).toEqual(new Array(8).fill(0));
  });

  it('returns 2-D data unchanged and refuses 1-D data', () => {
    const data = [1, 2, 3, 4, 5, 6];
    const p = principalPlane(data, 3, 2);
    expect(Array.from(p.coords)).toEqual(data);
    expect(p.explained).toBe(1);
    expect(() => principalPlane([1, 2, 3], 3, 1)).toThrow();
  });
});

describe('maxBend', () => {
  const line = (f: (t: number) => [number, number]) =>
    Array.from({ length: 41 }, (_, i) => f(-1 + i / 20)).flat();

  it('is ~0 for a straight line and for an affine image of one', () => {
    expect(maxBend(line((t) => [t, 2 * t + 1]))).toBeLessThan(1e-12);
    // (t, 0.5 t) pushed through [[2, -1], [0.5, 3]] plus (4, -1) is still a line.
    expect(maxBend(line((t) => [2 * t + 0.25 * t + 4, -t + 1.5 * t - 1]))).toBeLessThan(1e-12);
  });

  it('is clearly positive for a line folded by ReLU', () => {
    // (t, max(0, t)): the kink (0, 0) is 1 / sqrt(5) from the chord, whose box diagonal is sqrt(5).
    expect(maxBend(line((t) => [t, Math.max(0, t)]))).toBeCloseTo(0.2, 9);
  });

  it('uses the distance from the first point when the line loops back to it', () => {
    expect(maxBend([0, 0, 1, 0, 1, 1, 0, 0])).toBeCloseTo(1, 12);
  });

  it('is 0 for a collapsed line and for fewer than 3 points', () => {
    expect(maxBend(new Array(20).fill(0.5))).toBe(0);
    expect(maxBend([0, 0, 1e-12, 2e-12, 0, 1e-12])).toBe(0);
    expect(maxBend([0, 0, 1, 1])).toBe(0);
  });
});
