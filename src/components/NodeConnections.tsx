import { useAppStore } from '../store/store';
import { ConnectionList } from './ConnectionList';
import { ConnectOutputField } from './ConnectOutputField';
import { LOCKED_TITLE } from './classroom/ClassBanner';

interface Props {
  readonly nodeId: string;
  readonly locked: boolean;
}

/** The Inspector's Connections group: connect the node's output to another node, or remove a connection. */
export function NodeConnections({ nodeId, locked }: Props) {
  const graph = useAppStore((s) => s.graph);
  const kind = graph.nodes.find((n) => n.id === nodeId)?.kind;
  return (
    <fieldset className="inspector-connections" disabled={locked} title={locked ? LOCKED_TITLE : undefined}>
      <legend>Connections{locked ? ' (locked for this class)' : ''}</legend>
      {kind === 'output' ? (
        <p className="hint">Output is the end of the network: it feeds no other node.</p>
      ) : (
        <ConnectOutputField graph={graph} sourceId={nodeId} />
      )}
      <ConnectionList graph={graph} nodeId={nodeId} />
    </fieldset>
  );
}
