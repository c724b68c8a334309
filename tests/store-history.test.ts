import { describe, expect, it } from 'vitest';
import { beginDrag, endDrag } from '../src/store/history';
import { createAppStore, UNDO_LIMIT } from '../src/store/store';

const fresh = () => {
  const store = createAppStore();
  const st = () => store.getState();
  const history = () => store.temporal.getState();
  return { store, st, history };
};

describe('undo and redo', () => {
  it('walks back and forth through a sequence of graph edits', () => {
    const { st, history } = fresh();
    const g0 = st().graph;
    const id = st().addNode('layernorm', { x: 10, y: 10 });
    const g1 = st().graph;
    st().connect('dense1', id);
    const g2 = st().graph;
    st().setParam('dense1', 'units', 5);
    const g3 = st().graph;
    st().removeNodes(['act2']);
    const g4 = st().graph;
    expect(history().pastStates).toHaveLength(4);
    history().undo();
    expect(st().graph).toBe(g3);
    history().undo();
    expect(st().graph).toBe(g2);
    history().undo();
    history().undo();
    expect(st().graph).toBe(g0);
    history().undo(); // nothing left: stays
    expect(st().graph).toBe(g0);
    history().redo();
    expect(st().graph).toBe(g1);
    history().redo(3);
    expect(st().graph).toBe(g4);
    expect(history().futureStates).toHaveLength(0);
  });

  it('drops the redo branch after a new edit, and ignores selection and panel changes', () => {
    const { st, history } = fresh();
    st().setParam('dense1', 'units', 3);
    history().undo();
    expect(history().futureStates).toHaveLength(1);
    st().selectNode('bn1');
    st().setOpenPanel('warp');
    expect(history().pastStates).toHaveLength(0);
    expect(history().futureStates).toHaveLength(1);
    st().setParam('dense1', 'units', 4);
    expect(history().futureStates).toHaveLength(0);
    expect(history().pastStates).toHaveLength(1);
  });

  it('data and training settings are undo steps too (a data change restarts a run: undo brings it back)', () => {
    const { st, history } = fresh();
    const data = st().data;
    const hyper = st().hyper;
    st().setData({ dataset: 'xor' });
    st().setHyper({ learningRate: 0.1 });
    expect(history().pastStates).toHaveLength(2);
    history().undo();
    expect(st().hyper).toEqual(hyper);
    expect(st().data.dataset).toBe('xor');
    history().undo();
    expect(st().data).toEqual(data);
    expect(st().dataset.info.name).toBe('circle');
    history().redo();
    expect(st().dataset.info.name).toBe('xor');
  });

  it('keeps at most UNDO_LIMIT steps', () => {
    const { st, history } = fresh();
    for (let i = 0; i < UNDO_LIMIT + 20; i++) st().setParam('dense1', 'units', 1 + (i % 50));
    expect(history().pastStates).toHaveLength(UNDO_LIMIT);
  });
});

describe('a drag is one undo step', () => {
  it('from where it started to where it stopped, however many moves and pauses it has', () => {
    const { store, st, history } = fresh();
    st().setParam('dense1', 'units', 3);
    const start = st().graph;
    beginDrag(store);
    for (let x = 0; x < 30; x++) st().moveNode('bn1', { x, y: x });
    st().moveNode('act1', { x: 5, y: 5 }); // a multi-node drag moves several
    endDrag(store);
    expect(history().pastStates).toHaveLength(2);
    const end = st().graph;
    history().undo();
    expect(st().graph).toBe(start);
    history().redo();
    expect(st().graph).toBe(end);
    // The next drag is its own step, even right after.
    beginDrag(store);
    st().moveNode('act2', { x: 1, y: 1 });
    endDrag(store);
    history().undo();
    expect(st().graph).toBe(end);
  });

  it('a click that moves nothing records nothing; moves outside a drag (keyboard) are steps of their own', () => {
    const { store, st, history } = fresh();
    beginDrag(store);
    endDrag(store);
    expect(history().pastStates).toHaveLength(0);
    st().moveNode('bn1', { x: 1, y: 1 });
    st().moveNode('bn1', { x: 2, y: 1 });
    expect(history().pastStates).toHaveLength(2);
  });
});

describe('deleting is one undo step', () => {
  it('a node goes with its connections, and one Undo brings both back', () => {
    const { st, history } = fresh();
    const before = st().graph;
    st().selectNode('bn1');
    st().deleteElements(['bn1'], ['e-dense1-bn1', 'e-bn1-act1']);
    expect(st().graph.nodes.some((n) => n.id === 'bn1')).toBe(false);
    expect(st().graph.edges).toHaveLength(before.edges.length - 2);
    expect(st().selectedNodeId).toBeNull();
    expect(history().pastStates).toHaveLength(1);
    history().undo();
    expect(st().graph).toBe(before);
  });

  it('keeps Input and Output, says so, and still deletes the rest', () => {
    const { st } = fresh();
    const edge = st().graph.edges[3]?.id ?? '';
    st().deleteElements(['input', 'act2', 'nope'], [edge]);
    expect(st().graph.nodes.map((n) => n.id)).toContain('input');
    expect(st().graph.nodes.map((n) => n.id)).not.toContain('act2');
    expect(st().graph.edges.map((e) => e.id)).not.toContain(edge);
    expect(st().notice?.text).toMatch(/Input and Output stay/);
  });
});
