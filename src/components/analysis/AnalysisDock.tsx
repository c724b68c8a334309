import { useId } from 'react';
import type { PanelId } from '../../store/probeSlice';
import { appStore, useAppStore } from '../../store/store';
import { RunsPanel } from '../runs/RunsPanel';
import { AffinePanel } from './AffinePanel';
import { BatchDependencePanel } from './BatchDependencePanel';
import { DistributionsPanel } from './DistributionsPanel';
import { HealthPanel } from './HealthPanel';
import { WarpPanel } from './WarpPanel';

export const PANELS: readonly { readonly id: PanelId; readonly title: string }[] = [
  { id: 'distributions', title: 'Distributions' },
  { id: 'affine', title: 'Equivalent affine map' },
  { id: 'batch', title: 'Batch dependence' },
  { id: 'warp', title: 'Warped grid' },
  { id: 'health', title: 'Training health' },
  { id: 'runs', title: 'Runs' },
];

const BODY: Record<PanelId, () => React.JSX.Element> = {
  distributions: DistributionsPanel,
  affine: AffinePanel,
  batch: BatchDependencePanel,
  warp: WarpPanel,
  health: HealthPanel,
  runs: RunsPanel,
};

/** The analysis panels under the canvas, one at a time behind tabs; the dock can be hidden. */
export function AnalysisDock() {
  const open = useAppStore((s) => s.openPanel);
  const hidden = useAppStore((s) => s.classroom?.hide);
  const shown = PANELS.filter((p) => !hidden?.includes(`tab:${p.id}`));
  const base = useId();
  const setOpen = (id: PanelId | null) => appStore.getState().setOpenPanel(id);
  const Body = open && shown.some((p) => p.id === open) ? BODY[open] : null;
  return (
    <section className={`dock${open ? ` dock-open dock-${open}` : ''}`} aria-label="Analysis">
      <div className="dock-tabs">
        {/* Only tabs inside the tablist (ARIA): the Hide/Show toggle sits beside it in the strip. */}
        <div className="dock-tablist" role="tablist" aria-label="Analysis panels">
          {shown.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`${base}-${p.id}`}
              aria-selected={open === p.id}
              aria-controls={open === p.id ? `${base}-panel` : undefined}
              onClick={() => setOpen(p.id)}
            >
              {p.title}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="dock-toggle"
          aria-expanded={open !== null}
          onClick={() => setOpen(open ? null : (shown[0]?.id ?? null))}
          disabled={shown.length === 0}
          aria-label={open ? 'Hide panels' : 'Show panels'}
        >
          {/* Short on screen so five tabs and the toggle keep one row at 1280 px; the name says it all. */}
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      {Body && (
        <div className="dock-body" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${open}`}>
          <Body />
        </div>
      )}
    </section>
  );
}
