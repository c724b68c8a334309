import { useShallow } from 'zustand/react/shallow';
import { panelCandidates, panelNode } from '../../store/panelNodes';
import type { NodePanel } from '../../store/probeSlice';
import { appStore, useAppStore } from '../../store/store';
import { SelectField } from '../SelectField';
import { nodeLabel } from './nodeLabel';

/** Picks the node a panel shows (a click on the canvas does the same). */
export function NodePicker({ panel }: { readonly panel: NodePanel }) {
  const ids = useAppStore(useShallow((s) => panelCandidates(s, panel).map((n) => n.id)));
  const labels = useAppStore(useShallow((s) => panelCandidates(s, panel).map(nodeLabel)));
  const current = useAppStore((s) => panelNode(s, panel)?.id ?? '');
  if (ids.length === 0) return null;
  return (
    <SelectField
      label="Node"
      value={current}
      options={ids.map((id, i) => ({ value: id, label: labels[i] ?? id }))}
      onChange={(id) => appStore.getState().focusNode(panel, id)}
      help="The node this panel shows; clicking a node on the canvas picks it too."
    />
  );
}
