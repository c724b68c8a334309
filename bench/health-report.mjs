// The Training health section of the report (pure: tests/bench-stats.test.ts and markdown.mjs
// import it): the sampling's share of the training loop from two readings of the worker's loop
// timers, the report's table and the section's target. bench/health.mjs measures it.
import { fmt, mdTable } from './markdown-table.mjs';

const pct = (v) => (v === null || v === undefined ? '–' : `${fmt(v * 100, 2)}%`);
const round2 = (v) => Math.round(v * 100) / 100;

/**
 * The health figures of one stretch of training between two diagnostics readings: the samples
 * taken, their share of the loop's running time (the step each rides on included: an upper bound),
 * the extra over running those steps plainly (share minus samples × the mean plain step), and
 * the mean cost of one sample.
 */
export function healthShares(before, after) {
  const a = before?.loop;
  const b = after?.loop;
  if (!a || !b) return null;
  const runningMs = b.runningMs - a.runningMs;
  if (!(runningMs > 0)) return null;
  const samples = b.healthSamples - a.healthSamples;
  const healthMs = b.healthMs - a.healthMs;
  const steps = after.steps - before.steps;
  const plainSteps = steps - samples;
  const stepMs = plainSteps > 0 ? (b.stepsMs - a.stepsMs) / plainSteps : null;
  const extraMs = stepMs === null ? null : Math.max(0, healthMs - samples * stepMs);
  return {
    runningMs: round2(runningMs),
    steps,
    samples,
    share: healthMs / runningMs,
    extraShare: extraMs === null ? null : extraMs / runningMs,
    sampleMs: samples > 0 ? healthMs / samples : null,
    stepMs,
    samplesPerSecond: (samples * 1000) / runningMs,
  };
}

/** The report's section. */
export function healthSection(r) {
  const h = r.health;
  if (!h?.labs) return '';
  const rows = h.labs.map((l) => [
    l.label,
    l.backend ?? '?',
    fmt(l.steps, 0),
    fmt(l.samples, 0),
    fmt(l.samplesPerSecond, 1),
    l.sampleMs === null || l.sampleMs === undefined ? '–' : `${fmt(l.sampleMs, 2)} ms`,
    l.stepMs === null || l.stepMs === undefined ? '–' : `${fmt(l.stepMs, 3)} ms`,
    pct(l.share),
    pct(l.extraShare),
  ]);
  return [
    '## Training health sampling (Training health tab open)',
    '',
    `Trained ${fmt(r.plan.health.trainMs / 1000, 0)} s per lab (after ${fmt(r.plan.health.settleMs / 1000, 1)} s) on auto with the tab open; from the worker's loop timers. Share: the sampled steps' whole time (the step each rides on and its own readback included) over the loop's running time. Extra: that minus what those steps cost as plain steps (mean plain step).`,
    '',
    mdTable(
      ['Lab', 'Backend', 'Steps', 'Samples', 'Samples/s', 'Per sample', 'Plain step', 'Share', 'Extra'],
      rows,
    ),
  ].join('\n');
}

/** Target: sampling takes at most 5% of the training loop, on every lab measured. */
export const HEALTH_SHARE_LIMIT = 0.05;

/** The section's targets (null pass: not measured). */
export function healthTargets(r) {
  return (r.health?.labs ?? []).map((l) => {
    const v = l.samples ? l.share : null;
    return {
      id: `health.share.${l.id}`,
      label: `Training health sampling ≤ ${HEALTH_SHARE_LIMIT * 100}% of the training loop (${l.id})`,
      value: v,
      pass: v === null || v === undefined ? null : v <= HEALTH_SHARE_LIMIT,
      note: l.samples ? `${l.samples} samples in ${fmt(l.runningMs / 1000, 1)} s` : '',
      unit: '%',
    };
  });
}
