import type { AppState } from './types';

const DATA_LABELS: Readonly<Record<string, string>> = {
  dataset: 'the dataset',
  samples: 'the number of samples',
  noise: 'the noise',
  trainFraction: 'the train split',
  seed: 'the seed',
  inputScale: 'the input scale',
  csv: 'the imported data',
};

/** "Samples" or "Noise and the seed": which data settings differ. */
export function changedDataSettings(a: AppState['data'], b: AppState['data']): string {
  const keys = Object.keys(b).filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b]);
  const names = keys.map((k) => DATA_LABELS[k] ?? k);
  const text =
    names.length === 0
      ? 'the data'
      : names.length === 1
        ? (names[0] as string)
        : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
