import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../src/data/datasets';
import { defaultGraph } from '../src/graph/defaultGraph';
import { defaultParams } from '../src/graph/registry';
import { graphContextOf } from '../src/store/dataSlice';
import { selectAnalysis, trainBlockedReason } from '../src/store/selectors';
import { createAppStore } from '../src/store/store';
import { MAX_LOSS_POINTS } from '../src/store/trainingSlice';
import type { Metrics } from '../src/train/protocol';

const edgesOf = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) =>
  s.graph.edges.map((e) => `${e.source}->${e.target}`);

const DEFAULT_EDGES = [
  'input->dense1',
  'dense1->bn1',
  'bn1->act1',
  'act1->dense2',
  'dense2->bn2',
  'bn2->act2',
  'act2->output',
];

describe('store: initial state', () => {
  it('starts from the default graph, default data and no run', () => {
    const s = createAppStore().getState();
    expect(s.graph).toEqual(defaultGraph());
    expect(s.data).toEqual(DEFAULT_DATA);
    expect(s.status).toBe('starting');
    expect(s.selectedNodeId).toBeNull();
    expect(s.lossHistory).toEqual([]);
    expect(s.notice).toBeNull();
    // 500 points, half for training: 250 rows of 2 features.
    expect(s.dataset.xTrain).toHaveLength(500);
    expect(s.dataset.yTest).toHaveLength(250);
  });

  it('gives each store its own state', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().addNode('dense');
    expect(a.getState().graph.nodes).toHaveLength(9);
    expect(b.getState().graph.nodes).toHaveLength(8);
  });
});

describe('store: addNode', () => {
  it('adds a node with the registry defaults, selects it and says so', () => {
    const store = createAppStore();
    const id = store.getState().addNode('dense');
    const s = store.getState();
    // dense1 and dense2 exist: the new one is dense3.
    expect(id).toBe('dense3');
    const node = s.graph.nodes.find((n) => n.id === id);
    expect(node?.kind).toBe('dense');
    expect(node?.params).toEqual({ units: 8, useBias: true, initializer: 'glorotUniform' });
    expect(node?.params).toEqual(defaultParams('dense'));
    expect(s.selectedNodeId).toBe('dense3');
    expect(s.graph.nodes).toHaveLength(9);
    expect(s.graph.edges).toHaveLength(7);
    expect(s.notice?.kind).toBe('info');
    expect(s.notice?.text).toContain('Dense');
  });

  it('keeps ids unique: dense3, dense4, then bn3, act3, ln1, add1, concat1', () => {
    const store = createAppStore();
    const add = store.getState().addNode;
    const ids = [
      add('dense'),
      add('dense'),
      add('batchnorm'),
      add('activation'),
      add('layernorm'),
      add('add'),
      add('concatenate'),
    ];
    expect(ids).toEqual(['dense3', 'dense4', 'bn3', 'act3', 'ln1', 'add1', 'concat1']);
    const all = store.getState().graph.nodes.map((n) => n.id);
    expect(new Set(all).size).toBe(all.length);
    expect(store.getState().selectedNodeId).toBe('concat1');
  });

  it('reuses a freed number: after removing dense1, the next Dense is dense1', () => {
    const store = createAppStore();
    store.getState().removeNodes(['dense1']);
    expect(store.getState().addNode('dense')).toBe('dense1');
  });

  it('places the node where asked, rounded to whole pixels', () => {
    const store = createAppStore();
    const id = store.getState().addNode('layernorm', { x: 10.6, y: 20.2 });
    expect(store.getState().graph.nodes.find((n) => n.id === id)?.position).toEqual({ x: 11, y: 20 });
  });
});

