import { ACTIVATION_FUNCTIONS, INITIALIZERS } from '../src/graph/activations';
import { type ParamSpec, REGISTRY } from '../src/graph/registry';
import { type Graph, type GraphContext, NODE_KINDS } from '../src/graph/types';
import { floatEdges } from './arbitraryParams';

const float = (kind: 'batchnorm' | 'layernorm' | 'activation', key: string) =>
  REGISTRY[kind].params.find((p) => p.key === key) as ParamSpec & { type: 'float' };
const units = REGISTRY.dense.params.find((p) => p.key === 'units') as ParamSpec & { type: 'int' };

/** Every feature the random graphs must reach: "what=value" strings. */
function wanted(): string[] {
  const onOff = ['true', 'false'];
  return [
    ...NODE_KINDS.map((k) => `kind=${k}`),
    ...(['binary', 'multiclass', 'regression'] as const).map((t) => `task=${t}`),
    ...ACTIVATION_FUNCTIONS.map((a) => `fn=${a.value}`),
    ...INITIALIZERS.map((i) => `initializer=${i.value}`),
    ...onOff.map((b) => `useBias=${b}`),
    ...(['batchnorm', 'layernorm'] as const).flatMap((k) =>
      onOff.flatMap((c) => onOff.map((s) => `${k} center=${c} scale=${s}`)),
    ),
    ...floatEdges(float('batchnorm', 'momentum')).map((v) => `batchnorm momentum=${v}`),
    ...(['batchnorm', 'layernorm'] as const).flatMap((k) =>
      floatEdges(float(k, 'epsilon')).map((v) => `${k} epsilon=${v}`),
    ),
    ...floatEdges(float('activation', 'alpha')).map((v) => `leakyRelu alpha=${v}`),
    `units=${units.min}`,
    `units=${units.max}`,
    'add inputs=2',
    'add inputs=16',
    'concatenate inputs=2',
    'concatenate inputs=16',
  ];
}

/** Records which kinds, parameters (range edges included), tasks and join sizes graphs reach. */
export class GraphCoverage {
  private readonly seen = new Set<string>();

  note(graph: Graph, ctx: GraphContext): void {
    this.seen.add(`task=${ctx.task}`);
    const inputs = new Map<string, number>();
    for (const e of graph.edges) inputs.set(e.target, (inputs.get(e.target) ?? 0) + 1);
    for (const n of graph.nodes) {
      const p = n.params;
      this.seen.add(`kind=${n.kind}`);
      if (n.kind === 'activation') this.seen.add(`fn=${p.fn}`);
      if (n.kind === 'activation' && p.fn === 'leakyRelu') this.seen.add(`leakyRelu alpha=${p.alpha}`);
      if (n.kind === 'dense') {
        for (const key of ['initializer', 'useBias', 'units']) this.seen.add(`${key}=${p[key]}`);
      }
      if (n.kind === 'batchnorm' || n.kind === 'layernorm') {
        this.seen.add(`${n.kind} center=${p.center} scale=${p.scale}`);
        this.seen.add(`${n.kind} epsilon=${p.epsilon}`);
      }
      if (n.kind === 'batchnorm') this.seen.add(`batchnorm momentum=${p.momentum}`);
      if (n.kind === 'add' || n.kind === 'concatenate') this.seen.add(`${n.kind} inputs=${inputs.get(n.id)}`);
    }
  }

  /** The wanted features no noted graph had. */
  missing(): string[] {
    return wanted().filter((w) => !this.seen.has(w));
  }
}
