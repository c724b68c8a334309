import { useEffect, useId, useRef } from 'react';
import { appStore, useAppStore } from '../../store/store';
import { SHORTCUTS } from './keymap';

const close = () => appStore.getState().setShortcutsOpen(false);

/** The list of keyboard shortcuts, as a modal dialog (? opens it; Escape or Close closes it). */
export function ShortcutsDialog() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // A modal dialog keeps focus inside and closes on Escape (where the browser has showModal).
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby={titleId} onClose={close}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="hint">Not while typing in a field, nor with Ctrl, Cmd or Alt held.</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.command} className="shortcut-row">
            <dt>
              <kbd>{s.label}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={close}>
        Close
      </button>
    </dialog>
  );
}
