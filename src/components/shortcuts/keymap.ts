/** What a keyboard shortcut does. */
export type ShortcutCommand =
  | 'trainPause'
  | 'step'
  | 'reset'
  | 'lessonPrev'
  | 'lessonNext'
  | 'presenter'
  | 'help';

export interface Shortcut {
  readonly command: ShortcutCommand;
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** How the key is written in the shortcuts dialog. */
  readonly label: string;
  readonly description: string;
}

/** Every shortcut: one table drives both the key handling and the shortcuts dialog. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'trainPause', keys: [' '], label: 'Space', description: 'Train, or pause training' },
  { command: 'step', keys: ['s', 'S'], label: 'S', description: 'One training step (one batch)' },
  { command: 'reset', keys: ['r', 'R'], label: 'R', description: 'Reset to the same initial weights' },
  { command: 'lessonPrev', keys: ['ArrowLeft'], label: '←', description: 'Previous lesson step' },
  { command: 'lessonNext', keys: ['ArrowRight'], label: '→', description: 'Next lesson step' },
  { command: 'presenter', keys: ['p', 'P'], label: 'P', description: 'Presenter view on or off' },
  { command: 'help', keys: ['?'], label: '?', description: 'Show these shortcuts' },
];

/** The parts of a keydown event that decide a shortcut (a KeyboardEvent has them all). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat?: boolean;
  readonly target: EventTarget | null;
  /**
   * Whether the focused element was reached with the keyboard (Tab) rather than clicked; a keyboard
   * user pressing Space on a button means that button, a mouse user means Train/Pause. Default true.
   */
  readonly keyboardFocus?: boolean;
}

/** Input types that take typed text (everything but buttons, boxes, sliders and pickers). */
const NOT_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Elements that act on Space themselves when reached by keyboard (a focused button is pressed by Space). */
const SPACE_OWNERS =
  'button, a[href], summary, input, [role="button"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="radio"]';
/** Elements that act on arrow keys themselves when reached by keyboard (tabs move, sliders slide). */
const ARROW_OWNERS =
  'input, [role="tab"], [role="tablist"], [role="slider"], [role="radio"], [role="radiogroup"], [role="listbox"], [role="option"], [role="menu"], [role="menuitem"], [role="spinbutton"], [role="grid"]';
/** Canvas nodes: arrow keys move the selected ones, however they were focused. */
const CANVAS_NODE = '.react-flow__node';

const asElement = (t: EventTarget | null): Element | null =>
  t !== null && typeof (t as Element).closest === 'function' ? (t as Element) : null;

/** Whether the focused element (or the control around it) acts on this key itself. */
function ownsKey(el: Element | null, key: string, keyboardFocus: boolean): boolean {
  if (!el) return false;
  if (key.startsWith('Arrow') && el.closest(CANVAS_NODE)) return true;
  const owners = key === ' ' ? SPACE_OWNERS : key.startsWith('Arrow') ? ARROW_OWNERS : null;
  return owners !== null && keyboardFocus && el.closest(owners) !== null;
}

/** Whether the key goes into a text field: an input that takes text, a textarea, a select, or contenteditable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NOT_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  const editable = el.closest('[contenteditable]');
  return editable !== null && editable.getAttribute('contenteditable') !== 'false';
}

/**
 * The shortcut a key press triggers, or null: never while typing in a field, inside a dialog, with
 * Ctrl, Meta (Cmd) or Alt held, or on auto-repeat; never for a key the focused element uses itself
 * (Space on a button reached with Tab, arrows on canvas nodes). Shift is allowed: "?" needs it on
 * most layouts.
 */
export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(press.key));
  if (!shortcut || isTypingTarget(press.target)) return null;
  const el = asElement(press.target);
  if (el?.closest('dialog, [role="dialog"], [role="alertdialog"]')) return null;
  return ownsKey(el, press.key, press.keyboardFocus ?? true) ? null : shortcut.command;
}
