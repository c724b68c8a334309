import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, freeSpot } from '../src/graph/placement';

const size = { width: 160, height: 60 };
const view: Box = { x: 0, y: 0, width: 800, height: 400 };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('freeSpot: a new node lands in free space, in view', () => {
  it('an empty view: the grid spot nearest the middle (within half a node)', () => {
    const p = freeSpot([], view, size);
    expect(Math.abs(p.x + size.width / 2 - 400)).toBeLessThanOrEqual(size.width / 4);
    expect(Math.abs(p.y + size.height / 2 - 200)).toBeLessThanOrEqual(size.height / 4);
  });

  it('nodes added one after another never pile up on each other and stay in view', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 12; i++) {
      const p = freeSpot(taken, view, size);
      const box = { ...p, ...size };
      expect(taken.some((t) => overlap(box, t))).toBe(false);
      expect(box.x).toBeGreaterThanOrEqual(view.x);
      expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
      expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
      taken.push(box);
    }
  });

  it('a full view: just below everything', () => {
    const wall: Box = { x: -50, y: -50, width: 1000, height: 500 };
    expect(freeSpot([wall], view, size)).toEqual({ x: 320, y: 466, inView: false });
  });

  it('whatever is on the canvas, the spot overlaps nothing (property)', () => {
    const boxArb = fc.record({
      x: fc.integer({ min: -200, max: 900 }),
      y: fc.integer({ min: -200, max: 500 }),
      width: fc.integer({ min: 40, max: 300 }),
      height: fc.integer({ min: 30, max: 150 }),
    });
    fc.assert(
      fc.property(fc.array(boxArb, { maxLength: 15 }), (taken) => {
        const p = freeSpot(taken, view, size);
        return !taken.some((t) => overlap({ ...p, ...size }, t));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
