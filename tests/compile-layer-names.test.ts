import { beforeAll, describe, expect, it } from 'vitest';
import { layerName, nodeIdOf } from '../src/compile/layers';
import { chainGraph, makeNode } from '../src/graph/defaultGraph';
import type { NodeKind, ParamValue } from '../src/graph/types';
import { NO_PROBES, type TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { sessionConfig, trackedCompile, useCpu } from './helpers';

/* Found by the random-graph property tests (tests/property-graphs.test.ts), with ids as a shared link may hold them. */

beforeAll(useCpu);
const compile = trackedCompile();

describe('node ids that tfjs refuses as layer names (a shared link may hold them)', () => {
  const ids = ['a:1', '_b', '-c', '.d', 'nlid-0061'];
  const kinds: [NodeKind, Record<string, ParamValue>][] = [
    ['dense', { units: 3 }],
    ['batchnorm', {}],
    ['activation', { fn: 'tanh' }],
    ['dense', { units: 2 }],
    ['layernorm', {}],
  ];
  const graph = chainGraph([
    makeNode(':in', 'input', 0, 0),
    ...kinds.map(([kind, params], i) => makeNode(ids[i] as string, kind, 0, 100 * (i + 1), params)),
    makeNode('out:', 'output', 0, 600),
  ]);

  it('map to names tfjs accepts and back, one name per id (the escape prefix itself is escaped)', () => {
    for (const id of [...ids, ':in', 'out:', 'dense1', 'a']) {
      expect(layerName(id)).toMatch(/^[A-Za-z0-9][-A-Za-z0-9._]*$/);
      expect(nodeIdOf(layerName(id))).toBe(id);
    }
    expect(layerName('dense1')).toBe('dense1');
    expect(layerName('nlid-0061')).not.toBe(layerName('a'));
  });

  it('compile (was: "Not a valid tensor name"), count weights by node id, train, probe and round-trip weights', async () => {
    // Dense 2*3+3, BatchNorm 4*3, Dense 3*2+2, LayerNorm 2*2, Output 2*1+1.
    expect(compile(graph).paramCounts).toEqual({
      'a:1': 9,
      _b: 12,
      '-c': 0,
      '.d': 8,
      'nlid-0061': 4,
      'out:': 3,
    });
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(graph, { samples: 60 }), (e) => events.push(e), {
      heatmapSize: 4,
    });
    expect((await s.runSteps(3)).every(Number.isFinite)).toBe(true);
    const weights = await s.getWeights();
    expect(Object.keys(weights).sort()).toEqual(['.d', '_b', 'a:1', 'nlid-0061', 'out:']);
    expect(await s.setWeights(weights)).toBeNull();
    events.length = 0;
    await s.setProbes({
      ...NO_PROBES,
      warp: { nodeId: 'a:1' },
      batch: { nodeId: '_b', unit: 0, point: [1, 1] },
    });
    expect(events.map((e) => e.type).sort()).toEqual(['batchDependence', 'warp']);
    await s.dispose();
  });
});
