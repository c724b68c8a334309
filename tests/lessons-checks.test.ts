import { describe, expect, it } from 'vitest';
import { chainLab } from '../src/lessons/build';
import { CHECK_KIND_NAMES } from '../src/lessons/checkKinds';
import { evaluateCheck, evaluateLesson } from '../src/lessons/evaluate';
import { formatMeasured, formatNumber } from '../src/lessons/format';
import type { Check, CheckKind, Lesson, LessonMeasures, RunMeasures } from '../src/lessons/types';

const BUDGET = 100;

/** A run with nothing measured yet, at `step`, plus what a case sets. */
const run = (step: number, over: Partial<RunMeasures> = {}): RunMeasures => ({
  step,
  testAccuracy: null,
  linearAccuracy: null,
  collapsed: false,
  foldShown: false,
  foldError: null,
  r2: null,
  trainingSpread: null,
  inferenceSpread: null,
  unitShare: null,
  regionShare: null,
  ...over,
});

const lab = chainLab([['d', 'dense']], { data: {}, panel: null });
const lesson = (checks: Check[], compare = false): Lesson => ({
  id: 'hand-made',
  title: 'Hand-made',
  goal: 'A lesson for unit tests.',
  lab,
  focusNodeId: null,
  probePoint: null,
  prediction: null,
  steps: [],
  stepBudget: BUDGET,
  checks,
  compare: compare ? { title: 'second', lab, focusNodeId: null } : null,
});

const only = (m: RunMeasures): LessonMeasures => ({ current: m, pinned: null });
const verdict = (check: Check, measures: LessonMeasures, compare = false) =>
  evaluateCheck(check, measures, lesson([check], compare));

type Case = [
  kind: CheckKind,
  threshold: number | undefined,
  measures: RunMeasures,
  state: 'pass' | 'fail' | 'pending',
  text: string,
];

