/** Limits on imported CSV files: each keeps a huge or odd file from freezing or breaking the page. */
export const CSV_LIMITS = {
  /** The largest file read (bytes). */
  maxBytes: 50 * 1024 * 1024,
  /** Most data rows. */
  maxRows: 200_000,
  /** Most columns in a file. */
  maxColumns: 256,
  /** Most cells (rows x columns): 64 MB of float32. */
  maxCells: 16_000_000,
  /** Most features a network takes. */
  maxFeatures: 64,
  /** Most classes of a classification target. */
  maxClasses: 20,
  /** Distinct texts remembered per text column (more: it cannot be a class target). */
  maxLabels: 1000,
  /** Fewest usable rows: enough for a train and a test split. */
  minRows: 10,
  /** Longest column name kept (longer ones are cut). */
  maxNameLength: 64,
} as const;