describe('store: connect', () => {
  it('refuses a loop with a reason, leaves the edges alone and shows an error notice', () => {
    const store = createAppStore();
    const before = store.getState().graph.edges;
    const reason = store.getState().connect('act2', 'dense1');
    expect(reason).toMatch(/loop/);
    expect(store.getState().graph.edges).toBe(before);
    expect(edgesOf(store.getState())).toEqual(DEFAULT_EDGES);
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.text).toBe(`Connection refused: ${reason}`);
  });

  it('refuses a self-loop, an edge into Input and a duplicate', () => {
    const store = createAppStore();
    expect(store.getState().connect('bn1', 'bn1')).toMatch(/cannot feed itself/);
    expect(store.getState().connect('dense1', 'input')).toMatch(/Input/);
    expect(store.getState().connect('dense1', 'bn1')).toMatch(/already connected/);
    expect(edgesOf(store.getState())).toEqual(DEFAULT_EDGES);
  });

  it('replaces the old input of a single-input node', () => {
    const store = createAppStore();
    // bn2 takes one input (dense2); drawing act1 -> bn2 replaces dense2 -> bn2.
    expect(store.getState().connect('act1', 'bn2')).toBeNull();
    const edges = edgesOf(store.getState());
    expect(edges).not.toContain('dense2->bn2');
    expect(edges).toContain('act1->bn2');
    expect(edges).toHaveLength(7);
    expect(edges.filter((e) => e.endsWith('->bn2'))).toEqual(['act1->bn2']);
    expect(store.getState().notice?.text).toMatch(/replaced/);
  });

  it('adds a second input to a multi-input node (Add) and gives the edge a fresh id', () => {
    const store = createAppStore();
    const add = store.getState().addNode('add');
    expect(store.getState().connect('act1', add)).toBeNull();
    expect(store.getState().connect('dense1', add)).toBeNull();
    const ids = store.getState().graph.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(edgesOf(store.getState()).filter((e) => e.endsWith(`->${add}`))).toEqual([
      `act1->${add}`,
      `dense1->${add}`,
    ]);
    // Removing and redrawing the same pair does not clash with a used id.
    const first = store.getState().graph.edges.find((e) => e.source === 'act1' && e.target === add)?.id;
    store.getState().removeEdges([first as string]);
    expect(store.getState().connect('act1', add)).toBeNull();
    const again = store.getState().graph.edges.map((e) => e.id);
    expect(new Set(again).size).toBe(again.length);
  });
});

describe('store: removeNodes', () => {
  it('removes a node and every edge touching it, and unselects it', () => {
    const store = createAppStore();
    store.getState().selectNode('bn1');
    store.getState().removeNodes(['bn1']);
    const s = store.getState();
    expect(s.graph.nodes.map((n) => n.id)).not.toContain('bn1');
    expect(edgesOf(s)).toEqual(DEFAULT_EDGES.filter((e) => !e.includes('bn1')));
    expect(s.graph.edges).toHaveLength(5);
    expect(s.selectedNodeId).toBeNull();
  });

  it('keeps the selection when another node is removed', () => {
    const store = createAppStore();
    store.getState().selectNode('dense2');
    store.getState().removeNodes(['bn1']);
    expect(store.getState().selectedNodeId).toBe('dense2');
  });

  it('refuses to remove Input and Output, with an info notice, but removes the rest', () => {
    const store = createAppStore();
    store.getState().removeNodes(['input', 'act1', 'output']);
    const s = store.getState();
    const ids = s.graph.nodes.map((n) => n.id);
    expect(ids).toContain('input');
    expect(ids).toContain('output');
    expect(ids).not.toContain('act1');
    expect(ids).toHaveLength(7);
    expect(s.notice?.kind).toBe('info');
    expect(s.notice?.text).toMatch(/Input and Output stay/);
  });

  it('leaves the graph untouched when only Input/Output are asked for', () => {
    const store = createAppStore();
    const before = store.getState().graph;
    store.getState().removeNodes(['output']);
    expect(store.getState().graph).toBe(before);
    expect(store.getState().notice?.text).toMatch(/Input and Output stay/);
  });
});

describe('store: setParam and the analysis', () => {
  it('changes a parameter and the memoized analysis follows (units 16 -> width 16)', () => {
    const store = createAppStore();
    const a0 = selectAnalysis(store.getState());
    expect(a0.widths.dense1).toBe(8);
    expect(a0.paramCounts.dense1).toBe(24);
    // Same state, same object: memoized.
    expect(selectAnalysis(store.getState())).toBe(a0);
    store.getState().setParam('dense1', 'units', 16);
    expect(store.getState().graph.nodes.find((n) => n.id === 'dense1')?.params.units).toBe(16);
    const a1 = selectAnalysis(store.getState());
    expect(a1).not.toBe(a0);
    expect(a1.widths.dense1).toBe(16);
    expect(a1.widths.bn1).toBe(16);
    // By hand: dense1 2*16+16 = 48; bn1 4*16 = 64; dense2 16*8+8 = 136.
    expect(a1.paramCounts.dense1).toBe(48);
    expect(a1.paramCounts.bn1).toBe(64);
    expect(a1.paramCounts.dense2).toBe(136);
    expect(a1.totalParams).toBe(48 + 64 + 136 + 32 + 9);
  });

  it('moving a node does not change params but gives a new graph', () => {
    const store = createAppStore();
    const g = store.getState().graph;
    store.getState().moveNode('bn1', { x: 5, y: 6 });
    expect(store.getState().graph).not.toBe(g);
    expect(store.getState().graph.nodes.find((n) => n.id === 'bn1')?.position).toEqual({ x: 5, y: 6 });
    expect(selectAnalysis(store.getState()).totalParams).toBe(169);
  });

  it('an out-of-range parameter makes the graph invalid', () => {
    const store = createAppStore();
    store.getState().setParam('bn1', 'momentum', 1);
    const a = selectAnalysis(store.getState());
    expect(a.valid).toBe(false);
    expect(a.issues.map((i) => i.nodeId)).toEqual(['bn1']);
  });
});

