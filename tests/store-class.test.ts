import { describe, expect, it } from 'vitest';
import { defaultLab } from '../src/share';
import { labOf } from '../src/store/labSlice';
import { createAppStore } from '../src/store/store';

const locked = (lock: { lockGraph?: boolean; lockData?: boolean; lockTraining?: boolean }) => {
  const store = createAppStore();
  store.getState().loadLab({
    ...defaultLab(),
    classroom: { lockGraph: false, lockData: false, lockTraining: false, hide: [], lesson: null, ...lock },
  });
  return { store, st: () => store.getState() };
};

describe('class locks are enforced by the store, whatever the way in', () => {
  it('a locked graph refuses add, delete, connect and parameter edits, each with the message; moving is fine', () => {
    const { st } = locked({ lockGraph: true });
    const graph = st().graph;
    expect(st().addNode('dense')).toBe('');
    expect(st().notice?.text).toBe(
      'Locked for this class: the graph cannot be changed (no adding, deleting, connecting or editing nodes). Press “Make my own copy” to experiment freely.',
    );
    st().deleteElements(['bn1'], []);
    st().removeEdges([st().graph.edges[0]?.id ?? '']);
    expect(st().connect('input', 'output')).toMatch(/^Locked for this class/);
    st().setParam('dense1', 'units', 3);
    expect(st().graph).toBe(graph);
    st().moveNode('dense1', { x: 5, y: 5 });
    expect(st().graph.nodes.find((n) => n.id === 'dense1')?.position).toEqual({ x: 5, y: 5 });
    // Data and training stay free when only the graph is locked.
    st().setData({ noise: 0.3 });
    st().setHyper({ learningRate: 0.1 });
    expect(st().data.noise).toBe(0.3);
    expect(st().hyper.learningRate).toBe(0.1);
  });

  it('locked data and training settings refuse changes', () => {
    const { st } = locked({ lockData: true, lockTraining: true });
    const { data, hyper } = st();
    st().setData({ dataset: 'xor' });
    expect(st().notice?.text).toMatch(/^Locked for this class: the data settings cannot be changed/);
    st().setHyper({ learningRate: 0.5 });
    expect(st().notice?.text).toMatch(/^Locked for this class: the training settings cannot be changed/);
    expect(st().data).toBe(data);
    expect(st().hyper).toBe(hyper);
  });

  it('"Make my own copy" drops every lock and hidden section, keeps the lab, and saves as unlocked', () => {
    const { st } = locked({ lockGraph: true, lockData: true });
    const before = labOf(st());
    st().makeOwnCopy();
    expect(st().classroom).toBeNull();
    expect(labOf(st())).toEqual({ ...before, classroom: null });
    expect(st().addNode('dense')).not.toBe('');
    st().setData({ dataset: 'xor' });
    expect(st().data.dataset).toBe('xor');
  });

  it('another lab replaces a locked one (a new link or file is not refused by the old locks)', () => {
    const { st } = locked({ lockGraph: true, lockData: true, lockTraining: true });
    st().loadLab({ ...defaultLab(), data: { ...defaultLab().data, dataset: 'moons' } });
    expect(st().data.dataset).toBe('moons');
    expect(st().dataset.info.name).toBe('moons');
    expect(st().classroom).toBeNull();
  });
});
