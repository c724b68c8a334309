import { describe, expect, it } from 'vitest';
import { DRAG_GAP_MS, mergeDrags, onlyPositionsChanged } from '../src/store/history';
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

  it('drops the redo branch after a new edit, and ignores data, training and selection changes', () => {
    const { st, history } = fresh();
    st().setParam('dense1', 'units', 3);
    history().undo();
    expect(history().futureStates).toHaveLength(1);
    st().setData({ dataset: 'xor' });
    st().setHyper({ learningRate: 0.1 });
    st().selectNode('bn1');
    st().setOpenPanel('warp');
    expect(history().pastStates).toHaveLength(0);
    expect(history().futureStates).toHaveLength(1);
    st().setParam('dense1', 'units', 4);
    expect(history().futureStates).toHaveLength(0);
    expect(history().pastStates).toHaveLength(1);
  });

  it('keeps at most UNDO_LIMIT steps', () => {
    const { st, history } = fresh();
    for (let i = 0; i < UNDO_LIMIT + 20; i++) st().setParam('dense1', 'units', 1 + (i % 50));
    expect(history().pastStates).toHaveLength(UNDO_LIMIT);
  });
});

describe('a drag is one undo step', () => {
  it('merges moves closer than DRAG_GAP_MS, and records other edits at once', () => {
    let t = 0;
    const recorded: number[] = [];
    const { st } = fresh();
    const record = mergeDrags(
      () => recorded.push(t),
      () => t,
    );
    const graphAt = (x: number) => {
      st().moveNode('dense1', { x, y: 0 });
      return st().graph;
    };
    let prev = st().graph;
    for (let i = 1; i <= 20; i++) {
      t += 16;
      const next = graphAt(i);
      record({ graph: prev }, undefined, { graph: next });
      prev = next;
    }
    expect(recorded).toEqual([16]); // one step for the whole drag
    t += DRAG_GAP_MS + 1;
    const moved = graphAt(100);
    record({ graph: prev }, undefined, { graph: moved });
    expect(recorded).toHaveLength(2); // a new drag after a pause
    t += 1;
    st().setParam('dense1', 'units', 2);
    record({ graph: moved }, undefined, { graph: st().graph });
    expect(recorded).toHaveLength(3);
  });

  it('undoes a whole drag in the real store back to where it began', () => {
    const { st, history } = fresh();
    const start = st().graph;
    for (let x = 0; x < 30; x++) st().moveNode('bn1', { x, y: x });
    expect(history().pastStates).toHaveLength(1);
    history().undo();
    expect(st().graph).toBe(start);
  });

  it('tells a move from an edit', () => {
    const { st } = fresh();
    const a = st().graph;
    st().moveNode('bn1', { x: 1, y: 2 });
    const b = st().graph;
    st().setParam('bn1', 'momentum', 0.5);
    expect(onlyPositionsChanged(a, b)).toBe(true);
    expect(onlyPositionsChanged(b, st().graph)).toBe(false);
  });
});
