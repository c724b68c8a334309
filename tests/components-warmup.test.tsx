// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WarmupHint } from '../src/components/WarmupHint';
import { appStore } from '../src/store/store';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  appStore.getState().setStatus('ready');
  appStore.getState().setBackend(null);
});

describe('WarmupHint: no silent wait before the first step', () => {
  it('explains shader compilation on software WebGL once training shows no step for a while', () => {
    appStore.getState().setBackend({
      name: 'webgl',
      reason: 'chosen by you',
      renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))',
    });
    render(<WarmupHint />);
    act(() => appStore.getState().setStatus('running'));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => vi.advanceTimersByTime(2100));
    expect(screen.getByRole('status').textContent).toMatch(
      /^Compiling the GPU shaders for the first steps \(2 s\)….*software/,
    );
  });

  it('goes away once a step is reported, and says nothing while paused', () => {
    appStore.getState().setBackend({ name: 'wasm', reason: 'auto' });
    render(<WarmupHint />);
    act(() => appStore.getState().setStatus('running'));
    act(() => vi.advanceTimersByTime(1200));
    expect(screen.getByRole('status').textContent).toMatch(/^Preparing the first steps/);
    act(() =>
      appStore.getState().applyMetrics({
        step: 5,
        epoch: 0,
        batchLoss: 1,
        trainLoss: 1,
        testLoss: 1,
        testAccuracy: 0.5,
        testR2: null,
        stepsPerSecond: 10,
        samplesPerSecond: 320,
      }),
    );
    act(() => vi.advanceTimersByTime(300));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => appStore.getState().setStatus('ready'));
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
