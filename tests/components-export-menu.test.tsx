// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../src/components/lab/ExportMenu';
import type { ExportOutcome } from '../src/store/exportActions';
import type { ExportKind, ExportOptions } from '../src/store/exportItems';
import { appStore } from '../src/store/store';

/** What the menu asked for, and what it gets back (the exporters themselves are tested elsewhere). */
const asked: { kind: ExportKind; options: ExportOptions }[] = [];
let answer: ExportOutcome = { kind: 'refused', message: 'not set' };
vi.mock('../src/store/exportActions', () => ({
  runExport: async (kind: ExportKind, options: ExportOptions) => {
    asked.push({ kind, options });
    return answer;
  },
}));

const button = () => screen.getByRole('button', { name: 'Export' });
const menu = () => screen.queryByRole('menu', { name: 'Export' });
const item = (name: string) => screen.getByRole('menuitem', { name });
const option = (name: string) => screen.getByRole('menuitemcheckbox', { name });
const focused = () => document.activeElement?.textContent;
const key = (el: Element, k: string) => fireEvent.keyDown(el, { key: k });

beforeEach(() => {
  asked.length = 0;
  appStore.getState().dismissNotice();
  render(<ExportMenu />);
});
afterEach(cleanup);

describe('Export menu: the menu button pattern', () => {
  it('a button that says it opens a menu; Enter opens it on the first item, in the contract order', () => {
    expect(button().getAttribute('aria-haspopup')).toBe('menu');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(menu()).toBeNull();
    key(button(), 'Enter');
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Lab file',
      'PyTorch (.py)',
      'Keras (.py)',
      'TF.js model (.zip)',
    ]);
    expect(screen.getAllByRole('menuitemcheckbox').map((i) => i.textContent)).toEqual([
      'with trained weights',
      'with the data',
    ]);
    expect(focused()).toBe('Lab file');
  });

  it('arrows move and wrap, Home and End jump, Escape closes and gives focus back to the button', () => {
    key(button(), 'ArrowDown');
    expect(focused()).toBe('Lab file');
    const m = menu() as HTMLElement;
    key(m, 'ArrowDown');
    expect(focused()).toBe('PyTorch (.py)');
    key(m, 'ArrowUp');
    key(m, 'ArrowUp');
    expect(focused()).toBe('with the data');
    key(m, 'Home');
    expect(focused()).toBe('Lab file');
    key(m, 'End');
    expect(focused()).toBe('with the data');
    key(m, 'Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button());
    key(button(), 'ArrowUp');
    expect(focused()).toBe('with the data');
  });

  it('Space opens it and never reaches the page (where Space means Train)', () => {
    const page = vi.fn();
    window.addEventListener('keydown', page);
    try {
      key(button(), ' ');
      expect(menu()).not.toBeNull();
      key(item('Lab file'), 'ArrowDown');
      key(option('with trained weights'), ' ');
      expect(page).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener('keydown', page);
    }
  });

  it('the options are checkable items that keep the menu open, and go with the export', async () => {
    fireEvent.click(button());
    expect(option('with trained weights').getAttribute('aria-checked')).toBe('false');
    expect(option('with the data').getAttribute('aria-checked')).toBe('true');
    key(option('with trained weights'), 'Enter');
    fireEvent.click(option('with the data'));
    expect(menu()).not.toBeNull();
    expect(option('with trained weights').getAttribute('aria-checked')).toBe('true');
    expect(option('with the data').getAttribute('aria-checked')).toBe('false');
    answer = { kind: 'refused', message: 'No.' };
    fireEvent.click(item('TF.js model (.zip)'));
    expect(menu()).toBeNull();
    await waitFor(() =>
      expect(asked).toEqual([{ kind: 'tfjs', options: { withWeights: true, withData: false } }]),
    );
  });

  it('a press outside closes it', () => {
    fireEvent.click(button());
    fireEvent.pointerDown(document.body);
    expect(menu()).toBeNull();
  });

  it('a refusal is shown as an error message', async () => {
    answer = { kind: 'refused', message: 'PyTorch (.py) export refused: fix the graph first.' };
    fireEvent.click(button());
    key(item('PyTorch (.py)'), 'Enter');
    await waitFor(() =>
      expect(appStore.getState().notice).toMatchObject({
        kind: 'error',
        text: 'PyTorch (.py) export refused: fix the graph first.',
      }),
    );
  });
});

describe('Export menu: the code preview', () => {
  const code = 'import torch\nprint("test accuracy: 0.9850")\n';
  const openPreview = async () => {
    answer = { kind: 'preview', title: 'PyTorch (.py)', fileName: 'model.py', text: code, note: null };
    fireEvent.click(button());
    fireEvent.click(item('PyTorch (.py)'));
    return screen.findByRole('dialog', { name: 'PyTorch (.py) preview' });
  };

  it('shows the code in a named dialog with Copy, Download and Close; Close gives focus back', async () => {
    const dialog = await openPreview();
    expect(screen.getByRole('region', { name: 'Code of model.py' }).textContent).toBe(code);
    expect(dialog.textContent).toContain('model.py · 3 lines');
    for (const name of ['Copy', 'Download']) expect(screen.getByRole('button', { name })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('Copy: the clipboard gets the code; where the browser refuses, it says what to do instead', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    try {
      await openPreview();
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
      expect(writeText).toHaveBeenCalledWith(code);
      expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
      writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
      });
      expect(
        await screen.findByText(
          'The browser refused the clipboard: use Download, or select the code and copy it (Ctrl+C).',
        ),
      ).toBeTruthy();
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });
});