describe('store: trainBlockedReason', () => {
  it('is null for the default graph once the engine is ready, and says why before', () => {
    const store = createAppStore();
    expect(trainBlockedReason(store.getState())).toBe('Starting the training engine…');
    store.getState().setStatus('loading');
    expect(trainBlockedReason(store.getState())).toBe('Building the model…');
    store.getState().setStatus('failed');
    expect(trainBlockedReason(store.getState())).toMatch(/unavailable/);
    store.getState().setFailure('The model could not be built: gelu is not supported.');
    expect(trainBlockedReason(store.getState())).toBe('The model could not be built: gelu is not supported.');
    store.getState().setStatus('ready');
    expect(trainBlockedReason(store.getState())).toBeNull();
    store.getState().setStatus('running');
    expect(trainBlockedReason(store.getState())).toBeNull();
  });

  it('names the problem after deleting bn1', () => {
    const store = createAppStore();
    store.getState().setStatus('ready');
    store.getState().removeNodes(['bn1']);
    const reason = trainBlockedReason(store.getState());
    // dense1 leads nowhere; act1, dense2, bn2, act2 and output get no data; act1 has no input: 7 issues.
    expect(reason).toBe(
      'Fix the graph first (7 problems, marked in red): Dense leads nowhere: connect its output towards Output. [dense1]',
    );
  });

  it('counts the problems and names the node of the first', () => {
    const store = createAppStore();
    store.getState().setStatus('ready');
    store.getState().setParam('dense1', 'units', 0);
    store.getState().setParam('dense2', 'units', 0);
    expect(trainBlockedReason(store.getState())).toBe(
      'Fix the graph first (2 problems, marked in red): Units must be a whole number from 1 to 512; got 0. [dense1]',
    );
    store.getState().setParam('dense2', 'units', 8);
    expect(trainBlockedReason(store.getState())).toBe(
      'Fix the graph first: Units must be a whole number from 1 to 512; got 0. [dense1]',
    );
  });

  it('is null again once the graph is repaired', () => {
    const store = createAppStore();
    store.getState().setStatus('ready');
    store.getState().removeNodes(['bn1']);
    expect(trainBlockedReason(store.getState())).not.toBeNull();
    expect(store.getState().connect('dense1', 'act1')).toBeNull();
    expect(trainBlockedReason(store.getState())).toBeNull();
  });
});

describe('store: setData', () => {
  it('regenerates the points: another seed gives other points, the same seed the same', () => {
    const store = createAppStore();
    const x1 = Array.from(store.getState().dataset.xTrain);
    store.getState().setData({ seed: 2 });
    expect(store.getState().data.seed).toBe(2);
    expect(store.getState().data.dataset).toBe('circle');
    const x2 = Array.from(store.getState().dataset.xTrain);
    expect(x2).toHaveLength(x1.length);
    expect(x2).not.toEqual(x1);
    store.getState().setData({ seed: 1 });
    expect(Array.from(store.getState().dataset.xTrain)).toEqual(x1);
  });

  it('resizes the dataset with samples and the split', () => {
    const store = createAppStore();
    store.getState().setData({ samples: 200, trainFraction: 0.25 });
    const ds = store.getState().dataset;
    // 200 points: 50 train rows (100 numbers), 150 test rows.
    expect(ds.xTrain).toHaveLength(100);
    expect(ds.yTrain).toHaveLength(50);
    expect(ds.yTest).toHaveLength(150);
  });

  it('spiral3 makes the output 3 wide in the analysis', () => {
    const store = createAppStore();
    store.getState().setData({ dataset: 'spiral3' });
    const s = store.getState();
    expect(graphContextOf(s.data)).toEqual({ inputDim: 2, outputDim: 3, task: 'multiclass' });
    expect(s.dataset.info.classes).toBe(3);
    const a = selectAnalysis(s);
    expect(a.widths.output).toBe(3);
    // Output 8*3+3 = 27 instead of 9.
    expect(a.paramCounts.output).toBe(27);
    expect(a.totalParams).toBe(169 - 9 + 27);
    // And back: the memo notices the dataset even with the same graph object.
    store.getState().setData({ dataset: 'circle' });
    expect(selectAnalysis(store.getState()).widths.output).toBe(1);
  });
});

