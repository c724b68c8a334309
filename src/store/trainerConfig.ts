/** Small pieces of the trainer bridge: the model's config for the engine, and a readback that gives up. */
import type { NodeWeights, SessionConfig } from '../train/protocol';
import { graphContextOf } from './dataSlice';
import type { TrainerClient } from './trainerBridge';
import type { AppState } from './types';

/** How long a weights readback may take before it is given up (a lost GPU context never answers). */
export const WEIGHTS_TIMEOUT_MS = 5000;

/**
 * The model's weights, or null when the engine does not answer in time: a readback on a WebGL
 * context that was lost meanwhile never resolves, and the command queue must not wait on it
 * (every later Train would wait behind it).
 */
export function readWeightsOrGiveUp(client: Pick<TrainerClient, 'getWeights'>): Promise<NodeWeights | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), WEIGHTS_TIMEOUT_MS);
    client.getWeights().then(
      (w) => {
        clearTimeout(timer);
        resolve(w);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/** What the engine needs to build and train the lab's model. */
export function configOf(s: AppState): SessionConfig {
  const ds = s.dataset;
  return {
    graph: s.graph,
    ctx: graphContextOf(s.data),
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: ds.info.domain },
    hyper: s.hyper,
    seed: s.data.seed,
  };
}
