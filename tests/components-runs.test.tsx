// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyChart } from '../src/charts/LazyChart';
import { loadCharts } from '../src/charts/loadCharts';
import { ChartsPanel } from '../src/components/ChartsPanel';
import { RunsPanel } from '../src/components/runs/RunsPanel';
import { pinLiveRun } from '../src/store/runActions';
import { appStore } from '../src/store/store';
import { metricsAt, trained } from './runHelpers';

beforeEach(() => appStore.setState(appStore.getInitialState(), true));
afterEach(cleanup);

describe('charts load in their own chunk', () => {
  // First in this file: the chunk is not loaded yet.
  it('show a light placeholder with the title until the chunk is loaded, then the chart', async () => {
    render(<LazyChart chart="LossChart" points={[]} logScale={false} height={140} />);
    expect(screen.getByText('Loss by step: loading the chart…')).toBeTruthy();
    expect(document.querySelector('.chart-placeholder')?.getAttribute('style')).toContain(
      'min-height: 140px',
    );
    await act(async () => {
      await loadCharts();
    });
    expect(screen.queryByText(/loading the chart/)).toBeNull();
    expect(screen.getByText('No training yet: press Train or Step.')).toBeTruthy();
  });

  it('the charts panel draws loss and accuracy with the pinned runs beside the live one', async () => {
    // jsdom measures nothing: a ResizeObserver that never reports is enough for the panel.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    trained(200, appStore);
    pinLiveRun(appStore, 'Original');
    appStore.getState().applyMetrics(metricsAt(210, 0.5));
    render(<ChartsPanel />);
    const loss = await screen.findByRole('img', { name: /^Loss by step: at step 210/ });
    expect(loss.getAttribute('aria-label')).toMatch(/pinned: Original test 0\.300 at step 200$/);
    const accuracy = screen.getByRole('img', { name: /^Test accuracy by step/ });
    expect(accuracy.getAttribute('aria-label')).toBe(
      'Test accuracy by step: this run 50.0% at step 210; Original 75.0% at step 200',
    );
    expect(screen.getByRole('checkbox', { name: 'Original (test)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Log scale' })).toBeTruthy();
  });
});

describe('the Runs tab', () => {
  it('says what to do before anything is trained, and refuses variants plainly', () => {
    render(<RunsPanel />);
    expect(screen.getByText(/has not trained yet/)).toBeTruthy();
    expect(screen.queryByTestId('runs-table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pin run' }));
    expect(appStore.getState().notice?.text).toMatch(/^Nothing to pin yet/);
  });

  it('lists one row per pinned run with its numbers, and renames, asks before opening, unpins', async () => {
    trained(200, appStore);
    render(<RunsPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Pin run' }));
    const table = screen.getByTestId('runs-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2); // the header and one run
    const row = rows[1] as HTMLElement;
    const text = row.textContent ?? '';
    for (const part of ['Run 1', '2 Dense, 2 BN, ReLU', 'Adam, 0.03', '200', '0.250 / 0.300', '75.0%'])
      expect(text).toContain(part);
    expect(within(row).getByRole('img', { name: 'Decision boundary of Run 1' })).toBeTruthy();
    expect(screen.getByText('Live run at step 200, pinned; 1 of 4 pinned.')).toBeTruthy();

    const rename = within(row).getByRole('button', { name: 'Rename' });
    expect(rename.getAttribute('aria-describedby')).toBe(within(row).getByRole('rowheader').id);
    fireEvent.click(rename);
    const field = within(row).getByRole('textbox', { name: 'Run name' });
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(within(row).getByRole('alert').textContent).toBe('A run needs a name.');
    fireEvent.change(field, { target: { value: 'BN first' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(appStore.getState().pinnedRuns[0]?.name).toBe('BN first');

    // The lab on screen changes and is not pinned: opening the run's lab asks first.
    act(() => appStore.getState().setHyper({ learningRate: 0.1 }));
    fireEvent.click(within(row).getByRole('button', { name: 'Open lab' }));
    const question = screen.getByRole('alertdialog', { name: 'Open the lab of BN first?' });
    expect(question.textContent).toContain('learning rate 0.1');
    fireEvent.click(within(question).getByRole('button', { name: 'Keep my lab' }));
    expect(appStore.getState().hyper.learningRate).toBe(0.1);
    fireEvent.click(within(row).getByRole('button', { name: 'Open lab' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open its lab' }));
    expect(appStore.getState().hyper.learningRate).toBe(0.03);
    expect(appStore.getState().previousLab?.hyper.learningRate).toBe(0.1);

    fireEvent.click(within(row).getByRole('button', { name: 'Unpin' }));
    expect(screen.queryByTestId('runs-table')).toBeNull();
  });

  it('offers the three variants, and says plainly when one makes no sense', async () => {
    render(<RunsPanel />);
    for (const name of ['Without normalization', 'Normalization after the activation', 'Learning rate × 10'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Learning rate × 10' }));
    });
    expect(appStore.getState().notice?.text).toMatch(/^Learning rate × 10: train this lab first/);
  });
});