describe('store: applyMetrics', () => {
  const m = (step: number, trainLoss: number | null, testLoss: number): Metrics => ({
    step,
    epoch: 0,
    batchLoss: trainLoss,
    trainLoss,
    testLoss,
    testAccuracy: 0.5,
    testR2: null,
    stepsPerSecond: 0,
    samplesPerSecond: 0,
  });

  it('appends loss points and keeps the latest metrics', () => {
    const store = createAppStore();
    store.getState().applyMetrics(m(0, null, 0.7));
    store.getState().applyMetrics(m(10, 0.6, 0.65));
    store.getState().applyMetrics(m(20, 0.5, 0.55));
    expect(store.getState().lossHistory).toEqual([
      { step: 0, train: null, test: 0.7, accuracy: 0.5 },
      { step: 10, train: 0.6, test: 0.65, accuracy: 0.5 },
      { step: 20, train: 0.5, test: 0.55, accuracy: 0.5 },
    ]);
    expect(store.getState().metrics?.step).toBe(20);
  });

  it('drops the points at or after a step that arrives again lower (after a reset)', () => {
    const store = createAppStore();
    for (const step of [0, 10, 20, 30]) store.getState().applyMetrics(m(step, 1, 1));
    store.getState().applyMetrics(m(0, null, 0.9));
    expect(store.getState().lossHistory).toEqual([{ step: 0, train: null, test: 0.9, accuracy: 0.5 }]);
    for (const step of [10, 20, 30]) store.getState().applyMetrics(m(step, 1, 1));
    store.getState().applyMetrics(m(20, 0.2, 0.3));
    expect(store.getState().lossHistory.map((p) => p.step)).toEqual([0, 10, 20]);
    expect(store.getState().lossHistory.at(-1)).toEqual({ step: 20, train: 0.2, test: 0.3, accuracy: 0.5 });
  });

  it(`decimates beyond ${MAX_LOSS_POINTS} points, keeping the newest`, () => {
    const store = createAppStore();
    for (let step = 0; step < MAX_LOSS_POINTS; step++) store.getState().applyMetrics(m(step, 1, step));
    expect(store.getState().lossHistory).toHaveLength(MAX_LOSS_POINTS);
    // One more: 1201 points, every other one dropped -> steps 0, 2, ..., 1200 = 601 points.
    store.getState().applyMetrics(m(MAX_LOSS_POINTS, 1, -1));
    const h = store.getState().lossHistory;
    expect(h).toHaveLength(MAX_LOSS_POINTS / 2 + 1);
    expect(h[0]?.step).toBe(0);
    expect(h[1]?.step).toBe(2);
    expect(h.at(-1)).toEqual({ step: MAX_LOSS_POINTS, train: 1, test: -1, accuracy: 0.5 });
    // Keep going: never more than the cap, the newest always last, steps increasing.
    for (let step = MAX_LOSS_POINTS + 1; step < 4 * MAX_LOSS_POINTS; step++) {
      store.getState().applyMetrics(m(step, 1, step));
      const now = store.getState().lossHistory;
      if (now.length > MAX_LOSS_POINTS) throw new Error(`history grew to ${now.length} at step ${step}`);
      if (now.at(-1)?.step !== step) throw new Error(`last point is not step ${step}`);
    }
    const end = store.getState().lossHistory;
    expect(end.length).toBeLessThanOrEqual(MAX_LOSS_POINTS);
    expect(end.length).toBeGreaterThan(MAX_LOSS_POINTS / 2);
    expect(end.every((p, i) => i === 0 || p.step > (end[i - 1]?.step as number))).toBe(true);
    expect(end[0]?.step).toBe(0);
  });

  it('clearRun empties the history and keeps the compiled counts it is given', () => {
    const store = createAppStore();
    store.getState().applyMetrics(m(5, 1, 1));
    store.getState().setTrainingProblem('boom');
    store.getState().clearRun({ dense1: 24 });
    const s = store.getState();
    expect(s.lossHistory).toEqual([]);
    expect(s.metrics).toBeNull();
    expect(s.trainingProblem).toBeNull();
    expect(s.compiledParams).toEqual({ dense1: 24 });
  });
});

describe('store: notices', () => {
  it('numbers each notice so the same text announces twice', () => {
    const store = createAppStore();
    store.getState().notify('info', 'x');
    const a = store.getState().notice?.id as number;
    store.getState().notify('info', 'x');
    expect(store.getState().notice?.id).toBe(a + 1);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });
});
