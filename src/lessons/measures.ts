import { generateDataset } from '../data/datasets';
import { linearBaselineAccuracy } from '../data/linearBaseline';
import { contextOfData } from '../data/source';
import { analyzeAffine } from '../graph/affine';
import { analyzeGraph } from '../graph/validate';
import type { Lab } from '../share/lab';
import type { RunMeasures } from './types';

/**
 * The reports a run's measures come from, typed by the fields read (the app's Metrics, Heatmap,
 * AffineReport, BatchDependenceReport and DistributionReport fit as they are). Null: none yet.
 */
export interface MeasureSources {
  readonly step: number;
  readonly metrics: { readonly testAccuracy: number | null } | null;
  readonly heatmap: { readonly nonlinearity: number | null } | null;
  readonly affine: { readonly maxError: number } | null;
  readonly batch: { readonly trainingSpread: number; readonly inferenceSpread: number } | null;
  readonly distributions: {
    readonly nodeId: string;
    readonly unitShare: number;
    readonly pooled: { readonly region: number | null };
  } | null;
  /** The panel open now ('affine' shows the folded map). */
  readonly openPanel: string | null;
  /** The collapse banner is up (see isCollapsed). */
  readonly collapsed: boolean;
  /** The node the lesson looks at: distribution shares of any other node are not this lesson's. */
  readonly focusNodeId: string | null;
  /** linearBaselineAccuracy of the dataset (see linearAccuracyOf). */
  readonly linearAccuracy: number | null;
}

/** One run's RunMeasures from the reports the app holds. */
export function runMeasures(s: MeasureSources): RunMeasures {
  const focused = s.distributions && (s.focusNodeId === null || s.distributions.nodeId === s.focusNodeId);
  const dist = focused ? s.distributions : null;
  return {
    step: s.step,
    testAccuracy: s.metrics?.testAccuracy ?? null,
    linearAccuracy: s.linearAccuracy,
    collapsed: s.collapsed,
    foldShown: s.openPanel === 'affine' && s.collapsed && s.affine !== null,
    foldError: s.affine?.maxError ?? null,
    r2: s.heatmap?.nonlinearity ?? null,
    trainingSpread: s.batch?.trainingSpread ?? null,
    inferenceSpread: s.batch?.inferenceSpread ?? null,
    unitShare: dist?.unitShare ?? null,
    regionShare: dist?.pooled.region ?? null,
  };
}

/**
 * Whether the collapse banner is up for a lab: its graph is valid for its dataset and every node
 * on an Input→Output path is affine at inference (the app's isWholeNetworkAffine).
 */
export function isCollapsed(lab: Lab): boolean {
  return analyzeGraph(lab.graph, contextOfData(lab.data)).valid && analyzeAffine(lab.graph).affine;
}

/** Test accuracy of the best linear classifier on the lab's own split (null for regression and imported data). */
export function linearAccuracyOf(lab: Lab): number | null {
  if (lab.data.dataset === 'csv') return null;
  return linearBaselineAccuracy(generateDataset(lab.data));
}
