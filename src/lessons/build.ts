import { DEFAULT_DATA } from '../data/datasets';
import type { DataSettings } from '../data/types';
import { chainGraph, makeNode } from '../graph/defaultGraph';
import type { NodeKind, ParamValue } from '../graph/types';
import { DEFAULT_HYPER, type Lab, type LabDistMode, type LabHyper, type LabPanelId } from '../share/lab';
import { CURRENT_VERSION } from '../share/migrations';

/** One node of a lesson's chain: its id, kind and the parameters that differ from the defaults. */
export type ChainSpec = readonly [id: string, kind: NodeKind, params?: Readonly<Record<string, ParamValue>>];

/** What a lesson's lab sets besides its chain. */
export interface LabOptions {
  readonly data: Partial<DataSettings>;
  readonly hyper?: Partial<LabHyper>;
  readonly panel: LabPanelId | null;
  readonly distMode?: LabDistMode;
}

/** Nodes per column: the default graph's layout, which reads at 1280x720. */
const PER_COLUMN = 4;

/**
 * A lab whose graph is Input → ...specs → Output, laid out top to bottom in columns of four
 * like the default graph; the backend is left on auto.
 */
export function chainLab(specs: readonly ChainSpec[], options: LabOptions): Lab {
  const all: ChainSpec[] = [['input', 'input'], ...specs, ['output', 'output']];
  const nodes = all.map(([id, kind, params], i) =>
    makeNode(id, kind, 40 + 260 * Math.floor(i / PER_COLUMN), 118 * (i % PER_COLUMN), { ...params }),
  );
  return {
    version: CURRENT_VERSION,
    graph: chainGraph(nodes),
    data: { ...DEFAULT_DATA, ...options.data },
    hyper: { ...DEFAULT_HYPER, ...options.hyper },
    backendPref: 'auto',
    panels: { open: options.panel, distMode: options.distMode ?? 'inference' },
    classroom: null,
  };
}
