// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeConnections } from '../src/components/NodeConnections';
import { defaultGraph, makeNode } from '../src/graph/defaultGraph';
import { defaultLab } from '../src/share';
import { appStore } from '../src/store/store';

const edgeIds = () => appStore.getState().graph.edges.map((e) => e.id);
const target = () => screen.getByRole('combobox', { name: 'Connect output to…' }) as HTMLSelectElement;
const optionLabels = () => [...target().options].map((o) => o.textContent);

beforeEach(() => {
  appStore.getState().loadLab(defaultLab());
  const g = defaultGraph();
  appStore.getState().setGraph({ ...g, nodes: [...g.nodes, makeNode('ln1', 'layernorm', 0, 500)] });
});
afterEach(() => {
  cleanup();
  appStore.getState().loadLab(defaultLab());
});

describe('NodeConnections (Inspector): connecting without a mouse', () => {
  it('lists only the nodes bn1 may feed, and connects the chosen one through the store', () => {
    render(<NodeConnections nodeId="bn1" locked={false} />);
    expect(optionLabels()).toEqual([
      'Choose a node…',
      'Dense (dense2) (replaces its input from ReLU (act1))',
      'BatchNorm (bn2) (replaces its input from Dense (dense2))',
      'ReLU (act2) (replaces its input from BatchNorm (bn2))',
      'Output (output) (replaces its input from ReLU (act2))',
      'LayerNorm (ln1)',
    ]);
    // Input, dense1 (a loop) and act1 (already fed by bn1) are explained, not offered.
    const refused = screen.getByText(/Not listed \(3\)/).closest('details') as HTMLElement;
    expect(within(refused).getByText('Input (input)').parentElement?.textContent).toMatch(
      /nothing can feed it/,
    );
    expect(within(refused).getByText('Dense (dense1)').parentElement?.textContent).toMatch(/loop/);

    const connect = screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement;
    expect(connect.disabled).toBe(true);
    fireEvent.change(target(), { target: { value: 'ln1' } });
    expect(connect.disabled).toBe(false);
    fireEvent.click(connect);
    expect(edgeIds()).toContain('e-bn1-ln1-1');
    expect(appStore.getState().notice?.text).toBe('Connected.');
    // ln1 is now fed by bn1: no longer offered, and listed as a connection instead.
    expect(optionLabels()).not.toContain('LayerNorm (ln1)');
    expect(
      screen.getByRole('button', { name: 'Remove connection from BatchNorm (bn1) to LayerNorm (ln1)' }),
    ).toBeTruthy();
  });

  it('Enter on the select connects, like the button', () => {
    render(<NodeConnections nodeId="act2" locked={false} />);
    fireEvent.change(target(), { target: { value: 'ln1' } });
    fireEvent.keyDown(target(), { key: 'Enter' });
    expect(edgeIds()).toContain('e-act2-ln1-1');
  });

  it("lists the node's connections, inputs first, and removes one through the store", () => {
    render(<NodeConnections nodeId="bn1" locked={false} />);
    const list = screen.getByRole('list', { name: 'Current connections' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['From Dense (dense1)', 'To ReLU (act1)']);
    fireEvent.click(
      screen.getByRole('button', { name: 'Remove connection from Dense (dense1) to BatchNorm (bn1)' }),
    );
    expect(edgeIds()).not.toContain('e-dense1-bn1');
    expect(edgeIds()).toHaveLength(6);
  });

  it('Output feeds nothing: no select, only its input', () => {
    render(<NodeConnections nodeId="output" locked={false} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByText(/Output is the end of the network/)).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Remove connection from ReLU (act2) to Output (output)' }),
    ).toBeTruthy();
  });

  it('in a locked class every control is disabled, and the store refuses the change anyway', () => {
    const graph = appStore.getState().graph;
    appStore.getState().loadLab({
      ...defaultLab(),
      graph,
      classroom: { lockGraph: true, lockData: false, lockTraining: false, hide: [], lesson: null },
    });
    render(<NodeConnections nodeId="bn1" locked />);
    const group = screen.getByRole('group', { name: /Connections \(locked for this class\)/ });
    expect((group as HTMLFieldSetElement).disabled).toBe(true);
    const remove = screen.getByRole('button', {
      name: 'Remove connection from Dense (dense1) to BatchNorm (bn1)',
    });
    expect(remove.matches(':disabled')).toBe(true);
    expect(target().matches(':disabled')).toBe(true);
    const before = edgeIds();
    fireEvent.click(remove);
    expect(edgeIds()).toEqual(before);
    expect(appStore.getState().notice?.text).toMatch(/^Locked for this class/);
  });
});
