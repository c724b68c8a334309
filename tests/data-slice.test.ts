import { describe, expect, it } from 'vitest';
import { defaultPlane, embedPlane, fitPlane, gridPoints, projectRows, sliceGrid } from '../src/data/slice';

describe('the 2-D slice', () => {
  it('grid: the two chosen features vary over the square, every other one stays at the mean (0)', () => {
    const size = 4;
    const dim = 5;
    const grid = sliceGrid(size, [-2, 2], dim, [3, 1]);
    expect(grid.length).toBe(size * size * dim);
    const plane = gridPoints(size, [-2, 2]);
    for (let i = 0; i < size * size; i++) {
      const row = Array.from(grid.subarray(i * dim, (i + 1) * dim));
      expect(row[3]).toBe(plane[2 * i]);
      expect(row[1]).toBe(plane[2 * i + 1]);
      expect([row[0], row[2], row[4]]).toEqual([0, 0, 0]);
    }
    // Across varies along a row, up down the rows (top row first).
    const across = new Set(Array.from({ length: size }, (_, c) => grid[c * dim + 3]));
    expect(across.size).toBe(size);
    expect(grid[1]).toBeGreaterThan(grid[size * (size - 1) * dim + 1] as number);
  });

  it('holds the other features at a given mean when it is not 0', () => {
    const rows = embedPlane(new Float32Array([1, 2, 3, 4]), 3, [2, 0], 0.5);
    expect(Array.from(rows)).toEqual([2, 0.5, 1, 4, 0.5, 3]);
  });

  it('is the plane itself for two features, and varies across only for one', () => {
    const pts = gridPoints(3, [-1, 1]);
    expect(embedPlane(pts, 2, [0, 1])).toBe(pts);
    const swapped = embedPlane(pts, 2, [1, 0]);
    expect(swapped[0]).toBe(pts[1]);
    expect(swapped[1]).toBe(pts[0]);
    const one = embedPlane(pts, 1, [0, -1]);
    expect(Array.from(one)).toEqual(Array.from({ length: 9 }, (_, i) => pts[2 * i]));
  });

  it('fits a plane to the input width', () => {
    expect(defaultPlane(4)).toEqual([0, 1]);
    expect(defaultPlane(1)).toEqual([0, -1]);
    expect(fitPlane([2, 3], 4)).toEqual([2, 3]);
    expect(fitPlane([2, 2], 4)).toEqual([0, 1]);
    expect(fitPlane([2, 5], 4)).toEqual([0, 1]);
    expect(fitPlane([0, 1], 1)).toEqual([0, -1]);
  });

  it('projects rows onto the slice, at most max of them', () => {
    const x = Float32Array.from({ length: 30 }, (_, i) => i);
    const y = Float32Array.from({ length: 10 }, (_, i) => i);
    const all = projectRows(x, y, 3, [2, 0], 100);
    expect(Array.from(all.x.slice(0, 4))).toEqual([2, 0, 5, 3]);
    const some = projectRows(x, y, 3, [2, 0], 4);
    expect(some.y.length).toBeLessThanOrEqual(4);
    expect(Array.from(some.y)).toEqual([0, 3, 6, 9]);
  });
});
