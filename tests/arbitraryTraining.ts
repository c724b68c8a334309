import fc from 'fast-check';
import { DATA_LIMITS, generateDataset } from '../src/data/datasets';
import type { DataSettings } from '../src/data/types';
import { HYPER_LIMITS } from '../src/train/optimizers';
import type { ProbeMode } from '../src/train/probeTypes';
import type { Hyper, OptimizerName, SessionConfig } from '../src/train/protocol';
import { type GraphCase, graphCaseArb } from './arbitraryGraph';
import { describeGraph } from './graphText';

/** A valid random graph with the data, optimizer and probe choices of one short training run. */
export interface TrainingCase {
  readonly graphCase: GraphCase;
  readonly data: DataSettings;
  readonly hyper: Hyper;
  /** Which candidate node each probe looks at (modulo how many there are). */
  readonly picks: { readonly distributions: number; readonly batch: number; readonly warp: number };
  readonly mode: ProbeMode;
  /** Whether three steps must keep every number finite (see isTame); else divergence is allowed, if reported. */
  readonly tame: boolean;
}

/**
 * Whether three steps cannot blow up, so every number must stay finite: Adam and RMSProp with a
 * learning rate up to 0.1. They move each weight by at most about 3.2 times the rate per step
 * ((1 - beta1) / sqrt(1 - beta2) for Adam, 1 / sqrt(1 - decay) for RMSProp), whatever the
 * gradient. SGD and momentum move it by the rate times the gradient, and no rate is safe for
 * every graph: a Dense feeding a 16-input Add 16 times steps 256 times as far; a deep linear chain
 * at rate 0.03 overflows float32 in three steps (weights ~30, outputs ~1e5, then ~1e21), and so
 * does rate 1e-4 on inputs scaled by 100. Such runs must report their divergence, not hide it.
 */
export function isTame(h: Hyper): boolean {
  return (h.optimizer === 'adam' || h.optimizer === 'rmsprop') && h.learningRate <= 0.1;
}

/**
 * Small datasets (50 to 100 points) with any noise and train share (range edges included), and
 * input scales 0.01 and 100 now and then; any optimizer (Adam and RMSProp, whose runs are checked
 * strictly, twice as often as SGD and momentum), with learning rates mostly up to 0.1 and
 * now and then up to 10 (see isTame: such a run may diverge, and must say so), batch sizes from
 * 1 to 1024 (the batch is capped at the training rows), L2 off or on.
 */
export function trainingCaseArb(opts: { maxNodes: number; maxUnits: number }): fc.Arbitrary<TrainingCase> {
  const { trainFraction: tf, inputScale } = DATA_LIMITS;
  return fc
    .record({
      graphCase: graphCaseArb(opts),
      samples: fc.integer({ min: 50, max: 100 }),
      noise: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      trainFraction: fc.oneof(
        fc.constantFrom(tf.min, tf.max),
        fc.double({ min: tf.min, max: tf.max, noNaN: true }),
      ),
      dataSeed: fc.nat(DATA_LIMITS.seed.max),
      inputScale: fc.oneof(
        { weight: 6, arbitrary: fc.constant(1) },
        fc.constantFrom(inputScale.min, inputScale.max),
      ),
      hyper: fc.record({
        optimizer: fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom<OptimizerName>('adam', 'rmsprop') },
          { weight: 1, arbitrary: fc.constantFrom<OptimizerName>('sgd', 'momentum') },
        ),
        learningRate: fc.oneof(
          { weight: 5, arbitrary: fc.double({ min: 1e-4, max: 0.1, noNaN: true }) },
          { weight: 1, arbitrary: fc.double({ min: 0.1, max: HYPER_LIMITS.learningRate.max, noNaN: true }) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(HYPER_LIMITS.learningRate.min, HYPER_LIMITS.learningRate.max),
          },
        ),
        batchSize: fc.oneof(
          fc.constantFrom(HYPER_LIMITS.batchSize.min, HYPER_LIMITS.batchSize.max),
          fc.integer({ min: 2, max: 64 }),
        ),
        l2: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          fc.double({ min: HYPER_LIMITS.l2.min, max: HYPER_LIMITS.l2.max, noNaN: true }),
        ),
      }),
      picks: fc.record({ distributions: fc.nat(20), batch: fc.nat(20), warp: fc.nat(20) }),
      mode: fc.constantFrom<ProbeMode>('inference', 'training'),
    })
    .map(({ graphCase, samples, noise, trainFraction, dataSeed, inputScale, hyper, picks, mode }) => {
      const data: DataSettings = {
        dataset: graphCase.dataset,
        samples,
        noise,
        trainFraction,
        seed: dataSeed,
        inputScale,
      };
      const text = () =>
        [
          `${graphCase.dataset} (${graphCase.ctx.task}) ${JSON.stringify({ samples, noise, trainFraction, dataSeed, inputScale })}`,
          `hyper ${JSON.stringify(hyper)}${isTame(hyper) ? '' : ' (may diverge)'}, seed ${graphCase.seed}, probes ${JSON.stringify(picks)} in ${mode} mode`,
          describeGraph(graphCase.graph),
        ].join('\n');
      const tame = isTame(hyper);
      return { graphCase, data, hyper, picks, mode, tame, [fc.toStringMethod]: text };
    });
}

/** The session config of a training case: its graph, its generated and split dataset, its optimizer. */
export function configOf(c: TrainingCase): SessionConfig {
  const ds = generateDataset(c.data);
  return {
    graph: c.graphCase.graph,
    ctx: c.graphCase.ctx,
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: ds.info.domain },
    hyper: c.hyper,
    seed: c.graphCase.seed,
  };
}
