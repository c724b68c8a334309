// Types for targets-issue13.mjs (loose: the results object is plain JSON written by run.mjs).
import type { Target } from './targets.mjs';

export function bytesNote(bytes: unknown): string;
export function timesNote(load: unknown): string;
export function issue13Targets(results: unknown): Target[];
