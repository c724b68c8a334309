// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget, type KeyPress, SHORTCUTS, shortcutFor } from '../src/components/shortcuts/keymap';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A key press on `target` (the page itself when none), no modifiers unless given. */
const press = (key: string, target: EventTarget | null = document.body, extra: Partial<KeyPress> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...extra });

/** Adds markup to the page and returns its first element matching `selector`. */
function mount(html: string, selector: string): HTMLElement {
  document.body.insertAdjacentHTML('beforeend', html);
  const el = document.body.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

describe('shortcutFor', () => {
  it('maps each key to its command, letters in either case', () => {
    expect(press(' ')).toBe('trainPause');
    expect(press('s')).toBe('step');
    expect(press('S')).toBe('step');
    expect(press('r')).toBe('reset');
    expect(press('R')).toBe('reset');
    expect(press('ArrowLeft')).toBe('lessonPrev');
    expect(press('ArrowRight')).toBe('lessonNext');
    expect(press('p')).toBe('presenter');
    expect(press('P')).toBe('presenter');
    expect(press('?')).toBe('help');
  });

  it('has one entry per command, and no key used twice', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('ignores other keys', () => {
    for (const key of ['a', 'Enter', 'Escape', 'Tab', 'ArrowUp', 'ArrowDown', 'Delete', '/', 'F5']) {
      expect(press(key), key).toBeNull();
    }
  });

  it('ignores key presses with Ctrl, Meta or Alt held, and auto-repeats, but allows Shift', () => {
    expect(press('s', document.body, { ctrlKey: true })).toBeNull();
    expect(press('r', document.body, { metaKey: true })).toBeNull();
    expect(press('p', document.body, { altKey: true })).toBeNull();
    expect(press(' ', document.body, { repeat: true })).toBeNull();
    // "?" is Shift+/ on most layouts; a KeyPress carries no shiftKey, and none is needed.
    expect(press('?', document.body, { repeat: false })).toBe('help');
  });

  it('ignores every shortcut while typing in a text field, textarea, select or contenteditable', () => {
    const fields = [
      mount('<input type="text" id="a">', '#a'),
      mount('<input id="b">', '#b'),
      mount('<input type="number" id="c">', '#c'),
      mount('<textarea id="d"></textarea>', '#d'),
      mount('<select id="e"><option>x</option></select>', '#e'),
      mount('<div contenteditable="true" id="f"><span id="g">text</span></div>', '#g'),
    ];
    for (const field of fields) {
      for (const s of SHORTCUTS)
        expect(press(s.keys[0] as string, field), `${field.id} ${s.label}`).toBeNull();
    }
  });

  it('still works from a checkbox or a contenteditable="false" island', () => {
    const box = mount('<input type="checkbox" id="box">', '#box');
    expect(isTypingTarget(box)).toBe(false);
    expect(press('s', box)).toBe('step');
    const island = mount('<div contenteditable="false" id="i">x</div>', '#i');
    expect(press('r', island)).toBe('reset');
  });

  it('ignores shortcuts inside a dialog', () => {
    const inside = mount('<dialog open><button id="in">Close</button></dialog>', '#in');
    expect(press('s', inside)).toBeNull();
    const aria = mount('<div role="dialog"><p id="t">text</p></div>', '#t');
    expect(press('p', aria)).toBeNull();
  });

  it('leaves Space to a button reached by keyboard, and takes it from one that was clicked', () => {
    const button = mount('<button id="btn">Step</button>', '#btn');
    // Reached with Tab: Space presses the button itself.
    expect(press(' ', button, { keyboardFocus: true })).toBeNull();
    // Clicked a moment ago: Space is Train/Pause.
    expect(press(' ', button, { keyboardFocus: false })).toBe('trainPause');
    // Unknown: left to the button.
    expect(press(' ', button)).toBeNull();
    // Other shortcuts work from a focused button either way.
    expect(press('s', button, { keyboardFocus: true })).toBe('step');
    const box = mount('<input type="checkbox" id="box2">', '#box2');
    expect(press(' ', box, { keyboardFocus: true })).toBeNull();
    const tab = mount('<div role="tablist"><button role="tab" id="t1">A</button></div>', '#t1');
    expect(press('ArrowRight', tab, { keyboardFocus: true })).toBeNull();
    expect(press('ArrowRight', tab, { keyboardFocus: false })).toBe('lessonNext');
  });

  it('leaves arrow keys to canvas nodes (they move the selected nodes)', () => {
    const inner = mount('<div class="react-flow__node" tabindex="0"><span id="n">Dense</span></div>', '#n');
    expect(press('ArrowLeft', inner, { keyboardFocus: false })).toBeNull();
    expect(press('ArrowRight', inner, { keyboardFocus: true })).toBeNull();
    expect(press(' ', inner)).toBe('trainPause');
  });
});
