import { useEffect } from 'react';
import { appStore } from '../../store/store';
import { useTrainer } from '../TrainerContext';
import { trackFocusOrigin } from './focusOrigin';
import { shortcutFor } from './keymap';
import { runShortcut } from './runShortcut';

/**
 * The app's keyboard shortcuts (see SHORTCUTS): Space, S, R, ← / →, P and ?, on the whole page
 * except while typing in a field or with Ctrl, Meta or Alt held.
 */
export function useShortcuts(): void {
  const trainer = useTrainer();
  useEffect(() => {
    const origin = trackFocusOrigin(window);
    // No check of e.defaultPrevented: React Flow cancels every Space press (its pan key) before this runs.
    const onKeyDown = (e: KeyboardEvent) => {
      const command = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        repeat: e.repeat,
        target: e.target,
        keyboardFocus: origin.focusedByKeyboard(),
      });
      if (command && runShortcut(command, appStore, trainer)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      origin.stop();
    };
  }, [trainer]);
}