/** Every kind passing, failing and pending, with the exact line a learner reads. */
const CASES: Case[] = [
  ['accuracyAtLeast', 0.95, run(10, { testAccuracy: 0.97 }), 'pass', 'test accuracy 0.970 ≥ 0.95 ✓'],
  ['accuracyAtLeast', 0.95, run(10, { testAccuracy: 0.8 }), 'pending', 'test accuracy — ≥ 0.95'],
  ['accuracyAtLeast', 0.95, run(100, { testAccuracy: 0.8 }), 'fail', 'test accuracy 0.800 ≥ 0.95 ✗'],
  ['accuracyAtMost', 0.65, run(10, { testAccuracy: 0.58 }), 'pending', 'test accuracy — ≤ 0.65'],
  ['accuracyAtMost', 0.65, run(100, { testAccuracy: 0.58 }), 'pass', 'test accuracy 0.580 ≤ 0.65 ✓'],
  ['accuracyAtMost', 0.65, run(150, { testAccuracy: 0.7 }), 'fail', 'test accuracy 0.700 ≤ 0.65 ✗'],
  [
    'accuracyWithinLinear',
    0.03,
    run(100, { testAccuracy: 0.58, linearAccuracy: 0.56 }),
    'pass',
    '|test accuracy − best linear| 0.020 ≤ 0.03 ✓',
  ],
  [
    'accuracyWithinLinear',
    0.03,
    run(100, { testAccuracy: 0.58, linearAccuracy: 0.66 }),
    'fail',
    '|test accuracy − best linear| 0.080 ≤ 0.03 ✗',
  ],
  [
    'accuracyWithinLinear',
    0.03,
    run(99, { testAccuracy: 0.58, linearAccuracy: 0.58 }),
    'pending',
    '|test accuracy − best linear| — ≤ 0.03',
  ],
  [
    'accuracyWithinLinear',
    0.03,
    run(100, { testAccuracy: 0.58 }),
    'fail',
    '|test accuracy − best linear| — ≤ 0.03 ✗',
  ],
  ['bannerShown', undefined, run(100, { collapsed: true }), 'pass', 'collapse banner shown ✓'],
  ['bannerShown', undefined, run(100, { collapsed: false }), 'fail', 'collapse banner shown ✗'],
  ['bannerShown', undefined, run(0, { collapsed: true }), 'pending', 'collapse banner shown —'],
  ['bannerHidden', undefined, run(100, { collapsed: false }), 'pass', 'collapse banner hidden ✓'],
  ['bannerHidden', undefined, run(100, { collapsed: true }), 'fail', 'collapse banner hidden ✗'],
  ['bannerHidden', undefined, run(50, { collapsed: false }), 'pending', 'collapse banner hidden —'],
  ['r2AtMost', 0.2, run(100, { r2: 0.004 }), 'pass', 'affine fit R² 0.004 ≤ 0.2 ✓'],
  ['r2AtMost', 0.2, run(100, { r2: 0.5 }), 'fail', 'affine fit R² 0.500 ≤ 0.2 ✗'],
  ['r2AtMost', 0.2, run(10, { r2: 0.004 }), 'pending', 'affine fit R² — ≤ 0.2'],
  ['r2AtLeast', 0.999, run(1, { r2: 1 }), 'pass', 'affine fit R² 1.000 ≥ 0.999 ✓'],
  ['r2AtLeast', 0.999, run(1, { r2: 0.9 }), 'pending', 'affine fit R² — ≥ 0.999'],
  // 0.99895 would round to 0.999 and read as if it held: more digits are shown.
  ['r2AtLeast', 0.999, run(100, { r2: 0.99895 }), 'fail', 'affine fit R² 0.99895 ≥ 0.999 ✗'],
  ['foldErrorBelow', 1e-5, run(5, { foldError: 3.14e-7 }), 'pass', 'max |fold − model| 3.1e-7 < 1e-5 ✓'],
  ['foldErrorBelow', 1e-5, run(5), 'pending', 'max |fold − model| — < 1e-5'],
  ['foldErrorBelow', 1e-5, run(100, { foldError: 0.002 }), 'fail', 'max |fold − model| 0.002 < 1e-5 ✗'],
  ['foldShown', undefined, run(100, { foldShown: true }), 'pass', 'folded W′, b′ on screen ✓'],
  ['foldShown', undefined, run(100), 'fail', 'folded W′, b′ on screen ✗'],
  ['foldShown', undefined, run(3, { foldShown: true }), 'pending', 'folded W′, b′ on screen —'],
  [
    'trainingSpreadAbove',
    0.05,
    run(1, { trainingSpread: 2.8437 }),
    'pass',
    'training-mode spread 2.844 > 0.05 ✓',
  ],
  ['trainingSpreadAbove', 0.05, run(1, { trainingSpread: 0.05 }), 'pending', 'training-mode spread — > 0.05'],
  [
    'trainingSpreadAbove',
    0.05,
    run(100, { trainingSpread: 0.05 }),
    'fail',
    'training-mode spread 0.050 > 0.05 ✗',
  ],
  [
    'inferenceSpreadAtMost',
    1e-6,
    run(100, { inferenceSpread: 0 }),
    'pass',
    'inference-mode spread 0 ≤ 1e-6 ✓',
  ],
  [
    'inferenceSpreadAtMost',
    1e-6,
    run(10, { inferenceSpread: 0 }),
    'pending',
    'inference-mode spread — ≤ 1e-6',
  ],
  [
    'inferenceSpreadAtMost',
    1e-6,
    run(100, { inferenceSpread: 3e-4 }),
    'fail',
    'inference-mode spread 3e-4 ≤ 1e-6 ✗',
  ],
  ['unitShareAtLeast', 0.99, run(1, { unitShare: 1 }), 'pass', 'share of ±1 outputs 1.000 ≥ 0.99 ✓'],
  ['unitShareAtLeast', 0.99, run(1, { unitShare: 0.9 }), 'pending', 'share of ±1 outputs — ≥ 0.99'],
  ['unitShareAtLeast', 0.99, run(100, { unitShare: 0.9 }), 'fail', 'share of ±1 outputs 0.900 ≥ 0.99 ✗'],
  [
    'regionShareAtLeast',
    0.5,
    run(0, { regionShare: 0.914 }),
    'pass',
    'share of inputs in the flat region 0.914 ≥ 0.5 ✓',
  ],
  ['regionShareAtLeast', 0.5, run(100), 'fail', 'share of inputs in the flat region — ≥ 0.5 ✗'],
  [
    'regionShareAtLeast',
    0.5,
    run(0, { regionShare: 0.1 }),
    'pending',
    'share of inputs in the flat region — ≥ 0.5',
  ],
  [
    'regionShareAtMost',
    0.3,
    run(100, { regionShare: 0.134 }),
    'pass',
    'share of inputs in the flat region 0.134 ≤ 0.3 ✓',
  ],
  [
    'regionShareAtMost',
    0.3,
    run(100, { regionShare: 0.9 }),
    'fail',
    'share of inputs in the flat region 0.900 ≤ 0.3 ✗',
  ],
  [
    'regionShareAtMost',
    0.3,
    run(0, { regionShare: 0.1 }),
    'pending',
    'share of inputs in the flat region — ≤ 0.3',
  ],
];

