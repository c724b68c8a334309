import { checkParam } from './params';
import { paramSpec } from './registry';
import type { Graph, GraphContext, GraphNode } from './types';

/** Dense's units when they are a valid width (a whole number in the registry's range), else null. */
function denseUnits(node: GraphNode): number | null {
  const spec = paramSpec('dense', 'units');
  const check = spec ? checkParam(spec, node.params.units) : null;
  return check?.ok ? Number(check.value) : null;
}

/**
 * The width (number of features) each node outputs, given the widths of its inputs in edge
 * order. Returns null when the inputs do not determine a width (missing or mismatched) or the
 * node's own width is not valid (Dense units 0, "abc" or 1e9: reported as a bad parameter, and
 * no width of 0 or NaN is passed on to the nodes below).
 */
export function outputWidth(node: GraphNode, inputs: readonly number[], ctx: GraphContext): number | null {
  switch (node.kind) {
    case 'input':
      return ctx.inputDim;
    case 'dense':
      return inputs.length === 1 ? denseUnits(node) : null;
    case 'batchnorm':
    case 'layernorm':
    case 'activation':
      return inputs.length === 1 ? (inputs[0] as number) : null;
    case 'add':
      return inputs.length >= 2 && inputs.every((w) => w === inputs[0]) ? (inputs[0] as number) : null;
    case 'concatenate':
      return inputs.length >= 2 ? inputs.reduce((a, b) => a + b, 0) : null;
    case 'output':
      return inputs.length === 1 ? ctx.outputDim : null;
  }
}

/**
 * Number of weights a node holds, by hand: Dense in*units (+units bias); BatchNorm 4*w
 * (gamma, beta trainable; moving mean and variance not); LayerNorm 2*w; Output in*out + out.
 */
export function parameterCount(node: GraphNode, inputWidth: number, width: number): number {
  switch (node.kind) {
    case 'dense':
      return inputWidth * width + (node.params.useBias === false ? 0 : width);
    case 'output':
      return inputWidth * width + width;
    case 'batchnorm':
      return width * (2 + (node.params.center === false ? 0 : 1) + (node.params.scale === false ? 0 : 1));
    case 'layernorm':
      return width * ((node.params.center === false ? 0 : 1) + (node.params.scale === false ? 0 : 1));
    default:
      return 0;
  }
}

/** Incoming source ids of each node, in the order the edges were drawn. */
export function incomingSources(graph: Graph): Map<string, string[]> {
  const m = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) m.get(e.target)?.push(e.source);
  return m;
}
