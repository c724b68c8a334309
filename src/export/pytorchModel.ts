import type { ActivationFunction, InitializerName } from '../graph/activations';
import { initializerDraw, isPinned, targetArgs, targetWeights } from './conventions';
import type { ExportPlan, PlanNode } from './plan';
import { pyBool, pyFloat, pyInt, pyStr } from './python';
import { TORCH_TABLE } from './torchTable';

const PIN = `def pin(param, trained):
    """A weight NormLab switched off (center or scale off) stays at its identity value, untrained."""
    if not trained:
        param.requires_grad_(False)`;

const BATCH_NORM = `class BatchNorm(nn.BatchNorm1d):
    """BatchNorm as tfjs and Keras compute it, over the rows of a [batch, features] input.

    momentum is PyTorch's: 1 - NormLab's. center/scale False keep beta at 0 / gamma at 1.
    In training it normalizes with the batch's mean and biased variance and moves the running
    statistics towards them: running -= momentum * (running - batch), as tfjs does
    (nn.BatchNorm1d alone would move running_var towards the unbiased variance, n/(n-1) larger).
    In eval mode it is nn.BatchNorm1d: (x - running_mean) / sqrt(running_var + eps) * gamma + beta.
    """

    def __init__(self, features, momentum, eps, center=True, scale=True):
        super().__init__(features, eps=eps, momentum=momentum)
        pin(self.bias, center)
        pin(self.weight, scale)

    def forward(self, x):
        if not self.training:
            return super().forward(x)
        mean = x.mean(0)
        var = (x - mean).pow(2).mean(0)
        with torch.no_grad():
            self.running_mean.sub_((self.running_mean - mean) * self.momentum)
            self.running_var.sub_((self.running_var - var) * self.momentum)
            self.num_batches_tracked.add_(1)
        return (x - mean) / torch.sqrt(var + self.eps) * self.weight + self.bias`;

const LAYER_NORM = `class LayerNorm(nn.LayerNorm):
    """LayerNorm over each row's features, (x - mean) / sqrt(var + eps) * gamma + beta, with
    tfjs/Keras's center and scale switches: off keeps beta at 0 / gamma at 1, untrained."""

    def __init__(self, features, eps, center=True, scale=True):
        super().__init__(features, eps=eps)
        pin(self.bias, center)
        pin(self.weight, scale)`;

/** The helper classes the graph needs (BatchNorm, LayerNorm), or an empty string. */
export function torchHelpers(plan: ExportPlan): string {
  const kinds = new Set(plan.nodes.map((n) => n.node.kind));
  const parts: string[] = [];
  if (kinds.has('batchnorm') || kinds.has('layernorm')) parts.push(PIN);
  if (kinds.has('batchnorm')) parts.push(BATCH_NORM);
  if (kinds.has('layernorm')) parts.push(LAYER_NORM);
  return parts.join('\n\n\n');
}