describe('evaluateCheck: every kind on hand-made measures', () => {
  it('covers every kind in pass, fail and pending (the gap has its own tests)', () => {
    for (const kind of CHECK_KIND_NAMES.filter((k) => k !== 'accuracyGapAtLeast')) {
      const states = new Set(CASES.filter((c) => c[0] === kind).map((c) => c[3]));
      expect([...states].sort(), kind).toEqual(['fail', 'pass', 'pending']);
    }
  });

  it.each(CASES)('%s %s: %s', (kind, threshold, measures, state, text) => {
    const check: Check =
      threshold === undefined ? { kind, run: 'current' } : { kind, threshold, run: 'current' };
    const got = verdict(check, only(measures));
    expect(got.state).toBe(state);
    expect(got.text).toBe(text);
  });

  it('returns the measured value even while pending, and null when nothing was measured', () => {
    const check: Check = { kind: 'accuracyAtMost', threshold: 0.65, run: 'current' };
    expect(verdict(check, only(run(10, { testAccuracy: 0.58 }))).value).toBe(0.58);
    expect(verdict(check, only(run(10))).value).toBeNull();
    expect(verdict({ kind: 'bannerShown', run: 'current' }, only(run(100, { collapsed: true }))).value).toBe(
      1,
    );
  });

  it('fails a check that lacks the threshold its kind needs, with a message', () => {
    const got = verdict({ kind: 'accuracyAtLeast', run: 'current' }, only(run(0, { testAccuracy: 1 })));
    expect(got).toEqual({ state: 'fail', value: null, text: 'test accuracy: this check has no threshold ✗' });
  });

  it('fails an unknown kind (say, from a newer lesson) instead of throwing', () => {
    const check = { kind: 'accuracyAbove', threshold: 0.5, run: 'current' } as unknown as Check;
    expect(verdict(check, only(run(0)))).toEqual({
      state: 'fail',
      value: null,
      text: 'unknown check "accuracyAbove" ✗',
    });
  });

  it('treats NaN (a diverged run) as not met: pending before the budget, failed at it', () => {
    const check: Check = { kind: 'accuracyAtLeast', threshold: 0.5, run: 'current' };
    expect(verdict(check, only(run(10, { testAccuracy: Number.NaN }))).state).toBe('pending');
    expect(verdict(check, only(run(100, { testAccuracy: Number.NaN }))).text).toBe(
      'test accuracy NaN ≥ 0.5 ✗',
    );
  });
});

