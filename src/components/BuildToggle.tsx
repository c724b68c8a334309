import { useAppStore } from '../store/store';

interface Props {
  readonly open: boolean;
  readonly onToggle: () => void;
}

/**
 * Shows or hides the lab buttons, palette and inspector on a phone, where the left column is a
 * section under the canvas (src/app/responsive.css); elsewhere the button is not displayed.
 */
export function BuildToggle({ open, onToggle }: Props) {
  const selected = useAppStore((s) => s.selectedNodeId);
  return (
    <button type="button" className="build-toggle" aria-expanded={open} onClick={onToggle}>
      <span aria-hidden="true">{open ? '▾' : '▸'}</span> Layers, inspector and lab
      {!open && selected && <span className="build-toggle-note"> · edit {selected}</span>}
    </button>
  );
}
