// Number formatting and Markdown tables for the report (pure).

/** A number with `digits` decimals, '–' for null/undefined/NaN. */
export function fmt(value, digits = 1) {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
    return '–';
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A Markdown table; cells are escaped for pipes. */
export function mdTable(headers, rows) {
  const cell = (v) => String(v).replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
