import { useId } from 'react';
import { trainBlockedReason } from '../store/selectors';
import { useAppStore } from '../store/store';
import { SpeedControl } from './SpeedControl';
import { useTrainer } from './TrainerContext';
import { WarmupHint } from './WarmupHint';

/** Train/Pause, Step, Reset; says why Train is disabled, and why training stopped. */
export function RunControls() {
  const trainer = useTrainer();
  const status = useAppStore((s) => s.status);
  const blocked = useAppStore(trainBlockedReason);
  const problem = useAppStore((s) => s.trainingProblem);
  const diverged = useAppStore((s) => s.trainingProblemKind === 'diverged');
  const reasonId = useId();
  const running = status === 'running';
  const canTrain = !blocked && !diverged;
  return (
    <div className="run-controls">
      <div className="run-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => (running ? trainer.pause() : trainer.train())}
          disabled={!running && !canTrain}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {running ? 'Pause' : 'Train'}
        </button>
        <button type="button" onClick={trainer.step} disabled={running || !canTrain}>
          Step
        </button>
        <button type="button" onClick={trainer.reset} disabled={status !== 'ready' && status !== 'running'}>
          Reset
        </button>
        <SpeedControl />
      </div>
      <WarmupHint />
      {blocked && (
        <p id={reasonId} className="blocked-reason" data-testid="train-blocked-reason">
          {blocked}
        </p>
      )}
      {problem && (
        <p className="training-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
