/** Follows how the focused element got its focus: by keyboard (Tab, arrows) or by pointer (a click). */
export interface FocusOrigin {
  /** Whether the element focused last was reached from the keyboard (true until anything is focused). */
  focusedByKeyboard(): boolean;
  stop(): void;
}

/**
 * Tracks the input that moved focus last. Browsers' `:focus-visible` cannot tell this apart at key
 * time: Chromium turns a clicked button `:focus-visible` at the first key pressed on it.
 */
export function trackFocusOrigin(target: Window = window): FocusOrigin {
  let lastInput: 'keyboard' | 'pointer' = 'keyboard';
  let byKeyboard = true;
  const onKey = () => {
    lastInput = 'keyboard';
  };
  const onPointer = () => {
    lastInput = 'pointer';
  };
  const onFocus = () => {
    byKeyboard = lastInput === 'keyboard';
  };
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('pointerdown', onPointer, true);
  target.addEventListener('mousedown', onPointer, true);
  target.addEventListener('focusin', onFocus, true);
  return {
    focusedByKeyboard: () => byKeyboard,
    stop: () => {
      target.removeEventListener('keydown', onKey, true);
      target.removeEventListener('pointerdown', onPointer, true);
      target.removeEventListener('mousedown', onPointer, true);
      target.removeEventListener('focusin', onFocus, true);
    },
  };
}
