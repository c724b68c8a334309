import type { BatchNormStats } from '../../train/protocol';

const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));
const SHOWN = 16;

/**
 * BatchNorm's running mean and variance (what inference normalizes with) beside the probe
 * batch's own (what training mode normalizes with), per unit.
 */
export function BatchNormStatsTable({
  stats,
  highlight,
}: {
  readonly stats: BatchNormStats;
  readonly highlight: number | null;
}) {
  const width = stats.runningMean.length;
  return (
    <div className="bn-stats">
      <p className="panel-note">
        Running statistics (what inference normalizes with) beside this batch’s (what training mode uses):
      </p>
      <table aria-label="BatchNorm statistics per unit">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Running mean</th>
            <th scope="col">Batch mean</th>
            <th scope="col">Running variance</th>
            <th scope="col">Batch variance</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.min(width, SHOWN) }, (_, u) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: units are positions
            <tr key={u} className={u === highlight ? 'highlight' : undefined}>
              <th scope="row">{u + 1}</th>
              <td>{f(stats.runningMean[u])}</td>
              <td>{f(stats.batchMean[u])}</td>
              <td>{f(stats.runningVariance[u])}</td>
              <td>{f(stats.batchVariance[u])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {width > SHOWN && (
        <p className="panel-note">
          First {SHOWN} of {width} units.
        </p>
      )}
    </div>
  );
}
