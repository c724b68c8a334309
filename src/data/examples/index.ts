/** A small public-domain dataset bundled with the app, read through the same CSV path as an import. */
export interface CsvExample {
  readonly id: 'iris';
  /** The file name it imports as. */
  readonly file: string;
  /** What the UI calls it, its source included. */
  readonly title: string;
  readonly source: string;
  /** The CSV text (its own chunk: loaded on demand, precached for offline use). */
  readonly load: () => Promise<string>;
}

/** The bundled examples (see README.md beside this file for their sources). */
export const CSV_EXAMPLES: readonly CsvExample[] = [
  {
    id: 'iris',
    file: 'iris.csv',
    title: 'Fisher’s Iris (150 flowers, 4 measurements, 3 species)',
    source:
      'R. A. Fisher (1936), Annals of Eugenics 7; via the UCI Machine Learning Repository. Public domain.',
    load: () => import('./iris.csv?raw').then((m) => m.default),
  },
];
