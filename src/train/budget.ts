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

/**
 * The longest refresh slow motion repeats after every group of steps (ms): one that takes longer
 * cannot be watched as an animation anyway (under 10 redraws a second), and a big net's boundary
 * (seconds) would slow training to its pace.
 */
export const SLOW_MOTION_MAX_REFRESH_MS = 100;

/**
 * The same in slow motion, where a refresh comes after every group of steps while it costs at
 * most SLOW_MOTION_MAX_REFRESH_MS; a dearer one is budgeted as at full speed.
 */
export function isDueInSlowMotion(
  now: number,
  endedAt: number,
  intervalMs: number,
  costMs: number | null,
): boolean {
  return (costMs ?? 0) <= SLOW_MOTION_MAX_REFRESH_MS || isDue(now, endedAt, intervalMs, costMs);
}
