import type { BackendTiming, SessionConfig } from './protocol';
import { TrainingSession } from './session';

/** Untimed steps before timing: WebGL compiles its shaders (and WASM warms up) on the first ones. */
export const WARMUP_STEPS = 3;
/** Timed groups of steps grow up to this size (one loss readback per group, as the app trains). */
const MAX_GROUP = 64;

/**
 * How fast `config` trains on the active tfjs backend: WARMUP_STEPS untimed steps, then groups of
 * steps (each read back once, growing while a group takes under an eighth of `ms`) until `ms` have
 * passed and at least 3 steps ran. The model is built and disposed here: nothing is left behind.
 */
export async function timeTraining(
  config: SessionConfig,
  ms: number,
  now: () => number = () => performance.now(),
): Promise<BackendTiming> {
  const session = new TrainingSession(config, () => {}, { heatmapSize: 2, now });
  try {
    await session.runSteps(WARMUP_STEPS);
    let steps = 0;
    let group = 1;
    const t0 = now();
    while (now() - t0 < ms || steps < 3) {
      const g0 = now();
      await session.runSteps(group);
      steps += group;
      if (now() - g0 < ms / 8) group = Math.min(MAX_GROUP, group * 2);
    }
    const took = now() - t0;
    return { steps, ms: took, stepsPerSecond: took > 0 ? (steps * 1000) / took : 0 };
  } finally {
    await session.dispose();
  }
}
