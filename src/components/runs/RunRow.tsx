import { memo, useId, useMemo, useState } from 'react';
import { BoundaryThumbnail } from '../../charts/BoundaryThumbnail';
import { graphSummary } from '../../graph/summary';
import { boundaryValues, type PinnedRun } from '../../share';
import { appStore } from '../../store/store';
import { RunNameField } from './RunNameField';
import { formatLoss, formatPercent, formatWall, optimizerName } from './runFormat';

interface Props {
  readonly run: PinnedRun;
  /** Asks to open the run's lab (the panel decides whether to ask first). */
  readonly onOpen: (id: string) => void;
}

/**
 * One pinned run in the Runs table: its colour and name, boundary, graph, optimizer and learning
 * rate, steps, final losses and accuracy (R² for regression), wall time; Rename, Open lab, Unpin.
 */
function RunRowView({ run, onOpen }: Props) {
  const [renaming, setRenaming] = useState(false);
  // The actions are named plainly ("Unpin"); the run they act on is their description (the row's name).
  const nameId = useId();
  const { lab, final } = run;
  const boundary = useMemo(() => (run.boundary ? boundaryValues(run.boundary) : null), [run.boundary]);
  const regression = final.testAccuracy === null && final.testR2 !== null;
  return (
    <tr data-run-id={run.id}>
      <th scope="row" className="run-name" id={nameId}>
        <span className="run-swatch" style={{ background: run.color }} aria-hidden="true" />
        {renaming ? (
          <RunNameField
            initial={run.name}
            onSave={(name) => {
              const problem = appStore.getState().renameRun(run.id, name);
              if (!problem) setRenaming(false);
              return problem;
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <span>{run.name}</span>
        )}
        {run.note && <span className="run-note"> ({run.note})</span>}
      </th>
      <td>
        {boundary && run.boundary ? (
          <BoundaryThumbnail
            values={boundary}
            size={run.boundary.size}
            channels={run.boundary.channels}
            task={run.boundary.task}
            label={`Decision boundary of ${run.name}`}
          />
        ) : (
          '—'
        )}
      </td>
      <td className="run-graph">{graphSummary(lab.graph)}</td>
      <td className="run-hyper">
        {optimizerName(lab.hyper.optimizer)}, {lab.hyper.learningRate}
      </td>
      <td className="num">{run.steps}</td>
      <td className="num">
        {formatLoss(final.trainLoss)} / {formatLoss(final.testLoss)}
      </td>
      <td className="num">
        {regression ? `R² ${formatLoss(final.testR2)}` : formatPercent(final.testAccuracy)}
      </td>
      <td className="num">{formatWall(run.wallMs)}</td>
      <td className="run-actions">
        {!renaming && (
          <button type="button" aria-describedby={nameId} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        <button type="button" aria-describedby={nameId} onClick={() => onOpen(run.id)}>
          Open lab
        </button>
        <button type="button" aria-describedby={nameId} onClick={() => appStore.getState().unpinRun(run.id)}>
          Unpin
        </button>
      </td>
    </tr>
  );
}

/** One row of the Runs table (see Props). */
export const RunRow = memo(RunRowView);
