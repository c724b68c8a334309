import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/datasets';
import { linearBaselineAccuracy } from '../src/data/linearBaseline';
import { chainLab } from '../src/lessons/build';
import { LESSONS } from '../src/lessons/catalog';
import { isCollapsed, linearAccuracyOf, type MeasureSources, runMeasures } from '../src/lessons/measures';
import { DEFAULT_PROBE_POINT, probeRequestFor } from '../src/lessons/probes';
import type { Lesson } from '../src/lessons/types';
import { lessonProblems } from '../src/lessons/validate';
import { CURRENT_VERSION } from '../src/share';
import { DEFAULT_BATCH_POINT } from '../src/store/probeSlice';
import type {
  AffineReport,
  BatchDependenceReport,
  DistributionReport,
  Heatmap,
  Metrics,
  ProbeRequest,
} from '../src/train/protocol';

const at = (n: number): Lesson => {
  const lesson = LESSONS[n - 1];
  if (!lesson) throw new Error(`no lesson ${n}`);
  return lesson;
};
const [lesson1, lesson2, lesson3, lesson4, lesson5, lesson6, lesson7] = [1, 2, 3, 4, 5, 6, 7].map(at) as [
  Lesson,
  Lesson,
  Lesson,
  Lesson,
  Lesson,
  Lesson,
  Lesson,
];

/** Reports as the app holds them (typed with the app's own types, so they must fit MeasureSources). */
const metrics = { step: 300, testAccuracy: 0.58 } as Metrics;
const heatmap = { nonlinearity: 0.9991 } as Heatmap;
const affine = { maxError: 3e-7 } as AffineReport;
const batch = { trainingSpread: 2.5, inferenceSpread: 0 } as BatchDependenceReport;
const dist = (nodeId: string) =>
  ({ nodeId, unitShare: 0.995, pooled: { region: 0.9 } }) as unknown as DistributionReport;

const sources = (over: Partial<MeasureSources> = {}): MeasureSources => ({
  step: 300,
  metrics,
  heatmap,
  affine,
  batch,
  distributions: dist('act1'),
  openPanel: 'affine',
  collapsed: true,
  focusNodeId: 'act1',
  linearAccuracy: 0.6,
  ...over,
});

describe('runMeasures', () => {
  it('reads each measure from its report', () => {
    expect(runMeasures(sources())).toEqual({
      step: 300,
      testAccuracy: 0.58,
      linearAccuracy: 0.6,
      collapsed: true,
      foldShown: true,
      foldError: 3e-7,
      r2: 0.9991,
      trainingSpread: 2.5,
      inferenceSpread: 0,
      unitShare: 0.995,
      regionShare: 0.9,
    });
  });

  it('gives null for what has no report yet', () => {
    const m = runMeasures(
      sources({
        metrics: null,
        heatmap: null,
        affine: null,
        batch: null,
        distributions: null,
        linearAccuracy: null,
      }),
    );
    expect(m).toMatchObject({
      testAccuracy: null,
      r2: null,
      foldError: null,
      foldShown: false,
      trainingSpread: null,
      inferenceSpread: null,
      unitShare: null,
      regionShare: null,
    });
  });

  it('shows the fold only with the affine panel open and the banner up', () => {
    expect(runMeasures(sources({ openPanel: 'distributions' })).foldShown).toBe(false);
    expect(runMeasures(sources({ collapsed: false })).foldShown).toBe(false);
  });

  it('ignores a distribution report of another node than the lesson looks at', () => {
    const m = runMeasures(sources({ distributions: dist('bn1') }));
    expect([m.unitShare, m.regionShare]).toEqual([null, null]);
  });
});

describe('lab facts', () => {
  it('the banner is up for Dense/BatchNorm only, down with ReLU or LayerNorm, and down for an invalid graph', () => {
    expect(isCollapsed(lesson1.lab)).toBe(true);
    expect(isCollapsed(lesson3.lab)).toBe(false);
    expect(isCollapsed(lesson6.lab)).toBe(false);
    const cut = { ...lesson1.lab, graph: { ...lesson1.lab.graph, edges: lesson1.lab.graph.edges.slice(1) } };
    expect(isCollapsed(cut)).toBe(false);
  });

  it('the linear baseline is that of the lab’s own split', () => {
    expect(linearAccuracyOf(lesson1.lab)).toBe(linearBaselineAccuracy(generateDataset(lesson1.lab.data)));
    expect(linearAccuracyOf(lesson1.lab)).toBe(0.6);
  });

  it('builds chain labs in columns of four, at the current version', () => {
    const lab = chainLab(
      [
        ['a', 'dense'],
        ['b', 'batchnorm'],
        ['c', 'dense'],
      ],
      { data: { seed: 9 }, panel: 'warp' },
    );
    expect(lab.version).toBe(CURRENT_VERSION);
    expect(lab.graph.nodes.map((n) => [n.id, n.position.x, n.position.y])).toEqual([
      ['input', 40, 0],
      ['a', 40, 118],
      ['b', 40, 236],
      ['c', 40, 354],
      ['output', 300, 0],
    ]);
    expect(lab.graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'input>a',
      'a>b',
      'b>c',
      'c>output',
    ]);
    expect(lab.data.seed).toBe(9);
    expect(lab.panels).toEqual({ open: 'warp', distMode: 'inference' });
  });
});

