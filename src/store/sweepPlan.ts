import { analyzeGraph } from '../graph/validate';
import { withoutNormalization } from '../graph/variants';
import {
  SWEEP_DEFAULTS,
  type SweepPoint,
  type SweepRequest,
  type SweepRun,
  sweepRates,
} from '../train/protocol';
import { graphContextOf } from './dataSlice';
import type { SweepState } from './healthSlice';
import { selectAnalysis } from './selectors';
import type { AppState } from './types';

/** What the sweep will train, and what to say beside it; or why it cannot run. */
export type SweepPlan =
  | {
      readonly ok: true;
      readonly request: SweepRequest;
      readonly note: string | null;
      readonly settings: string;
    }
  | { readonly ok: false; readonly message: string };

/** The labels of the two runs, as the chart's legend and the summary name them. */
export const SWEEP_LABELS: Readonly<Record<SweepRun['id'], string>> = {
  current: 'This lab',
  noNorm: 'Without normalization',
};

/**
 * The sweep of the current lab: its graph and, when it has normalization nodes to remove and is
 * still valid without them, its no-normalization variant (graph/variants.ts), each at every rate
 * of sweepRates() for `steps` steps, from the lab's seed, data, optimizer, batch size and L2.
 */
export function planSweep(s: AppState, steps: number = SWEEP_DEFAULTS.steps): SweepPlan {
  if (!selectAnalysis(s).valid) {
    return { ok: false, message: 'Fix the graph first: the sweep trains this lab, so it has to be valid.' };
  }
  const ctx = graphContextOf(s.data);
  const runs: SweepRun[] = [{ id: 'current', label: SWEEP_LABELS.current, graph: s.graph }];
  let note: string | null = null;
  const variant = withoutNormalization(s.graph);
  if (!variant.ok) {
    note = `${variant.reason} So the sweep runs this lab only: there is no variant without normalization to compare.`;
  } else {
    const check = analyzeGraph(variant.graph, ctx);
    if (check.valid) runs.push({ id: 'noNorm', label: SWEEP_LABELS.noNorm, graph: variant.graph });
    else
      note = `Without its normalization nodes this graph is not valid (${check.issues[0]?.message ?? 'it does not check'}), so the sweep runs this lab only: there is no variant to compare.`;
  }
  const ds = s.dataset;
  const { hyper } = s;
  const request: SweepRequest = {
    runs,
    rates: sweepRates(),
    steps,
    ctx,
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: ds.info.domain },
    hyper,
    seed: s.data.seed,
  };
  const settings = `${hyper.optimizer}, batch ${hyper.batchSize}${hyper.l2 > 0 ? `, L2 ${hyper.l2}` : ''}, seed ${s.data.seed}, ${steps} steps a run`;
  return { ok: true, request, note, settings };
}

const fmtRate = (r: number) => String(r);
const fmtLoss = (v: number) => (v >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3))));

/**
 * What a finished (or cancelled) sweep shows in words: for each run its best rate and loss and
 * the rates that diverged; or, when every run diverged at every rate, that plainly.
 */
export function sweepSummary(sweep: SweepState): string[] {
  const { points } = sweep;
  if (points.length === 0) return [];
  if (points.every((p) => p.diverged)) {
    return [
      `Every run diverged, at every learning rate tried (${points.length} of ${points.length}): the loss became NaN, infinite, or exploded. Check the data's input scale and the graph.`,
    ];
  }
  return sweep.runs.flatMap((run) => {
    const mine = points.filter((p) => p.runId === run.id);
    if (mine.length === 0) return [];
    const ok = mine.filter(
      (p): p is SweepPoint & { finalLoss: number } => !p.diverged && p.finalLoss !== null,
    );
    const bad = mine.filter((p) => p.diverged).map((p) => fmtRate(p.rate));
    const best = ok.reduce<(typeof ok)[number] | null>(
      (a, p) => (a === null || p.finalLoss < a.finalLoss ? p : a),
      null,
    );
    const lead = best
      ? `${run.label}: lowest final loss ${fmtLoss(best.finalLoss)} at learning rate ${fmtRate(best.rate)}`
      : `${run.label}: every rate diverged`;
    const tail = !best ? '' : bad.length ? `; diverged at ${bad.join(', ')}` : '; no rate diverged';
    return [`${lead}${tail}.`];
  });
}
