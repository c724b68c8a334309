/**
 * Settings shared by the property tests. CI runs a fixed seed, so a run is repeatable; set
 * PROPTEST_SEED=<n> to explore other graphs, and PROPTEST_SCALE=<k> to run k times as many.
 * A failure prints the seed and path fast-check needs to replay it.
 */
export const PROPTEST_SEED = Number(process.env.PROPTEST_SEED ?? 20261);
const SCALE = Number(process.env.PROPTEST_SCALE ?? 1);

/** How many cases to run: `base`, times PROPTEST_SCALE. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * SCALE));
}

/** Prints what a block took in wall-clock and CPU seconds (the budget lives in the report, not in an assertion). */
function report(label: string, t0: number, cpu0: NodeJS.CpuUsage): void {
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  console.log(`${label}: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
}

export function timed(label: string, fn: () => void): void {
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  fn();
  report(label, t0, cpu0);
}

export async function timedAsync(label: string, fn: () => Promise<void>): Promise<void> {
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  await fn();
  report(label, t0, cpu0);
}
