import type * as tf from '../../compile/tf';
import type { ProbeMode } from '../protocol';
import { withFrozenBatchNorm } from './frozenStats';

/**
 * Every node's output on `x` through the probe model, in inference mode or in training mode
 * (BatchNorm normalizes with the batch's own statistics; its running statistics are left as
 * they were). Call inside tf.tidy.
 */
export function probeOutputs(
  model: tf.LayersModel,
  probe: tf.LayersModel,
  x: tf.Tensor,
  mode: ProbeMode,
): tf.Tensor[] {
  const run = () => probe.apply(x, { training: mode === 'training' }) as tf.Tensor | tf.Tensor[];
  const out = mode === 'training' ? withFrozenBatchNorm(model, run) : run();
  return Array.isArray(out) ? out : [out];
}
