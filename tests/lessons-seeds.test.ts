import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../src/lessons/catalog';
import type { RunMeasures } from '../src/lessons/types';
import { useCpu } from './helpers';
import { runLesson } from './lessonRunner';

/**
 * Opt-in seed sweep (LESSON_SEEDS=1 npx vitest run tests/lessons-seeds.test.ts): runs every
 * lesson with seeds 1..10 instead of its pinned seed and prints, per lesson, how many seeds pass
 * and the figures each seed measured. LESSON_SEEDS=3 sweeps only lesson 3. Takes minutes.
 */
const wanted = process.env.LESSON_SEEDS;
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

const fmt = (v: number | null) =>
  v === null ? '—' : Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(1) : v.toFixed(3);

/** The figures that matter for a run, as "acc 0.98 lin 0.60 R² 0.01 …" (only those measured). */
function figures(m: RunMeasures): string {
  const parts: [string, number | null][] = [
    ['acc', m.testAccuracy],
    ['lin', m.linearAccuracy],
    ['R²', m.r2],
    ['fold', m.foldError],
    ['train spread', m.trainingSpread],
    ['inf spread', m.inferenceSpread],
    ['±1 share', m.unitShare],
    ['flat share', m.regionShare],
  ];
  return parts
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
}

describe.skipIf(!wanted)('lesson seed sweep (opt-in: LESSON_SEEDS=1 or =N for lesson N)', () => {
  beforeAll(useCpu);
  const which = wanted && wanted !== '1' ? [Number(wanted)] : LESSONS.map((_, i) => i + 1);
  it.each(which)(
    'lesson %i over seeds 1..10',
    async (n) => {
      const lesson = LESSONS[n - 1];
      if (!lesson) throw new Error(`No lesson ${n}.`);
      const lines: string[] = [];
      let passed = 0;
      for (const seed of SEEDS) {
        const run = await runLesson(lesson, seed);
        if (run.state === 'pass') passed++;
        const pinned = run.measures.pinned ? `first: ${figures(run.measures.pinned)} | second: ` : '';
        lines.push(`  seed ${seed} ${run.state.padEnd(4)} ${pinned}${figures(run.measures.current)}`);
        expect(run.leakedTensors).toBe(0);
      }
      console.log(
        `lesson ${n} (${lesson.id}, pinned seed ${lesson.lab.data.seed}): ${passed}/10 seeds pass\n${lines.join('\n')}`,
      );
    },
    900_000,
  );
});
