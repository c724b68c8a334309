import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import type { TrainEvent } from '../src/train/protocol';
import { denseKernels } from '../src/train/regularization';
import { TrainingSession } from '../src/train/session';
import { StepFailure } from '../src/train/stepFailure';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const opts = { heatmapSize: 4 };

describe('graphs that used to crash the first training step', () => {
  const cases = [
    [
      'Dense(14) → LayerNorm (center off) → ReLU',
      chain([
        ['dense', { units: 14 }],
        ['layernorm', { center: false }],
        ['activation', { fn: 'relu' }],
      ]),
    ],
    [
      'Dense(14) → LayerNorm (scale off) → tanh',
      chain([
        ['dense', { units: 14 }],
        ['layernorm', { scale: false }],
        ['activation', { fn: 'tanh' }],
      ]),
    ],
    [
      'LayerNorm → LayerNorm (center and scale off) → softplus → Dense(12)',
      chain([
        ['layernorm'],
        ['layernorm', { center: false, scale: false }],
        ['activation', { fn: 'softplus' }],
        ['dense', { units: 12 }],
      ]),
    ],
  ] as const;
  for (const [name, graph] of cases) {
    it(`${name}: trains, keeps the switched-off weight at identity, frees every tensor`, async () => {
      const before = tf.memory().numTensors;
      const s = new TrainingSession(sessionConfig(graph, {}), () => {}, opts);
      const losses = await s.runSteps(5);
      expect(losses.every(Number.isFinite)).toBe(true);
      for (const node of graph.nodes.filter((n) => n.kind === 'layernorm')) {
        const layer = s.model.getLayer(node.id);
        const byKey = Object.fromEntries(
          layer.weights.map((w) => [(w.originalName ?? w.name).split('/').pop(), w.read().dataSync()]),
        );
        if (node.params.center === false)
          expect(Array.from(byKey.beta ?? [])).toEqual(new Array(byKey.beta?.length).fill(0));
        if (node.params.scale === false)
          expect(Array.from(byKey.gamma ?? [])).toEqual(new Array(byKey.gamma?.length).fill(1));
      }
      // A pinned weight is not counted: width 2 (Input) LN with both off has 0 weights.
      const both = graph.nodes.find((n) => n.params.center === false && n.params.scale === false);
      if (both) expect(s.paramCounts[both.id]).toBe(0);
      await s.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('L2 after a rebuild', () => {
  const graph = chain([
    ['dense', { units: 4 }],
    ['activation', { fn: 'relu' }],
  ]);

  it('finds the Dense kernels of a second model built in the same process', async () => {
    const first = new TrainingSession(sessionConfig(graph, {}, { l2: 0.001 }), () => {}, opts);
    await first.runSteps(2);
    await first.dispose();
    const second = new TrainingSession(sessionConfig(graph, {}, { l2: 0.001 }, 3), () => {}, opts);
    // The names are no longer ".../kernel" (tfjs appends _1): the kernels are found by layer kind.
    expect(denseKernels(second.model)).toHaveLength(2);
    const losses = await second.runSteps(3);
    expect(losses.every(Number.isFinite)).toBe(true);
    await second.dispose();
  });

  it('adds exactly l2 * sum(W^2) to the loss', async () => {
    const plain = new TrainingSession(
      sessionConfig(graph, {}, { l2: 0, optimizer: 'sgd', learningRate: 1e-9 }),
      () => {},
      opts,
    );
    const penal = new TrainingSession(
      sessionConfig(graph, {}, { l2: 0.5, optimizer: 'sgd', learningRate: 1e-9 }),
      () => {},
      opts,
    );
    const sumSq = denseKernels(penal.model)
      .map((k) => Array.from(k.dataSync()).reduce((a, w) => a + w * w, 0))
      .reduce((a, b) => a + b, 0);
    const [a] = await plain.runSteps(1);
    const [b] = await penal.runSteps(1);
    expect((b as number) - (a as number)).toBeCloseTo(0.5 * sumSq, 4);
    await plain.dispose();
    await penal.dispose();
  });
});

describe('a training step that throws', () => {
  const graph = chain([['dense', { units: 6 }], ['layernorm'], ['activation', { fn: 'relu' }]]);

  /** Makes node n2's layer throw in training mode only (the gradient pass), like a tfjs bug would. */
  function breakLayer(s: TrainingSession, id: string): () => void {
    const layer = s.model.getLayer(id) as unknown as {
      call: (inputs: unknown, kwargs: { training?: boolean }) => unknown;
    };
    const call = layer.call.bind(layer);
    layer.call = (inputs: unknown, kwargs: { training?: boolean }) => {
      if (kwargs?.training) throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return call(inputs, kwargs);
    };
    return () => {
      layer.call = call;
    };
  }

  it('frees what the step allocated, names the node, and leaves the session trainable', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(graph, {}), (e) => events.push(e), opts);
    await s.runSteps(2);
    const repair = breakLayer(s, 'n2');
    const before = tf.memory().numTensors;
    let caught: unknown = null;
    try {
      await s.runSteps(4);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StepFailure);
    expect((caught as StepFailure).nodeId).toBe('n2');
    expect((caught as StepFailure).message).toMatch(
      /^Training stopped at step 2: a training step failed in LayerNorm \(n2\)\. Your graph, settings and weights are kept\./,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(s.steps).toBe(2);

    // Through start(): an error event naming the node, then status false; Train works again once repaired.
    s.start();
    await s.pause();
    await new Promise((r) => setTimeout(r, 0));
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ type: 'error', nodeId: 'n2' });
    expect(s.isRunning).toBe(false);
    repair();
    const losses = await s.runSteps(3);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(s.steps).toBe(5);
    await s.dispose();
  });

  it('step() reports the failure as an event instead of throwing', async () => {
    const events: TrainEvent[] = [];
    const before = tf.memory().numTensors;
    const s = new TrainingSession(sessionConfig(graph, {}), (e) => events.push(e), opts);
    breakLayer(s, 'n1');
    await s.step();
    expect(events.filter((e) => e.type === 'error')).toEqual([
      expect.objectContaining({ nodeId: 'n1', message: expect.stringContaining('Dense (n1)') }),
    ]);
    await s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
