import { REGISTRY } from '../graph/registry';
import { NODE_KINDS } from '../graph/types';
import { PaletteItem } from './PaletteItem';

const PALETTE_KINDS = NODE_KINDS.filter((k) => REGISTRY[k].inPalette);

/** The layer palette. */
export function Palette() {
  return (
    <nav className="palette" aria-label="Layers">
      <h2>Layers</h2>
      <p className="hint">Drag onto the canvas, or click.</p>
      <div className="palette-items">
        {PALETTE_KINDS.map((k) => (
          <PaletteItem key={k} kind={k} />
        ))}
      </div>
    </nav>
  );
}