/** The line(s) of __init__ that build one node's module, or none. */
function moduleLines(n: PlanNode): string[] {
  const a = targetArgs(TORCH_TABLE, n.node.kind, n.node.params);
  const self = `self.${n.name}`;
  const tag = `  # ${n.node.kind === 'output' ? 'Output' : n.node.kind} ${pyStr(n.node.id)}`;
  switch (n.node.kind) {
    case 'dense':
    case 'output': {
      const units = n.node.kind === 'output' ? n.width : Number(a.out_features);
      const bias = n.node.kind === 'output' ? true : a.bias === true;
      const init = n.node.kind === 'output' ? 'glorotUniform' : (a.init as InitializerName);
      const draw = initializerDraw(init, n.inWidth, units);
      const s = pyFloat(draw.value);
      const initLine =
        draw.distribution === 'uniform'
          ? `nn.init.uniform_(${self}.weight, -${s}, ${s})`
          : `nn.init.trunc_normal_(${self}.weight, std=${s}, a=-2 * ${s}, b=2 * ${s})`;
      return [
        `${self} = nn.Linear(${pyInt(n.inWidth)}, ${pyInt(units)}, bias=${pyBool(bias)})${tag}`,
        `${initLine}  # tfjs ${init}`,
        ...(bias ? [`nn.init.zeros_(${self}.bias)`] : []),
      ];
    }
    case 'batchnorm': {
      // Written as "1 - m" when that is the table's value: Python computes the same double as JS.
      const m = Number(n.node.params.momentum);
      const momentum = a.momentum === 1 - m ? `1 - ${pyFloat(m)}` : pyFloat(Number(a.momentum));
      return [
        `${self} = BatchNorm(${pyInt(n.width)}, momentum=${momentum}, eps=${pyFloat(Number(a.eps))}, center=${pyBool(a.center === true)}, scale=${pyBool(a.scale === true)})${tag}`,
      ];
    }
    case 'layernorm':
      return [
        `${self} = LayerNorm(${pyInt(n.width)}, eps=${pyFloat(Number(a.eps))}, center=${pyBool(a.center === true)}, scale=${pyBool(a.scale === true)})${tag}`,
      ];
    case 'activation': {
      const act = TORCH_TABLE.activations[a.module as ActivationFunction];
      return [`${self} = ${act.code(Number(a.negative_slope), n.name)}${tag}`];
    }
    default:
      return [];
  }
}

/** The forward() line computing one node from its inputs. */
function forwardLine(n: PlanNode): string | null {
  switch (n.node.kind) {
    case 'input':
      return null;
    case 'add':
      return `${n.name} = ${n.inputs.join(' + ')}`;
    case 'concatenate':
      return `${n.name} = torch.cat([${n.inputs.join(', ')}], dim=-1)`;
    default:
      return `${n.name} = self.${n.name}(${n.inputs[0]})`;
  }
}

/** The nn.Module: one submodule per weighted or activation node, forward() in topological order. */
export function torchNetClass(plan: ExportPlan): string {
  const init = plan.nodes.flatMap(moduleLines).map((l) => `        ${l}`);
  const forward = plan.nodes.flatMap((n) => forwardLine(n) ?? []).map((l) => `        ${l}`);
  return [
    'class Net(nn.Module):',
    '    """The NormLab graph, node by node in topological order; returns the logits."""',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...init,
    '',
    `    def forward(self, ${plan.inputNode.name}):`,
    ...forward,
    `        return ${plan.outputNode.name}`,
  ].join('\n');
}

/** load_normlab_weights(model): copies NORMLAB_WEIGHTS in, transposing Dense kernels. */
export function torchLoadWeights(plan: ExportPlan): string {
  const lines = [
    'def load_normlab_weights(model):',
    '    """Copies NORMLAB_WEIGHTS into the model: tfjs Dense kernels [in, out] become nn.Linear',
    '    weights [out, in]; gamma/beta/moving_mean/moving_variance become weight/bias/running_mean/running_var."""',
    '    w = {node: {name: floats(text) for name, text in named.items()} for node, named in NORMLAB_WEIGHTS.items()}',
    '    with torch.no_grad():',
  ];
  for (const n of plan.nodes) {
    const id = pyStr(n.node.id);
    for (const map of targetWeights(TORCH_TABLE, n.node.kind, n.node.params)) {
      const src = `w[${id}][${pyStr(map.tfjs)}]`;
      const value = map.transpose ? `${src}.reshape(${n.inWidth}, ${n.width}).t()` : src;
      const line = `model.${n.name}.${map.target}.copy_(${value})`;
      // A pinned identity weight may be missing from older weight files: it keeps its identity value.
      const pinned = isPinned(n.node.kind, map.tfjs, n.node.params);
      lines.push(
        pinned
          ? `        if ${pyStr(map.tfjs)} in w.get(${id}, {}):\n            ${line}`
          : `        ${line}`,
      );
    }
  }
  if (lines.length === 5) lines.push('        pass');
  return lines.join('\n');
}
