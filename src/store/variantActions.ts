import { analyzeGraph } from '../graph/validate';
import { normalizationAfterActivation, withoutNormalization } from '../graph/variants';
import { type Lab, RUN_LIMITS } from '../share';
import { graphContextOf } from './dataSlice';
import { loadFresh } from './labActions';
import { labOf } from './labSlice';
import { modelKey } from './modelKey';
import { isLivePinned, pinLiveRun, uniqueRunName } from './runActions';
import type { AppStore } from './store';
import type { TrainerCommands } from './trainerBridge';

/** The one-click variants of a lab. */
export type VariantKind = 'noNorm' | 'normAfter' | 'lr10';

/** Each variant's button text and the name its run is pinned under. */
export const VARIANTS: Readonly<Record<VariantKind, { readonly button: string; readonly runName: string }>> =
  {
    noNorm: { button: 'Without normalization', runName: 'Without normalization' },
    normAfter: { button: 'Normalization after the activation', runName: 'Norm after activation' },
    lr10: { button: 'Learning rate × 10', runName: 'Learning rate × 10' },
  };

/** The largest learning rate a lab may have (share/specs: learningRate in (0, 10]). */
const MAX_LEARNING_RATE = 10;

/** A variant's lab and what changed, or why it makes no sense for this lab. */
export type VariantLab = { ok: true; lab: Lab; note: string } | { ok: false; reason: string };

/**
 * The variant of `lab` (same data and seed, same node ids, so the same initial weights where the
 * layers are the same): its graph without normalization, with each Norm → Activation pair
 * swapped (graph/variants), or its learning rate times 10. A variant whose graph would not be a
 * valid network is refused with the first problem.
 */
export function variantLab(lab: Lab, kind: VariantKind): VariantLab {
  if (kind === 'lr10') {
    const lr = Number((lab.hyper.learningRate * 10).toPrecision(12));
    if (lr > MAX_LEARNING_RATE) {
      return {
        ok: false,
        reason: `the learning rate is ${lab.hyper.learningRate} already; ×10 would pass the largest allowed, ${MAX_LEARNING_RATE}.`,
      };
    }
    return {
      ok: true,
      lab: { ...lab, hyper: { ...lab.hyper, learningRate: lr } },
      note: `Learning rate ${lab.hyper.learningRate} → ${lr}.`,
    };
  }
  const result =
    kind === 'noNorm' ? withoutNormalization(lab.graph) : normalizationAfterActivation(lab.graph);
  if (!result.ok) return { ok: false, reason: result.reason };
  const analysis = analyzeGraph(result.graph, graphContextOf(lab.data));
  if (!analysis.valid) {
    return {
      ok: false,
      reason: `the variant would not be a valid network: ${analysis.issues[0]?.message ?? 'it has a problem'}`,
    };
  }
  return { ok: true, lab: { ...lab, graph: result.graph }, note: result.note };
}

/** What starting a variant needs of the trainer. */
export type VariantTrainer = Pick<TrainerCommands, 'train' | 'pause' | 'reset' | 'idle'>;

/**
 * One click: pins the live run if it is not pinned yet (as "Original"), opens its variant on the
 * same data and seed, and trains it for the same number of steps; the variant watcher
 * (connectVariantWatcher) pins it when it gets there. Says plainly why not when nothing is trained
 * yet, the variant makes no sense, or there is no room for the runs. Returns whether it started.
 */
export async function startVariant(
  store: AppStore,
  trainer: VariantTrainer,
  kind: VariantKind,
): Promise<boolean> {
  let s = store.getState();
  const label = VARIANTS[kind].button;
  if (s.variantJob) {
    s.notify(
      'info',
      `“${s.variantJob.name}” is still training: it is pinned when it reaches step ${s.variantJob.untilStep}.`,
    );
    return false;
  }
  if (s.status === 'running') {
    trainer.pause();
    await trainer.idle();
    s = store.getState();
  }
  const steps = s.metrics?.step ?? 0;
  if (steps === 0) {
    s.notify(
      'info',
      `${label}: train this lab first (Train or Step). The variant then trains the same number of steps beside it, on the same data and seed.`,
    );
    return false;
  }
  const variant = variantLab(labOf(s), kind);
  if (!variant.ok) {
    s.notify('info', `${label}: ${variant.reason}`);
    return false;
  }
  const pinned = isLivePinned(s);
  const room = RUN_LIMITS.maxRuns - s.pinnedRuns.length;
  if (room < (pinned ? 1 : 2)) {
    s.notify(
      'info',
      `${label}: ${pinned ? 'the variant needs' : 'this run and its variant need'} ${pinned ? 'a free place' : 'two free places'} among the ${RUN_LIMITS.maxRuns} pinned runs: unpin one first.`,
    );
    return false;
  }
  if (!pinned && !pinLiveRun(store, 'Original')) return false;
  // The original lab is pinned (one click restores it); the variant replaces it on screen.
  loadFresh(store, variant.lab, { keepBackend: true });
  s = store.getState();
  s.clearRun(s.compiledParams);
  const name = uniqueRunName(s, VARIANTS[kind].runName);
  s.setVariantJob({ name, untilStep: steps, modelKey: modelKey(s) });
  // The same model (learning rate × 10 changes no layer) starts over from the seed's weights too.
  trainer.reset();
  trainer.train(steps);
  s.notify(
    'info',
    `${variant.note} Training “${name}” to step ${steps} on the same data and seed; it is pinned beside the original when it gets there.`,
  );
  return true;
}

/**
 * Watches a started variant: pins it once it has trained its steps (or diverged on the way), and
 * lets it go, saying so, when it is paused before, its lab is edited, or its model cannot train.
 */
export function connectVariantWatcher(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    const job = s.variantJob;
    if (!job) return;
    const step = s.metrics?.step ?? 0;
    const stop = (text: string) => {
      s.setVariantJob(null);
      s.notify('info', text);
    };
    if (modelKey(s) !== job.modelKey) {
      stop(`“${job.name}” was not pinned: its lab changed before it reached step ${job.untilStep}.`);
    } else if (s.status === 'invalid' || s.status === 'failed') {
      stop(`“${job.name}” was not pinned: it could not train (${s.failure ?? 'the graph is not valid'}).`);
    } else if (s.status !== 'ready') {
      // Loading or running: on its way.
    } else if (step > 0 && (step >= job.untilStep || s.trainingProblemKind === 'diverged')) {
      // There (the worker stops by itself at untilStep), or diverged on the way: pinned as it is,
      // once the boundary of that step has come too (it follows the metrics).
      if ((s.heatmap?.step ?? -1) < step && s.trainingProblemKind !== 'diverged') return;
      s.setVariantJob(null);
      pinLiveRun(store, job.name);
    } else if (step > 0 && s.metrics !== prev.metrics) {
      // The report that follows a stop, short of the step: paused by hand.
      stop(
        `“${job.name}” was paused at step ${step}, before step ${job.untilStep}: it was not pinned. Pin run keeps it as it is.`,
      );
    }
  });
}
