import type { AffineMap } from '../../graph/fold';

const f = (x: number) =>
  Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(2) : x.toFixed(3);

/** W' (one row per input feature) and b' (last row), one column per output. */
export function AffineMapTable({
  map,
  outputLabels,
}: {
  readonly map: AffineMap;
  readonly outputLabels: readonly string[];
}) {
  return (
    <table className="affine-map" aria-label="Folded weights W′ and bias b′">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Term</span>
          </th>
          {map.b.map((_, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: outputs are positions
            <th key={j} scope="col">
              {outputLabels[j] ?? `out ${j + 1}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {map.W.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: inputs are positions
          <tr key={i}>
            <th scope="row">W′ x{i + 1}</th>
            {row.map((w, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: outputs are positions
              <td key={j}>{f(w)}</td>
            ))}
          </tr>
        ))}
        <tr className="bias-row">
          <th scope="row">b′</th>
          {map.b.map((b, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: outputs are positions
            <td key={j}>{f(b)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
