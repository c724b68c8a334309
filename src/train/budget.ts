/**
 * The interval of a refresh that took `costMs`: its nominal interval, or 19 times its cost when
 * that is longer, so the refresh takes at most 1/20 of the time (5%) whatever the model's size.
 */
export function budgeted(intervalMs: number, costMs: number | null): number {
  return Math.max(intervalMs, 19 * (costMs ?? 0));
}

/**
 * Whether a refresh that last ended at `endedAt` after taking `costMs` is due at `now`: its
 * budgeted interval counted from its end, so from one start to the next it takes at least 20
 * times its cost (at most 5% of the time). Counted from its start it could take 1/19 (5.3%).
 */
export function isDue(now: number, endedAt: number, intervalMs: number, costMs: number | null): boolean {
  return now - endedAt >= budgeted(intervalMs, costMs);
}
