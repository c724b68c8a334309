import { appStore } from '../../store/store';

/** Opens the keyboard-shortcuts dialog (the ? key does too). */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      className="shortcuts-button"
      aria-label="Keyboard shortcuts"
      title="Keyboard shortcuts (?)"
      onClick={() => appStore.getState().setShortcutsOpen(true)}
    >
      ?
    </button>
  );
}
