import type { PinnedRun } from '../../share';
import { RunRow } from './RunRow';

interface Props {
  readonly runs: readonly PinnedRun[];
  readonly onOpen: (id: string) => void;
}

/** The pinned runs side by side: one row per run (data-testid runs-table). */
export function RunsTable({ runs, onOpen }: Props) {
  return (
    <div className="runs-table-wrap">
      <table className="runs-table" data-testid="runs-table">
        <caption className="visually-hidden">Pinned runs</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Boundary</th>
            <th scope="col">Graph</th>
            <th scope="col">Optimizer, learning rate</th>
            <th scope="col">Steps</th>
            <th scope="col">Loss train / test</th>
            <th scope="col">Test accuracy</th>
            <th scope="col">Wall time</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <RunRow key={r.id} run={r} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
