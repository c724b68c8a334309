import { createRng, deriveSeed, shuffledIndices } from '../lib/rng';
import { csvInfo, emptyDataset } from './csv/info';
import * as gen from './generators';
import type { BuiltinName, DataSettings, Dataset, DatasetInfo } from './types';

const DOMAIN = [-6, 6] as const;
/** The generated sets' two inputs. */
const XY = ['x1', 'x2'] as const;
const binary = (name: BuiltinName, label: string): DatasetInfo => ({
  name,
  label,
  task: 'binary',
  classes: 2,
  inputDim: 2,
  outputDim: 1,
  domain: DOMAIN,
  featureNames: XY,
  classLabels: ['0', '1'],
});

/** Every generated dataset the app offers, in menu order (imported data is the 'csv' source). */
export const DATASETS: Readonly<Record<BuiltinName, DatasetInfo>> = {
  circle: binary('circle', 'Circle'),
  xor: binary('xor', 'XOR'),
  gaussian: binary('gaussian', 'Gaussian'),
  spiral: binary('spiral', 'Spiral'),
  moons: binary('moons', 'Moons'),
  spiral3: {
    name: 'spiral3',
    label: 'Spiral, 3 classes',
    task: 'multiclass',
    classes: 3,
    inputDim: 2,
    outputDim: 3,
    domain: DOMAIN,
    featureNames: XY,
    classLabels: ['0', '1', '2'],
  },
  wave: {
    name: 'wave',
    label: 'Wave (regression)',
    task: 'regression',
    classes: 1,
    inputDim: 2,
    outputDim: 1,
    domain: DOMAIN,
    featureNames: XY,
    classLabels: null,
  },
};

const GENERATORS: Readonly<Record<BuiltinName, gen.Generator>> = {
  circle: gen.circle,
  xor: gen.xor,
  gaussian: gen.gaussian,
  spiral: gen.spiral,
  moons: gen.moons,
  spiral3: gen.spiral3,
  wave: gen.wave,
};

export const DATA_LIMITS = {
  samples: { min: 50, max: 5000 },
  noise: { min: 0, max: 1 },
  trainFraction: { min: 0.1, max: 0.9 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  inputScale: { min: 0.01, max: 100 },
} as const;

export const DEFAULT_DATA: DataSettings = {
  dataset: 'circle',
  samples: 500,
  noise: 0.1,
  trainFraction: 0.5,
  seed: 1,
  inputScale: 1,
};

/** Rows in the train split of n rows: round(n * trainFraction), leaving at least one on each side. */
export function trainRows(n: number, trainFraction: number): number {
  return Math.min(n - 1, Math.max(1, Math.round(n * trainFraction)));
}

/** The input scale clamped to DATA_LIMITS.inputScale; anything not a finite number counts as 1. */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(Math.max(scale, DATA_LIMITS.inputScale.min), DATA_LIMITS.inputScale.max);
}

/** The dataset's info with its domain multiplied by `scale` (the same object when scale is 1). */
export function scaledInfo(info: DatasetInfo, scale: number): DatasetInfo {
  if (scale === 1) return info;
  return { ...info, domain: [info.domain[0] * scale, info.domain[1] * scale] };
}

/**
 * Generates a dataset and splits it (imported data: see buildDataset). Deterministic: the same settings give the same points,
 * in the same order, in every browser (mulberry32 + Box-Muller in plain float math). Every
 * coordinate is multiplied by the input scale, and so is the returned info's domain; the scale
 * changes no random draw, so scale 20 gives the points of scale 1 times 20 (rounded to float32).
 */
export function generateDataset(s: DataSettings): Dataset {
  // Imported data comes from its rows (see buildDataset); without them it has none.
  if (s.dataset === 'csv') return emptyDataset(csvInfo(s.csv));
  const scale = clampScale(s.inputScale);
  const info = scaledInfo(DATASETS[s.dataset], scale);
  const n = Math.round(Math.min(Math.max(s.samples, DATA_LIMITS.samples.min), DATA_LIMITS.samples.max));
  const { x, y } = GENERATORS[s.dataset](n, s.noise, createRng(deriveSeed(s.seed, 1)));
  if (scale !== 1) for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * scale;
  const order = shuffledIndices(n, createRng(deriveSeed(s.seed, 2)));
  const nTrain = trainRows(n, s.trainFraction);
  const pick = (from: number, to: number) => {
    const xs = new Float32Array((to - from) * 2);
    const ys = new Float32Array(to - from);
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      xs[2 * (k - from)] = x[2 * i] as number;
      xs[2 * (k - from) + 1] = x[2 * i + 1] as number;
      ys[k - from] = y[i] as number;
    }
    return { xs, ys };
  };
  const train = pick(0, nTrain);
  const test = pick(nTrain, n);
  return { info, xTrain: train.xs, yTrain: train.ys, xTest: test.xs, yTest: test.ys };
}
