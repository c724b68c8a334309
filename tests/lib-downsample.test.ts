import { describe, expect, it } from 'vitest';
import { compactSeries, downsample, extremes, type XY } from '../src/lib/downsample';
import { createRng } from '../src/lib/rng';

const mulberry32 = (seed: number) => createRng(seed).next;

/** The classic LTTB (Steinarsson 2013, the reference JavaScript), written out independently. */
function referenceLttb(data: readonly XY[], threshold: number): XY[] {
  const sampled: XY[] = [data[0] as XY];
  const every = (data.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    let avgX = 0;
    let avgY = 0;
    let avgStart = Math.floor((i + 1) * every) + 1;
    let avgEnd = Math.floor((i + 2) * every) + 1;
    avgEnd = Math.min(avgEnd, data.length);
    if (i === threshold - 3) {
      avgStart = data.length - 1;
      avgEnd = data.length;
    }
    const len = avgEnd - avgStart;
    for (; avgStart < avgEnd; avgStart++) {
      avgX += (data[avgStart] as XY).x;
      avgY += (data[avgStart] as XY).y;
    }
    avgX /= len;
    avgY /= len;
    let rangeOffs = Math.floor(i * every) + 1;
    const rangeTo = Math.floor((i + 1) * every) + 1;
    const pa = data[a] as XY;
    let maxArea = -1;
    let next = rangeOffs;
    for (; rangeOffs < rangeTo; rangeOffs++) {
      const p = data[rangeOffs] as XY;
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y)) * 0.5;
      if (area > maxArea) {
        maxArea = area;
        next = rangeOffs;
      }
    }
    sampled.push(data[next] as XY);
    a = next;
  }
  sampled.push(data[data.length - 1] as XY);
  return sampled;
}

const series = (ys: readonly number[]): XY[] => ys.map((y, x) => ({ x, y }));

function noisy(n: number, seed: number): XY[] {
  const rand = mulberry32(seed);
  return series(Array.from({ length: n }, (_, i) => Math.exp(-i / (n / 4)) + 0.2 * (rand() - 0.5)));
}

/** True when `sub` is `all` with some points left out (same objects, same order). */
function isSubsequence(sub: readonly XY[], all: readonly XY[]): boolean {
  let j = 0;
  for (const p of sub) {
    while (j < all.length && all[j] !== p) j++;
    if (j === all.length) return false;
    j++;
  }
  return true;
}

