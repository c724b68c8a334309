/**
 * The interval of a refresh that took `costMs`: its nominal interval, or 19 times its cost when
 * that is longer, so the refresh takes at most 1/20 of the time (5%) whatever the model's size.
 */
export function budgeted(intervalMs: number, costMs: number | null): number {
  return Math.max(intervalMs, 19 * (costMs ?? 0));
}
