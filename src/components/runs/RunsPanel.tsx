import { useState } from 'react';
import { RUN_LIMITS } from '../../share';
import { browserStorage } from '../../store/browserStorage';
import { isLivePinned, openRunLab, openRunQuestion, pinLiveRun } from '../../store/runActions';
import { appStore, useAppStore } from '../../store/store';
import { startVariant, VARIANTS, type VariantKind } from '../../store/variantActions';
import { useTrainer } from '../TrainerContext';
import { OpenRunQuestion } from './OpenRunQuestion';
import { RunsCharts } from './RunsCharts';
import { RunsTable } from './RunsTable';

const KINDS: readonly VariantKind[] = ['noNorm', 'normAfter', 'lr10'];

/**
 * The "Runs" tab: Pin run, the one-click variants of the lab on screen (each trained the same
 * number of steps on the same data and seed, then pinned beside the original), the pinned runs'
 * test loss and accuracy beside the live run's, and their table (rename, open its lab, unpin).
 */
export function RunsPanel() {
  const trainer = useTrainer();
  const runs = useAppStore((s) => s.pinnedRuns);
  const job = useAppStore((s) => s.variantJob);
  const step = useAppStore((s) => s.metrics?.step ?? 0);
  const pinned = useAppStore(isLivePinned);
  const [asking, setAsking] = useState<{ id: string; name: string; differences: string } | null>(null);
  const open = (id: string) => {
    const s = appStore.getState();
    const run = s.pinnedRuns.find((r) => r.id === id);
    if (!run) return;
    const differences = openRunQuestion(s, run);
    if (differences) setAsking({ id, name: run.name, differences });
    else openRunLab(appStore, browserStorage(), id);
  };
  const live =
    step === 0
      ? 'The live run has not trained yet: press Train or Step, then pin it.'
      : `Live run at step ${step}${pinned ? ', pinned' : ''}; ${runs.length} of ${RUN_LIMITS.maxRuns} pinned.`;
  return (
    <div className="runs-panel">
      <div className="runs-actions panel-head">
        <h2>Runs</h2>
        <button type="button" className="primary" onClick={() => pinLiveRun(appStore)}>
          Pin run
        </button>
        <p className="runs-live" role={job ? 'status' : undefined}>
          {job ? `Training “${job.name}” to step ${job.untilStep}; it is pinned when it gets there.` : live}
        </p>
      </div>
      <fieldset className="runs-variants">
        <legend>Variants (same data, seed and steps):</legend>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={job !== null}
            onClick={() => void startVariant(appStore, trainer, kind)}
          >
            {VARIANTS[kind].button}
          </button>
        ))}
      </fieldset>
      {asking && (
        <OpenRunQuestion
          runName={asking.name}
          differences={asking.differences}
          onOpen={() => {
            setAsking(null);
            openRunLab(appStore, browserStorage(), asking.id);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
      {runs.length > 0 ? (
        <>
          <RunsCharts runs={runs} />
          <RunsTable runs={runs} onOpen={open} />
        </>
      ) : (
        <p className="panel-message">
          No pinned runs yet. Pin run keeps the live run (its curves, final numbers, boundary and lab) to
          compare with the next ones; a variant pins this run and its variant side by side.
        </p>
      )}
    </div>
  );
}
