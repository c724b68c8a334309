import { describe, expect, it } from 'vitest';
import { column, fraction, histogram, moments } from '../src/lib/stats';

describe('moments', () => {
  it('gives mean 2.5 and population std sqrt(1.25) for [1, 2, 3, 4]', () => {
    // By hand: deviations -1.5, -0.5, 0.5, 1.5; squares sum to 5; 5 / 4 = 1.25.
    const m = moments([1, 2, 3, 4]);
    expect(m.n).toBe(4);
    expect(m.mean).toBe(2.5);
    expect(m.std).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('is 0, 0, 0 for no values and for only non-finite ones', () => {
    expect(moments([])).toEqual({ mean: 0, std: 0, n: 0 });
    expect(moments([Number.NaN, Number.POSITIVE_INFINITY])).toEqual({ mean: 0, std: 0, n: 0 });
  });

  it('stays exact for a large offset where sum x^2 / n - mean^2 would cancel', () => {
    const m = moments(new Float64Array([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]));
    expect(m.mean).toBe(1e9 + 2.5);
    expect(m.std).toBeCloseTo(Math.sqrt(1.25), 9);
  });
});

describe('histogram', () => {
  it('splits [min, max] into equal bins, the maximum in the last bin', () => {
    // Range [0, 4], 4 bins of width 1: [0,1) [1,2) [2,3) [3,4]; 4 lands in the last bin.
    const h = histogram([0, 0.5, 1, 2.5, 3, 4], 4);
    expect(h.lo).toBe(0);
    expect(h.hi).toBe(4);
    expect(h.counts).toEqual([2, 1, 1, 2]);
    expect(h.n).toBe(6);
    expect(h.nonFinite).toBe(0);
  });

  it('reports the moments of the same values', () => {
    const h = histogram([1, 2, 3, 4], 3);
    expect(h.mean).toBe(2.5);
    expect(h.std).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(h.counts).toEqual([1, 1, 2]);
  });

  it('defaults to 30 bins', () => {
    const h = histogram([0, 1, 2]);
    expect(h.counts).toHaveLength(30);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[29]).toBe(1);
  });

  it('widens a constant input v to [v - 0.5, v + 0.5] with every value in the middle bin', () => {
    const h = histogram([7, 7, 7], 5);
    expect([h.lo, h.hi]).toEqual([6.5, 7.5]);
    expect(h.counts).toEqual([0, 0, 3, 0, 0]);
    expect(h.std).toBe(0);
  });

  it('gives [0, 1] and zero counts for an empty input', () => {
    const h = histogram([], 4);
    expect(h).toEqual({ lo: 0, hi: 1, counts: [0, 0, 0, 0], mean: 0, std: 0, n: 0, nonFinite: 0 });
  });

  it('skips and counts NaN and ±Infinity, which do not stretch the range', () => {
    const h = histogram([1, Number.NaN, 3, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 2);
    expect([h.lo, h.hi]).toEqual([1, 3]);
    expect(h.counts).toEqual([1, 1]);
    expect(h.n).toBe(2);
    expect(h.nonFinite).toBe(3);
    expect(h.mean).toBe(2);
  });

  it('clamps values outside an explicit range into the end bins', () => {
    // Range [0, 2], 2 bins: -5 and 0.5 in the first, 1.5, 2 and 9 in the last.
    const h = histogram([-5, 0.5, 1.5, 2, 9], 2, [0, 2]);
    expect([h.lo, h.hi]).toEqual([0, 2]);
    expect(h.counts).toEqual([2, 3]);
    expect(h.mean).toBe(1.6);
  });
});

describe('fraction', () => {
  it('is the share of finite values for which the predicate holds', () => {
    expect(fraction([-1, 0, 2, 3], (v) => v > 0)).toBe(0.5);
    expect(fraction([0, 0, Number.NaN, 1], (v) => v === 0)).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 when there are no finite values', () => {
    expect(fraction([], () => true)).toBe(0);
    expect(fraction([Number.NaN], () => true)).toBe(0);
  });
});

describe('column', () => {
  it('picks one column of a row-major matrix', () => {
    const m = [1, 2, 3, 4, 5, 6]; // [[1, 2, 3], [4, 5, 6]]
    expect(Array.from(column(m, 3, 0))).toEqual([1, 4]);
    expect(Array.from(column(m, 3, 2))).toEqual([3, 6]);
    expect(column(m, 3, 1)).toBeInstanceOf(Float32Array);
  });

  it('throws for a column outside the width', () => {
    expect(() => column([1, 2], 2, 2)).toThrow(RangeError);
  });
});
