import type { CompiledGraph } from '../../compile/compileGraph';
import type * as tf from '../../compile/tf';
import type { Plane } from '../../data/slice';
import type { SessionConfig } from '../protocol';
import type { DataTensors } from '../tensors';

/** What a probe may read from the session: the live model, the data, and where training is. */
export interface ProbeContext {
  readonly compiled: CompiledGraph;
  readonly config: SessionConfig;
  readonly tensors: DataTensors;
  /** The fixed probe batch: the first PROBE_BATCH test points. */
  readonly probeX: tf.Tensor2D;
  readonly step: number;
  readonly batchSize: number;
  /** The two inputs the input plane's pictures vary; the others are held at 0 (see src/data/slice.ts). */
  readonly plane: Plane;
}

/** Rows in the fixed probe batch of test points. */
export const PROBE_BATCH = 256;

/** The node's single input: another node's id, or 'input' data when it is fed by the Input node. */
export function sourceOf(config: SessionConfig, nodeId: string): string | null {
  return config.graph.edges.find((e) => e.target === nodeId)?.source ?? null;
}

/** A probe asked about a node the current model does not have (the graph changed under it). */
export class StaleProbeError extends Error {}

export function nodeOf(config: SessionConfig, nodeId: string) {
  const node = config.graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new StaleProbeError(`The node ${nodeId} is not in the model being trained.`);
  return node;
}
