import { useEffect } from 'react';
import { useStore } from 'zustand';
import { appStore } from '../store/store';

const undo = () => appStore.temporal.getState().undo();
const redo = () => appStore.temporal.getState().redo();

/** True when the key event belongs to a text field, whose own undo should win. */
function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Undo and Redo for every graph edit (add, delete, connect, parameters, moves), with
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y.
 */
export function UndoRedo() {
  const canUndo = useStore(appStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(appStore.temporal, (s) => s.futureStates.length > 0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="undo-redo">
      <button type="button" onClick={undo} disabled={!canUndo} title="Undo the last graph edit (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z or Ctrl+Y)">
        Redo
      </button>
    </div>
  );
}
