// Types for markdown-long.mjs.
export function bigNetSection(results: unknown): string;
export function soakSection(results: unknown): string;
