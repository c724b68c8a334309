import { formatSci } from '../../charts/healthScale';
import type { GraphNode } from '../../graph/types';
import type { HealthSample } from '../../train/protocol';
import { nodeLabel } from './nodeLabel';

/**
 * The latest training-health figures of every weighted layer, as numbers: gradient, weight and
 * update norms of its kernel, and the effective learning rate where a BatchNorm follows.
 */
export function HealthTable({
  sample,
  nodes,
}: {
  readonly sample: HealthSample;
  readonly nodes: readonly GraphNode[];
}) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <table className="health-table" data-testid="health-table">
      <caption>At step {sample.step}</caption>
      <thead>
        <tr>
          <th scope="col">Layer</th>
          <th
            scope="col"
            title="Norm of the loss gradient with respect to the kernel W, on this step's batch"
          >
            ‖g‖
          </th>
          <th scope="col" title="Norm of the kernel W before the step (bias left out)">
            ‖W‖
          </th>
          <th scope="col" title="How far the step moved W, relative to its size">
            ‖ΔW‖/‖W‖
          </th>
          <th
            scope="col"
            title="Effective learning rate, for a layer followed by BatchNorm (van Laarhoven 2017)"
          >
            lr/‖W‖²
          </th>
        </tr>
      </thead>
      <tbody>
        {sample.layers.map((l) => {
          const node = byId.get(l.nodeId);
          return (
            <tr key={l.nodeId}>
              <th scope="row">{node ? nodeLabel(node) : l.nodeId}</th>
              <td>{formatSci(l.gradNorm)}</td>
              <td>{formatSci(l.weightNorm)}</td>
              <td>{formatSci(l.updateRatio)}</td>
              <td title={l.effectiveLr === null ? 'Not followed by BatchNorm alone' : undefined}>
                {l.effectiveLr === null ? '—' : formatSci(l.effectiveLr)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
