import type { Point } from './types';

/** An axis-aligned box in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/** Where a new node goes, and whether that spot is inside the view (else the view should follow it). */
export interface Spot extends Point {
  readonly inView: boolean;
}

/**
 * Where a new node of size `size` goes: the free spot (no overlap with `taken`, `gap` apart)
 * nearest the middle of `view`, searched on a grid of half-node steps inside the view. When the
 * view is full, just below everything (inView false: the caller brings it into view). Deterministic.
 */
export function freeSpot(
  taken: readonly Box[],
  view: Box,
  size: { width: number; height: number },
  gap = 16,
): Spot {
  const stepX = Math.max(8, Math.round(size.width / 2));
  const stepY = Math.max(8, Math.round(size.height / 2));
  const cx = view.x + view.width / 2 - size.width / 2;
  const cy = view.y + view.height / 2 - size.height / 2;
  const candidates: Point[] = [];
  for (let y = view.y; y + size.height <= view.y + view.height; y += stepY) {
    for (let x = view.x; x + size.width <= view.x + view.width; x += stepX) candidates.push({ x, y });
  }
  candidates.sort((a, b) => (a.x - cx) ** 2 + (a.y - cy) ** 2 - ((b.x - cx) ** 2 + (b.y - cy) ** 2));
  const free = candidates.find((p) => !taken.some((t) => overlaps({ ...p, ...size }, t, gap)));
  if (free) return { x: Math.round(free.x), y: Math.round(free.y), inView: true };
  const bottom = taken.reduce((m, t) => Math.max(m, t.y + t.height), view.y);
  return { x: Math.round(cx), y: Math.round(bottom + gap), inView: false };
}
