import type { CompiledGraph } from '../compile/compileGraph';
import * as tf from '../compile/tf';
import { REGISTRY } from '../graph/registry';
import type { Graph } from '../graph/types';
import { subModel } from './probes/subModel';
import type { TrainEvent } from './protocol';

/** The shape of tfjs's engine state that a failed gradient computation can leave behind. */
interface EngineTapeState {
  gradientDepth: number;
  activeTape: { saved?: tf.Tensor[] }[] | null;
}

/**
 * Frees what a training step that threw left behind. tf.tidy disposes the step's own tensors,
 * but when the backward pass throws, tfjs's engine keeps its gradient tape and the tensors saved
 * on it for the gradient functions (engine.gradients clears them only on success), and the next
 * step starts a new tape over them: they would never be freed. Safe to call at any time outside
 * a gradient computation.
 */
export function releaseFailedTape(): void {
  const state = (tf.engine() as unknown as { state: EngineTapeState }).state;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) {
    for (const t of node.saved ?? []) if (!t.isDisposed) t.dispose();
  }
  state.activeTape = null;
}

/** True when computing gradients through the model up to this node (in training mode) throws. */
function gradientFails(model: tf.LayersModel, nodeId: string, x: tf.Tensor): boolean {
  const sub = subModel(model, nodeId);
  const vars = sub.trainableWeights.map((w) => w.read() as tf.Variable);
  try {
    tf.tidy(() => {
      const f = () => tf.sum(sub.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
      if (vars.length > 0) tf.variableGrads(f, vars);
      else f();
    });
    return false;
  } catch {
    releaseFailedTape();
    return true;
  }
}

/**
 * Which node a failed training step is to blame on: the first node, in topological order, whose
 * own forward and backward pass (input -> that node, training mode) throws. Null when every node
 * passes alone (the failure is in the loss or the optimizer) or the check itself cannot run.
 */
export function locateFailingNode(compiled: CompiledGraph, x: tf.Tensor): string | null {
  for (const id of compiled.probeIds) {
    try {
      if (gradientFails(compiled.model, id, x)) return id;
    } catch {
      return null;
    }
  }
  return null;
}

/** "LayerNorm (ln1)": how a message names a node. */
export function nodeName(graph: Graph, nodeId: string): string {
  const node = graph.nodes.find((n) => n.id === nodeId);
  return node ? `${REGISTRY[node.kind].label} (${nodeId})` : nodeId;
}

/**
 * The sentence a person reads when a training step throws: where it stopped, which node (when one
 * is to blame), that nothing is lost and what to do; the engine's own words come last, as detail.
 */
export function stepFailureMessage(step: number, err: unknown, graph: Graph, nodeId: string | null): string {
  const raw = err instanceof Error ? err.message : String(err);
  const where = nodeId ? ` in ${nodeName(graph, nodeId)}` : '';
  const act = nodeId
    ? 'Change or replace that node, or press Train to try again.'
    : 'Press Train to try again, or Reset to start from the initial weights.';
  return `Training stopped at step ${step}: a training step failed${where}. Your graph, settings and weights are kept. ${act} (TensorFlow.js said: ${raw})`;
}

/** A training step that threw, with the node to blame (if found) and the message to show. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly nodeId: string | null,
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** The error event for anything that stopped the loop: a StepFailure as it is, else in plain words. */
export function failureEvent(err: unknown, step: number): TrainEvent {
  if (err instanceof StepFailure) {
    return { type: 'error', message: err.message, ...(err.nodeId ? { nodeId: err.nodeId } : {}) };
  }
  const raw = err instanceof Error ? err.message : String(err);
  return { type: 'error', message: `Training stopped at step ${step}: ${raw}. Press Train to try again.` };
}

/** The StepFailure for an error thrown at `step`: the node to blame looked for, the message written. */
export function diagnoseStepFailure(
  err: unknown,
  compiled: CompiledGraph,
  x: tf.Tensor,
  step: number,
  graph: Graph,
): StepFailure {
  const nodeId = locateFailingNode(compiled, x);
  return new StepFailure(stepFailureMessage(step, err, graph, nodeId), nodeId);
}
