// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataControls } from '../src/components/DataControls';
import { DEFAULT_DATA } from '../src/data/datasets';
import { appStore } from '../src/store/store';

afterEach(() => {
  cleanup();
  appStore.getState().setData(DEFAULT_DATA);
});

describe('DataControls: input scale', () => {
  it('applies a typed scale to the data and to the plotted square', () => {
    render(<DataControls />);
    const field = screen.getByRole('textbox', { name: 'Input scale' });
    expect((field as HTMLInputElement).value).toBe('1');
    fireEvent.change(field, { target: { value: '20' } });
    const s = appStore.getState();
    expect(s.data.inputScale).toBe(20);
    expect(s.dataset.info.domain).toEqual([-120, 120]);
  });

  it('refuses a scale outside 0.01..100 with a message and keeps the last good one', () => {
    render(<DataControls />);
    const field = screen.getByRole('textbox', { name: 'Input scale' });
    fireEvent.change(field, { target: { value: '4' } });
    fireEvent.change(field, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Not applied: Input scale .*0\.01/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(appStore.getState().data.inputScale).toBe(4);
    fireEvent.change(field, { target: { value: 'abc' } });
    expect(appStore.getState().data.inputScale).toBe(4);
  });
});
