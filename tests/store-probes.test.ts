import { describe, expect, it } from 'vitest';
import { panelCandidates, panelNode, probeRequestOf } from '../src/store/panelNodes';
import { createAppStore } from '../src/store/store';
import { NO_PROBES } from '../src/train/protocol';

const fresh = () => {
  const store = createAppStore();
  return { store, st: () => store.getState() };
};

describe('analysis panels: which node each shows', () => {
  it('defaults to the first normalization node, the first BatchNorm, and the last wide layer', () => {
    const { st } = fresh();
    expect(panelNode(st(), 'distributions')?.id).toBe('bn1');
    expect(panelNode(st(), 'batch')?.id).toBe('bn1');
    expect(panelNode(st(), 'warp')?.id).toBe('act2');
    expect(panelCandidates(st(), 'distributions').map((n) => n.id)).toEqual(['bn1', 'act1', 'bn2', 'act2']);
    expect(panelCandidates(st(), 'batch').map((n) => n.id)).toEqual(['bn1', 'bn2']);
  });

  it('follows a click on the canvas for every panel that can show the node, and keeps it after deselecting', () => {
    const { st } = fresh();
    st().selectNode('act1');
    expect(panelNode(st(), 'distributions')?.id).toBe('act1');
    expect(panelNode(st(), 'warp')?.id).toBe('act1');
    expect(panelNode(st(), 'batch')?.id).toBe('bn1'); // an activation has no batch dependence
    st().selectNode('bn2');
    expect(panelNode(st(), 'batch')?.id).toBe('bn2');
    st().selectNode(null);
    expect(panelNode(st(), 'distributions')?.id).toBe('bn2');
  });

  it('goes back to a default when the focused node is deleted, and resets the unit on a new node', () => {
    const { st } = fresh();
    st().selectNode('bn2');
    st().setDistUnit(3);
    st().focusNode('distributions', 'act2');
    expect(st().distUnit).toBe('pooled');
    st().removeNodes(['act2']);
    expect(panelNode(st(), 'distributions')?.id).toBe('bn1');
  });

  it('has nothing to show for batch dependence without a BatchNorm', () => {
    const { st } = fresh();
    st().removeNodes(['bn1', 'bn2']);
    expect(panelNode(st(), 'batch')).toBeNull();
    st().setOpenPanel('batch');
    expect(probeRequestOf(st())).toEqual(NO_PROBES);
  });
});

describe('analysis panels: what they ask the worker for', () => {
  it('asks only for the open panel', () => {
    const { st } = fresh();
    expect(probeRequestOf(st())).toEqual({
      ...NO_PROBES,
      distributions: { nodeId: 'bn1', mode: 'inference' },
    });
    st().setDistMode('training');
    expect(probeRequestOf(st()).distributions?.mode).toBe('training');
    st().setOpenPanel('affine');
    expect(probeRequestOf(st())).toEqual({ ...NO_PROBES, affine: true });
    st().setOpenPanel('batch');
    st().setBatchPoint([2, -1]);
    st().setBatchUnit(5);
    expect(probeRequestOf(st())).toEqual({ ...NO_PROBES, batch: { nodeId: 'bn1', unit: 5, point: [2, -1] } });
    st().setOpenPanel('warp');
    expect(probeRequestOf(st())).toEqual({ ...NO_PROBES, warp: { nodeId: 'act2' } });
    st().setOpenPanel(null);
    expect(probeRequestOf(st())).toEqual(NO_PROBES);
  });

  it('asks for no warped grid of a 1-unit node, and nothing at all while the graph is invalid', () => {
    const { st } = fresh();
    st().setOpenPanel('warp');
    st().focusNode('warp', 'output');
    expect(probeRequestOf(st())).toEqual(NO_PROBES);
    st().focusNode('warp', 'dense1');
    expect(probeRequestOf(st()).warp).toEqual({ nodeId: 'dense1' });
    const edge = st().graph.edges.find((e) => e.target === 'bn1');
    st().removeEdges([edge?.id ?? '']);
    expect(probeRequestOf(st())).toEqual(NO_PROBES);
  });

  it('files probe reports and errors by panel, and clears them together', () => {
    const { st } = fresh();
    st().applyProbeEvent({ type: 'probeError', probe: 'warp', message: 'boom' });
    expect(st().probeErrors.warp).toBe('boom');
    const report = {
      nodeId: 'act2',
      step: 3,
      width: 8,
      projected: true,
      explained: 0.9,
      lines: [],
      bend: 0.2,
    };
    st().applyProbeEvent({ type: 'warp', report });
    expect(st().warp).toBe(report);
    expect(st().probeErrors.warp).toBeUndefined();
    st().clearProbes();
    expect(st().warp).toBeNull();
  });
});