describe('downsample (LTTB keeping first, last, min and max)', () => {
  it('returns a series that is short enough as it is', () => {
    const s = series([3, 1, 2]);
    expect(downsample(s, 3)).toBe(s);
    expect(downsample(s, 100)).toBe(s);
    expect(downsample([], 10)).toEqual([]);
  });

  it('is classic LTTB when the extremes are the first and last points', () => {
    // Rising with a zigzag: the minimum is the first point and the maximum the last.
    const s = series(Array.from({ length: 200 }, (_, i) => i + (i % 2 === 0 ? 0.8 : -0.8) * (i > 0 ? 1 : 0)));
    s[0] = { x: 0, y: -5 };
    s[199] = { x: 199, y: 500 };
    // Bucket widths 198 / (m - 2) that are whole numbers: the reference computes its bucket ends
    // in floating point ((i + 2) * every can land just under n - 2), this module exactly.
    for (const m of [5, 11, 20, 35, 101]) {
      const got = downsample(s, m);
      expect(got).toEqual(referenceLttb(s, m));
      expect(got).toHaveLength(m);
    }
  });

  it('always keeps the first, the last, the minimum and the maximum, within maxPoints, in order', () => {
    for (const [n, m, seed] of [
      [1000, 10, 1],
      [1000, 4, 2],
      [5000, 300, 3],
      [57, 9, 4],
      [20_000, 600, 5],
    ] as const) {
      const s = noisy(n, seed);
      // A spike and a dip in the middle, where LTTB alone could miss one of them.
      s[Math.floor(n / 2)] = { x: Math.floor(n / 2), y: 9 };
      s[Math.floor(n / 3)] = { x: Math.floor(n / 3), y: -9 };
      const got = downsample(s, m);
      expect(got.length).toBeLessThanOrEqual(m);
      expect(got.length).toBeGreaterThanOrEqual(Math.min(m, 4));
      expect(got[0]).toBe(s[0]);
      expect(got.at(-1)).toBe(s.at(-1));
      expect(got).toContain(s[Math.floor(n / 2)]);
      expect(got).toContain(s[Math.floor(n / 3)]);
      expect(isSubsequence(got, s)).toBe(true);
    }
  });

  it('keeps both extremes when they fall in the same bucket, still within maxPoints', () => {
    const s = noisy(1000, 7);
    s[500] = { x: 500, y: -3 };
    s[501] = { x: 501, y: 3 };
    for (const m of [4, 5, 10, 50]) {
      const got = downsample(s, m);
      expect(got.length).toBeLessThanOrEqual(m);
      expect(got).toContain(s[500]);
      expect(got).toContain(s[501]);
      expect(isSubsequence(got, s)).toBe(true);
    }
  });

  it('takes maxPoints below 4 as 4, and a fractional one rounded down', () => {
    const s = noisy(100, 8);
    expect(downsample(s, 1)).toHaveLength(4);
    expect(downsample(s, Number.NaN)).toHaveLength(4);
    expect(downsample(s, 10.9)).toHaveLength(10);
  });

  it('passes over non-finite values (a diverged loss) unless nothing else is left', () => {
    const s = noisy(400, 9);
    for (let i = 100; i < 110; i++) s[i] = { x: i, y: Number.NaN };
    s[399] = { x: 399, y: Number.POSITIVE_INFINITY };
    const got = downsample(s, 20);
    expect(got.at(-1)).toBe(s[399]);
    expect(got.slice(0, -1).every((p) => Number.isFinite(p.y))).toBe(true);
    const { min, max } = extremes(s);
    expect(got).toContain(s[min]);
    expect(got).toContain(s[max]);
    // All NaN: the buckets still give a point each.
    expect(downsample(series(Array.from({ length: 50 }, () => Number.NaN)), 6)).toHaveLength(6);
  });

  it('keeps generic point objects (extra fields come along)', () => {
    const s = Array.from({ length: 100 }, (_, i) => ({ x: i, y: Math.sin(i / 5), step: i * 10 }));
    const got = downsample(s, 12);
    expect(got.every((p) => p.step === p.x * 10)).toBe(true);
  });
});

describe('compactSeries: bounded memory for a long run', () => {
  it('leaves a series under the cap alone', () => {
    const s = noisy(100, 10);
    expect(compactSeries(s, 100)).toBe(s);
  });

  it('keeps the newest half of the cap at full resolution and the old extremes', () => {
    const s = noisy(1001, 11);
    s[3] = { x: 3, y: 50 };
    const got = compactSeries(s, 1000);
    expect(got.length).toBeLessThanOrEqual(750);
    expect(got.slice(-500)).toEqual(s.slice(-500));
    expect(got[0]).toBe(s[0]);
    expect(got).toContain(s[3]);
    expect(isSubsequence(got, s)).toBe(true);
  });

  it('stays under the cap over 100,000 appended points, keeping the first point and the global extremes', () => {
    const rand = mulberry32(12);
    let s: readonly XY[] = [];
    let min: XY | null = null;
    let max: XY | null = null;
    let longest = 0;
    for (let i = 0; i < 100_000; i++) {
      const p = { x: i, y: i === 31_337 ? 100 : i === 77_777 ? -100 : rand() };
      if (!min || p.y < min.y) min = p;
      if (!max || p.y > max.y) max = p;
      s = compactSeries([...s, p], 400);
      longest = Math.max(longest, s.length);
    }
    expect(longest).toBeLessThanOrEqual(400);
    expect(s[0]?.x).toBe(0);
    expect(s.at(-1)?.x).toBe(99_999);
    expect(s).toContain(min);
    expect(s).toContain(max);
    expect(s.slice(-200).map((p) => p.x)).toEqual(Array.from({ length: 200 }, (_, i) => 99_800 + i));
  });
});
