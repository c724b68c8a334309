// Types for markdown.mjs.
export function fmt(value: unknown, digits?: number): string;
export function mdTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string;
export function renderMarkdown(results: unknown): string;
