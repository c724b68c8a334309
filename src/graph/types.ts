/** The kinds of node a NormLab graph can hold. */
export type NodeKind =
  | 'input'
  | 'dense'
  | 'batchnorm'
  | 'layernorm'
  | 'activation'
  | 'add'
  | 'concatenate'
  | 'output';

export const NODE_KINDS: readonly NodeKind[] = [
  'input',
  'dense',
  'batchnorm',
  'layernorm',
  'activation',
  'add',
  'concatenate',
  'output',
];

export type ParamValue = number | string | boolean;
export type NodeParams = Readonly<Record<string, ParamValue>>;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly params: NodeParams;
  readonly position: Point;
}

/** A directed edge: the output of `source` feeds an input of `target`. */
export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** What the dataset asks of the network. */
export type Task = 'binary' | 'multiclass' | 'regression';

/** Facts from outside the graph that its shapes depend on: the dataset's widths and task. */
export interface GraphContext {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly task: Task;
}
