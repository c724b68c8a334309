// Types for cpu.mjs (per-thread CPU time of a browser's process tree, from Linux's /proc).
export function available(): boolean;
export function childPids(): string[];
export function threadKind(processType: string, comm: string): string;
export function snapshot(rootPid: number | string | null): Record<string, number>;
export function cpuPercent(
  before: Record<string, number>,
  after: Record<string, number>,
  ms: number,
): Record<string, number>;
export function workerThreadFiles(rootPid: number | string | null): string[];
export function workerCpuNs(files: readonly string[]): number | null;
