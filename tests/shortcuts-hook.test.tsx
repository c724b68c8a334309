// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresenterToggle } from '../src/components/PresenterToggle';
import { ShortcutsDialog } from '../src/components/shortcuts/ShortcutsDialog';
import { useShortcuts } from '../src/components/shortcuts/useShortcuts';
import { TrainerContext } from '../src/components/TrainerContext';
import { appStore } from '../src/store/store';
import type { TrainerCommands } from '../src/store/trainerBridge';

const calls: string[] = [];
const trainer: TrainerCommands = {
  train: () => calls.push('train'),
  pause: () => calls.push('pause'),
  step: () => calls.push('step'),
  reset: () => calls.push('reset'),
  weights: async () => null,
  exportModel: async () => null,
  idle: async () => {},
  disconnect: () => {},
};

/** The shortcuts on a page with a text field, a select, the presenter toggle and the dialog. */
function Page() {
  useShortcuts();
  return (
    <div>
      <label>
        Samples <input type="text" />
      </label>
      <label>
        Dataset
        <select>
          <option>Circle</option>
        </select>
      </label>
      <PresenterToggle />
      <ShortcutsDialog />
    </div>
  );
}

const renderPage = () =>
  render(
    <TrainerContext.Provider value={trainer}>
      <Page />
    </TrainerContext.Provider>,
  );

/** Presses a key on `target` (the page by default); returns whether the page let the browser act on it. */
const key = (k: string, target: Element = document.body, init: KeyboardEventInit = {}) => {
  let allowed = true;
  act(() => {
    allowed = fireEvent.keyDown(target, { key: k, ...init });
  });
  return allowed;
};

beforeEach(() => {
  appStore.setState(appStore.getInitialState(), true);
  appStore.getState().setStatus('ready');
  calls.length = 0;
});
afterEach(cleanup);

describe('useShortcuts', () => {
  it('Space trains, then pauses once running, and the page does not scroll', () => {
    renderPage();
    expect(key(' ')).toBe(false);
    expect(calls).toEqual(['train']);
    act(() => appStore.getState().setStatus('running'));
    key(' ');
    expect(calls).toEqual(['train', 'pause']);
  });

  it('S steps and R resets', () => {
    renderPage();
    key('s');
    key('R');
    expect(calls).toEqual(['step', 'reset']);
  });

  it('does nothing while typing in a field or a select', () => {
    renderPage();
    const field = screen.getByRole('textbox', { name: 'Samples' });
    const select = screen.getByRole('combobox', { name: 'Dataset' });
    for (const k of [' ', 's', 'r', 'p', '?', 'ArrowLeft']) {
      expect(key(k, field), k).toBe(true);
      expect(key(k, select), k).toBe(true);
    }
    expect(calls).toEqual([]);
    expect(appStore.getState().presenter).toBe(false);
    expect(appStore.getState().shortcutsOpen).toBe(false);
  });

  it('leaves Ctrl, Cmd and Alt combinations to the browser (Ctrl+S, Cmd+R, Alt+P)', () => {
    renderPage();
    expect(key('s', document.body, { ctrlKey: true })).toBe(true);
    expect(key('r', document.body, { metaKey: true })).toBe(true);
    expect(key('p', document.body, { altKey: true })).toBe(true);
    expect(key(' ', document.body, { ctrlKey: true })).toBe(true);
    expect(calls).toEqual([]);
    expect(appStore.getState().presenter).toBe(false);
  });

  it('P toggles presenter view, and the toggle button shows it pressed', () => {
    renderPage();
    const toggle = screen.getByRole('button', { name: 'Presenter view' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    key('p');
    expect(appStore.getState().presenter).toBe(true);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    key('P');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('? opens the shortcuts dialog, listing every shortcut; Close closes it', () => {
    renderPage();
    expect(screen.queryByRole('dialog')).toBeNull();
    key('?', document.body, { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Train, or pause training');
    expect(dialog.querySelectorAll('kbd')).toHaveLength(7);
    // Keys pressed inside the dialog do not reach the app.
    key('s', screen.getByRole('button', { name: 'Close' }));
    expect(calls).toEqual([]);
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(appStore.getState().shortcutsOpen).toBe(false);
  });

  it('after a click on a button, Space trains; after Tab onto it, Space is left to the button', () => {
    renderPage();
    const toggle = screen.getByRole('button', { name: 'Presenter view' });
    act(() => {
      fireEvent.pointerDown(toggle);
      fireEvent.mouseDown(toggle);
      toggle.focus();
      toggle.click();
    });
    expect(appStore.getState().presenter).toBe(true);
    expect(key(' ', toggle)).toBe(false);
    expect(calls).toEqual(['train']);
    act(() => toggle.blur());
    // Tab onto it: the key comes first, then the focus.
    key('Tab');
    act(() => toggle.focus());
    expect(key(' ', toggle)).toBe(true);
    expect(calls).toEqual(['train']);
  });

  it('leaves the arrow keys alone while no lesson is open', () => {
    renderPage();
    expect(key('ArrowLeft')).toBe(true);
    expect(key('ArrowRight')).toBe(true);
  });

  it('stops listening when the page unmounts', () => {
    const { unmount } = renderPage();
    unmount();
    key(' ');
    key('p');
    expect(calls).toEqual([]);
    expect(appStore.getState().presenter).toBe(false);
  });
});
