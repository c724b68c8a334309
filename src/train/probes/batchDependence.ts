import * as tf from '../../compile/tf';
import { embedPlane } from '../../data/slice';
import { createRng, deriveSeed, type Rng } from '../../lib/rng';
import type { BatchDependenceReport, BatchGroup } from '../protocol';
import { nodeOf, type ProbeContext } from './context';
import { withFrozenBatchNorm } from './frozenStats';
import { subModel } from './subModel';

/** Random batches drawn per kind of batch. */
export const DRAWS = 6;
export const BATCH_SIZES = [2, 4, 8, 16, 32, 64] as const;

interface Plan {
  readonly label: string;
  /** Each draw: indices of the training points that share the batch with the probed point. */
  readonly draws: readonly (readonly number[])[];
}

function pick(pool: readonly number[], count: number, rng: Rng): number[] {
  return Array.from({ length: count }, () => pool[rng.int(pool.length)] as number);
}

/** Batch-mates: same class (one group per class), mixed classes, random, then random at each size. */
function planBatches(c: ProbeContext): Plan[] {
  const { yTrain } = c.config.data;
  const rng = createRng(deriveSeed(c.config.seed, 31));
  const all = Array.from({ length: yTrain.length }, (_, i) => i);
  const size = Math.max(2, Math.min(64, c.batchSize));
  const plans: Plan[] = [];
  if (c.config.ctx.task !== 'regression') {
    const classes = Array.from({ length: Math.max(2, c.config.ctx.outputDim) }, (_, k) =>
      all.filter((i) => yTrain[i] === k),
    ).filter((members) => members.length > 0);
    classes.forEach((members) => {
      const k = yTrain[members[0] as number];
      plans.push({
        label: `class ${k}`,
        draws: Array.from({ length: DRAWS }, () => pick(members, size - 1, rng)),
      });
    });
    plans.push({
      label: 'mixed',
      draws: Array.from({ length: DRAWS }, () =>
        Array.from(
          { length: size - 1 },
          (_, j) => pick(classes[j % classes.length] as number[], 1, rng)[0] as number,
        ),
      ),
    });
  }
  plans.push({ label: 'random', draws: Array.from({ length: DRAWS }, () => pick(all, size - 1, rng)) });
  for (const s of BATCH_SIZES) {
    plans.push({ label: `n=${s}`, draws: Array.from({ length: DRAWS }, () => pick(all, s - 1, rng)) });
  }
  return plans;
}

function batchTensor(c: ProbeContext, point: readonly [number, number], mates: readonly number[]) {
  const { xTrain } = c.config.data;
  const d = c.config.ctx.inputDim;
  const rows = new Float32Array((mates.length + 1) * d);
  // The point lives in the slice's plane: lifted to every input (the others at their mean, 0).
  rows.set(embedPlane(new Float32Array(point), d, c.plane));
  mates.forEach((m, r) => {
    rows.set(xTrain.subarray(m * d, (m + 1) * d), (r + 1) * d);
  });
  return tf.tensor2d(rows, [mates.length + 1, d]);
}

const spread = (v: readonly number[]) => (v.length ? Math.max(...v) - Math.min(...v) : 0);

/**
 * The output of one point at a BatchNorm node (one unit) when the point sits in different
 * batches. Training mode normalizes with the batch's mean and variance, so batch-mates move the
 * point's output; inference mode uses the running statistics, so they cannot.
 */
export async function probeBatchDependence(
  c: ProbeContext,
  nodeId: string,
  unitWanted: number,
  point: readonly [number, number],
): Promise<BatchDependenceReport> {
  nodeOf(c.config, nodeId);
  const model = c.compiled.model;
  const sub = subModel(model, nodeId);
  const width = (sub.outputs[0]?.shape[1] as number | null) ?? 1;
  const unit = Math.max(0, Math.min(width - 1, Math.floor(unitWanted)));
  const plans = planBatches(c);
  const batches = plans.flatMap((p) => p.draws.map((mates) => batchTensor(c, point, mates)));
  const firstOf = (t: tf.Tensor) => tf.reshape(tf.slice(t as tf.Tensor2D, [0, unit], [1, 1]), [1]);
  const packed = tf.tidy(() => {
    const training = withFrozenBatchNorm(model, () =>
      batches.map((b) => firstOf(sub.apply(b, { training: true }) as tf.Tensor)),
    );
    const inference = batches.map((b) => firstOf(sub.apply(b, { training: false }) as tf.Tensor));
    const alone = firstOf(sub.apply(tf.slice(batches[0] as tf.Tensor2D, [0, 0], [1, -1])) as tf.Tensor);
    return tf.concat([...training, ...inference, alone]);
  });
  tf.dispose(batches);
  const v = Array.from(await packed.data());
  packed.dispose();
  const total = batches.length;
  const trainingValues = v.slice(0, total);
  const groups: BatchGroup[] = [];
  let at = 0;
  for (const p of plans) {
    groups.push({ label: p.label, values: trainingValues.slice(at, at + p.draws.length) });
    at += p.draws.length;
  }
  return {
    nodeId,
    unit,
    point,
    step: c.step,
    inference: v[2 * total] as number,
    groups,
    trainingSpread: spread(trainingValues),
    inferenceSpread: spread(v.slice(total, 2 * total)),
  };
}
