import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS, lessonById, lessonByNumber } from '../src/lessons/catalog';
import { lessonProblems } from '../src/lessons/validate';
import { useCpu } from './helpers';
import { runLesson } from './lessonRunner';

beforeAll(useCpu);

/**
 * A lesson is a claim: each shipped lesson is trained headless (the app's TrainingSession on the
 * cpu backend) to its step budget at its pinned seed, with its comparison when it has one, and
 * every check must pass. A lesson that stops being true fails CI here.
 */
describe('shipped lessons', () => {
  it('are eight, in link order, with unique slugs, and teachable as written', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'bn-cannot-replace-relu',
      'fold-is-the-network',
      'one-relu-changes-everything',
      'batch-mates-matter-in-training',
      'layernorm-is-a-nonlinearity',
      'layernorm-width-two-is-a-step',
      'tanh-needs-inputs-near-zero',
      'bn-before-or-after-tanh',
    ]);
    for (const lesson of LESSONS) expect(lessonProblems(lesson), lesson.id).toEqual([]);
    expect(lessonByNumber(1)).toBe(LESSONS[0]);
    expect(lessonByNumber(8)).toBe(LESSONS[7]);
    expect([0, 9, 1.5, Number.NaN].map(lessonByNumber)).toEqual([null, null, null, null]);
    expect(lessonById('layernorm-is-a-nonlinearity')).toBe(LESSONS[4]);
    expect(lessonById('nope')).toBeNull();
  });

  it.each(LESSONS.map((lesson, i) => [i + 1, lesson.id, lesson] as const))(
    'lesson %i (%s): every check passes at its pinned seed, and no tensor leaks',
    async (_n, _id, lesson) => {
      const run = await runLesson(lesson);
      const texts = run.results.map((r) => `${r.state}: ${r.text}`);
      console.log(`${lesson.id}\n  ${texts.join('\n  ')}`);
      expect(texts.filter((t) => !t.startsWith('pass'))).toEqual([]);
      expect(run.state).toBe('pass');
      expect(run.leakedTensors).toBe(0);
    },
  );
});
