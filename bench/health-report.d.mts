// Types for health-report.mjs.
export interface HealthReading {
  steps: number;
  loop: { runningMs: number; stepsMs: number; healthMs: number; healthSamples: number };
}
export interface HealthShares {
  runningMs: number;
  steps: number;
  samples: number;
  share: number;
  extraShare: number | null;
  sampleMs: number | null;
  stepMs: number | null;
  samplesPerSecond: number;
}
export function healthShares(
  before: HealthReading | null | undefined,
  after: HealthReading | null | undefined,
): HealthShares | null;
export function healthSection(results: unknown): string;
export const HEALTH_SHARE_LIMIT: number;
export function healthTargets(results: unknown): {
  id: string;
  label: string;
  value: number | null;
  pass: boolean | null;
  note: string;
  unit: string;
}[];