describe('probeRequestFor', () => {
  it('asks for the open panel’s probe on the focus node, in the shape of ProbeRequest', () => {
    const affineReq: ProbeRequest = probeRequestFor(lesson1.lab, null);
    expect(affineReq).toEqual({ distributions: null, affine: true, batch: null, warp: null, health: false });
    expect(probeRequestFor(lesson4.lab, 'bn1', [1.5, 1]).batch).toEqual({
      nodeId: 'bn1',
      unit: 0,
      point: [1.5, 1],
    });
    expect(probeRequestFor(lesson7.lab, 'act1').distributions).toEqual({ nodeId: 'act1', mode: 'inference' });
    expect(probeRequestFor(lesson5.lab, 'ln1').warp).toEqual({ nodeId: 'ln1' });
    expect(probeRequestFor(lesson7.lab, null)).toEqual({
      distributions: null,
      affine: false,
      batch: null,
      warp: null,
      health: false,
    });
    const health = { ...lesson7.lab, panels: { ...lesson7.lab.panels, open: 'health' as const } };
    expect(probeRequestFor(health, null)).toEqual({ ...probeRequestFor(lesson7.lab, null), health: true });
  });

  it('defaults to the app’s batch point', () => {
    expect(DEFAULT_PROBE_POINT).toEqual(DEFAULT_BATCH_POINT);
  });
});

describe('lessonProblems', () => {
  const broken = (over: Partial<Lesson>): string[] => lessonProblems({ ...lesson2, ...over });

  it('finds nothing wrong with a shipped lesson', () => expect(lessonProblems(lesson2)).toEqual([]));

  it('names every way a lesson can be unteachable', () => {
    expect(broken({ id: 'Not A Slug' })).toEqual(['The id "Not A Slug" is not a slug (a-z, 0-9 and "-").']);
    expect(broken({ title: ' ' })).toEqual(['The title is empty.']);
    expect(broken({ stepBudget: 0 })).toEqual(['The step budget is not a positive whole number.']);
    expect(broken({ checks: [] })).toEqual(['A lesson needs at least one check.']);
    const p = lesson2.prediction;
    if (!p) throw new Error('lesson 2 has a prediction');
    expect(broken({ prediction: { ...p, choices: ['only one'], answer: 0 } })).toEqual([
      'A prediction has 2 to 4 choices.',
    ]);
    expect(broken({ prediction: { ...p, answer: 4 } })).toEqual([
      'The prediction’s answer is not one of its choices.',
    ]);
    expect(broken({ focusNodeId: 'ghost' })).toEqual(['The focus node "ghost" is not in the lab\'s graph.']);
    expect(broken({ checks: [{ kind: 'accuracyAtLeast', run: 'current' }] })).toEqual([
      'The check accuracyAtLeast needs a threshold.',
    ]);
    expect(broken({ checks: [{ kind: 'bannerShown', threshold: 1, run: 'current' }] })).toEqual([
      'The check bannerShown takes no threshold.',
    ]);
    expect(broken({ checks: [{ kind: 'accuracyAtLeast', threshold: 0.9, run: 'pinned' }] })).toEqual([
      'The check accuracyAtLeast reads a pinned run, but the lesson has no comparison.',
    ]);
    expect(broken({ checks: [{ kind: 'trainingSpreadAbove', threshold: 0.1, run: 'current' }] })).toEqual([
      'The check trainingSpreadAbove needs the Batch dependence panel open, but the lab opens the Equivalent affine map panel.',
    ]);
  });

  it('holds a comparison to the same data and seed, and checks its own lab and focus node', () => {
    const compare = lesson7.compare;
    if (!compare) throw new Error('lesson 7 has a comparison');
    const otherSeed = { ...compare.lab, data: { ...compare.lab.data, seed: 2 } };
    expect(lessonProblems({ ...lesson7, compare: { ...compare, lab: otherSeed } })).toEqual([
      'The comparison must use the same data and seed as the lesson’s lab.',
    ]);
    expect(lessonProblems({ ...lesson7, compare: { ...compare, focusNodeId: 'nope' } })).toEqual([
      'The focus node "nope" is not in the lab\'s graph.',
    ]);
  });
});