describe('evaluateCheck: a lesson with a comparison', () => {
  const first = run(100, { testAccuracy: 0.588, regionShare: 0.914 });
  const second = run(100, { testAccuracy: 1, regionShare: 0.134 });
  const gain: Check = { kind: 'accuracyGapAtLeast', threshold: 0.2, run: 'current' };
  const loss: Check = { kind: 'accuracyGapAtLeast', threshold: 0.2, run: 'pinned' };

  it('keeps checks on either run pending until the first run is pinned', () => {
    const live = { current: first, pinned: null };
    const pinnedCheck: Check = { kind: 'regionShareAtLeast', threshold: 0.5, run: 'pinned' };
    const currentCheck: Check = { kind: 'accuracyAtMost', threshold: 0.75, run: 'current' };
    expect(verdict(pinnedCheck, live, true)).toEqual({
      state: 'pending',
      value: null,
      text: 'pinned run: share of inputs in the flat region — ≥ 0.5',
    });
    // 'current' means the second run: the first run's 0.588 must not decide it.
    expect(verdict(currentCheck, live, true).state).toBe('pending');
    expect(verdict(gain, live, true).state).toBe('pending');
  });

  it('reads the pinned run for pinned checks, the live run for current ones', () => {
    const both = { current: second, pinned: first };
    const pinnedCheck: Check = { kind: 'regionShareAtLeast', threshold: 0.5, run: 'pinned' };
    expect(verdict(pinnedCheck, both, true).text).toBe(
      'pinned run: share of inputs in the flat region 0.914 ≥ 0.5 ✓',
    );
    const current: Check = { kind: 'regionShareAtMost', threshold: 0.3, run: 'current' };
    expect(verdict(current, both, true).text).toBe('share of inputs in the flat region 0.134 ≤ 0.3 ✓');
  });

  it('measures the gap from the run it names: this − pinned, or pinned − this', () => {
    const both = { current: second, pinned: first };
    expect(verdict(gain, both, true)).toEqual({
      state: 'pass',
      value: 1 - 0.588,
      text: 'accuracy gap (this run − pinned run) 0.412 ≥ 0.2 ✓',
    });
    expect(verdict(loss, both, true).text).toBe('accuracy gap (pinned run − this run) -0.412 ≥ 0.2 ✗');
    const swapped = { current: first, pinned: second };
    expect(verdict(loss, swapped, true).text).toBe('accuracy gap (pinned run − this run) 0.412 ≥ 0.2 ✓');
  });

  it('decides a gap only when both runs reached the budget, and passes it as soon as it holds', () => {
    const early = { current: run(40, { testAccuracy: 0.7 }), pinned: first };
    expect(verdict(gain, early, true).state).toBe('pending');
    const pinnedEarly = { current: run(100, { testAccuracy: 0.7 }), pinned: run(30, { testAccuracy: 0.6 }) };
    expect(verdict(gain, pinnedEarly, true).state).toBe('pending');
    const holds = { current: run(40, { testAccuracy: 0.9 }), pinned: first };
    expect(verdict(gain, holds, true).state).toBe('pass');
  });
});

describe('evaluateLesson', () => {
  const checks: Check[] = [
    { kind: 'accuracyAtLeast', threshold: 0.95, run: 'current' },
    { kind: 'bannerHidden', run: 'current' },
  ];

  it('is pending until every check passes, passes when all do, and fails when any fails', () => {
    const l = lesson(checks);
    expect(evaluateLesson(l, only(run(10, { testAccuracy: 0.97 }))).state).toBe('pending');
    expect(evaluateLesson(l, only(run(100, { testAccuracy: 0.97 }))).state).toBe('pass');
    const failed = evaluateLesson(l, only(run(100, { testAccuracy: 0.97, collapsed: true })));
    expect(failed.state).toBe('fail');
    expect(failed.results.map((r) => r.state)).toEqual(['pass', 'fail']);
  });
});

describe('number formatting', () => {
  it('writes thresholds as people do', () => {
    expect([0.65, 0.05, 1e-5, 1e-6, 0.001, 3.14159e-7, 0, 20].map(formatNumber)).toEqual([
      '0.65',
      '0.05',
      '1e-5',
      '1e-6',
      '0.001',
      '3.1e-7',
      '0',
      '20',
    ]);
  });

  it('shows a measured value with enough digits to keep its relation to the threshold', () => {
    expect(formatMeasured(0.9996, 'atLeast', 1)).toBe('0.9996');
    expect(formatMeasured(0.9996, 'atMost', 0.9995)).toBe('1.000'); // 1.000 ≤ 0.9995 fails, as 0.9996 does
    expect(formatMeasured(0.5804, 'atMost', 0.65)).toBe('0.580');
    expect(formatMeasured(0, 'atMost', 1e-6)).toBe('0');
  });
});
