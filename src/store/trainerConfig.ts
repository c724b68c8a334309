/** Small pieces of the trainer bridge: the model's config for the engine, and a readback that gives up. */
import type { NodeWeights, SessionConfig } from '../train/protocol';
import { graphContextOf } from './dataSlice';
import { answerOrGiveUp } from './engineReadback';
import type { TrainerClient } from './trainerBridge';
import type { AppState } from './types';

export { WEIGHTS_TIMEOUT_MS } from './engineReadback';

/**
 * The model's weights, or null when the engine does not answer in time: a readback on a WebGL
 * context that was lost meanwhile never resolves, and the command queue must not wait on it
 * (every later Train would wait behind it).
 */
export function readWeightsOrGiveUp(client: Pick<TrainerClient, 'getWeights'>): Promise<NodeWeights | null> {
  return answerOrGiveUp(() => client.getWeights());
}

/** What the engine needs to build and train the lab's model (with the boundary's input plane). */
export function configOf(s: AppState): SessionConfig {
  const ds = s.dataset;
  return {
    graph: s.graph,
    ctx: graphContextOf(s.data),
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: ds.info.domain },
    hyper: s.hyper,
    seed: s.data.seed,
    plane: s.plane,
  };
}
