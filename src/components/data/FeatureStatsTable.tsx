import type { Standardization } from '../../data/types';

const f = (x: number) =>
  Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : x.toFixed(3);

/** The mean and standard deviation each feature (and a regression target) is standardized with. */
export function FeatureStatsTable({
  stats,
  caption,
}: {
  readonly stats: Standardization;
  readonly caption: string;
}) {
  return (
    <div className="csv-stats">
      <table aria-label="Standardization: mean and standard deviation per feature">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Mean</th>
            <th scope="col">SD</th>
          </tr>
        </thead>
        <tbody>
          {stats.featureNames.map((name, j) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{f(stats.mean[j] as number)}</td>
              <td>{f(stats.sd[j] as number)}</td>
            </tr>
          ))}
          {stats.target && (
            <tr className="csv-stats-target">
              <th scope="row">{stats.target.name} (target)</th>
              <td>{f(stats.target.mean)}</td>
              <td>{f(stats.target.sd)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
