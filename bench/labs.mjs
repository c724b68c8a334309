// The networks and labs the benchmark trains (plain data in the store's Graph format).

const DENSE = { useBias: true, initializer: 'glorotUniform' };
const BATCHNORM = { momentum: 0.9, epsilon: 0.001, center: true, scale: true };
const RELU = { fn: 'relu', alpha: 0.2 };

/**
 * Input -> n x (Dense(width) -> BatchNorm -> ReLU) -> Output, as a store graph (ids input,
 * dense1, bn1, act1, …, output; laid out in columns of six nodes).
 */
export function blockGraph(widths) {
  const nodes = [{ id: 'input', kind: 'input', params: {} }];
  widths.forEach((units, i) => {
    const k = i + 1;
    nodes.push(
      { id: `dense${k}`, kind: 'dense', params: { ...DENSE, units } },
      { id: `bn${k}`, kind: 'batchnorm', params: { ...BATCHNORM } },
      { id: `act${k}`, kind: 'activation', params: { ...RELU } },
    );
  });
  nodes.push({ id: 'output', kind: 'output', params: {} });
  const placed = nodes.map((n, i) => ({
    ...n,
    position: { x: 40 + 260 * Math.floor(i / 6), y: 118 * (i % 6) },
  }));
  const edges = placed.slice(1).map((n, i) => {
    const source = placed[i].id;
    return { id: `e-${source}-${n.id}`, source, target: n.id };
  });
  return { nodes: placed, edges };
}

/** The default lab's graph is the app's own (fresh page); these are the datasets timed to 95% accuracy. */
export const ACCURACY_DATASETS = ['circle', 'xor', 'gaussian'];

/** Weights of blockGraph(widths) for 2 inputs and 1 output: Dense W and b, BatchNorm gamma, beta, mean, var. */
export function blockParams(widths, inputs = 2, outputs = 1) {
  let total = 0;
  let fanIn = inputs;
  for (const w of widths) {
    total += fanIn * w + w + 4 * w;
    fanIn = w;
  }
  return total + fanIn * outputs + outputs;
}

/** The throughput workloads of the issue: R1 and R2, on Spiral with 1000 points and Adam 0.01. */
export const WORKLOADS = [
  {
    id: 'R1',
    label: 'R1: 2 → Dense16 → BN → ReLU → Dense16 → BN → ReLU → 1, batch 32',
    hidden: [16, 16],
    batchSize: 32,
  },
  {
    id: 'R2',
    label: 'R2: 2 → 6 × (Dense128 → BN → ReLU) → 1, batch 256',
    hidden: [128, 128, 128, 128, 128, 128],
    batchSize: 256,
  },
].map((w) => ({
  ...w,
  graph: blockGraph(w.hidden),
  params: blockParams(w.hidden),
  data: { dataset: 'spiral', samples: 1000 },
  hyper: { optimizer: 'adam', learningRate: 0.01, batchSize: w.batchSize, l2: 0 },
}));

const BIG_HIDDEN = Array.from({ length: 20 }, () => 512);

/**
 * The big net of issue 10 §6: Input -> 20 x (Dense(512) -> BatchNorm -> ReLU) -> Output on the
 * largest dataset the app allows (DATA_LIMITS.samples.max = 5000 points of Spiral), with the
 * app's default optimizer settings (Adam 0.03, batch 32).
 */
export const BIG_NET = {
  id: 'big',
  label: '2 → 20 × (Dense512 → BN → ReLU) → 1, Spiral with 5000 points, Adam 0.03, batch 32',
  hidden: BIG_HIDDEN,
  graph: blockGraph(BIG_HIDDEN),
  params: blockParams(BIG_HIDDEN),
  data: { dataset: 'spiral', samples: 5000 },
};
