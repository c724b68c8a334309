import type { ActivationFunction, InitializerName } from '../graph/activations';
import { initializerDraw, targetArgs, targetWeights } from './conventions';
import { KERAS_TABLE } from './kerasTable';
import type { ExportPlan, PlanNode } from './plan';
import { pyBool, pyFloat, pyInt, pyStr } from './python';

/** The Keras initializer expression for a Dense kernel, with tfjs's limit or stddev. */
function kernelInitializer(name: InitializerName, n: PlanNode, units: number): string {
  const draw = initializerDraw(name, n.inWidth, units);
  const s = pyFloat(draw.value);
  // Keras 3 keeps an initializer's seed in a 32-bit signed variable on some backends.
  const seed = pyInt(n.seed & 0x7fffffff);
  return draw.distribution === 'uniform'
    ? `keras.initializers.RandomUniform(-${s}, ${s}, seed=${seed})`
    : `keras.initializers.TruncatedNormal(mean=0.0, stddev=${s}, seed=${seed})`;
}

/** The right-hand side building one node's tensor from its inputs. */
function layerCall(n: PlanNode, inputName: string): string {
  const a = targetArgs(KERAS_TABLE, n.node.kind, n.node.params);
  const name = pyStr(n.name);
  const one = n.inputs[0] as string;
  switch (n.node.kind) {
    case 'input':
      return `keras.Input(shape=(INPUT_DIM,), name=${pyStr(inputName)})`;
    case 'dense':
    case 'output': {
      const units = n.node.kind === 'output' ? n.width : Number(a.units);
      const bias = n.node.kind === 'output' ? true : a.use_bias === true;
      const init = n.node.kind === 'output' ? 'glorotUniform' : (a.kernel_initializer as InitializerName);
      return [
        `layers.Dense(${pyInt(units)}, use_bias=${pyBool(bias)}, kernel_initializer=${kernelInitializer(init, n, units)},`,
        `        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name=${name})(${one})`,
      ].join('\n');
    }
    case 'batchnorm':
      return `layers.BatchNormalization(momentum=${pyFloat(Number(a.momentum))}, epsilon=${pyFloat(Number(a.epsilon))}, center=${pyBool(a.center === true)}, scale=${pyBool(a.scale === true)}, name=${name})(${one})`;
    case 'layernorm':
      return `layers.LayerNormalization(epsilon=${pyFloat(Number(a.epsilon))}, center=${pyBool(a.center === true)}, scale=${pyBool(a.scale === true)}, name=${name})(${one})`;
    case 'activation':
      return `${KERAS_TABLE.activations[a.activation as ActivationFunction].code(Number(a.negative_slope), n.name)}(${one})`;
    case 'add':
      return `layers.Add(name=${name})([${n.inputs.join(', ')}])`;
    case 'concatenate':
      return `layers.Concatenate(axis=-1, name=${name})([${n.inputs.join(', ')}])`;
  }
}

/** build_model(): the graph as a Keras functional model, layer names from the node ids. */
export function kerasBuildModel(plan: ExportPlan): string {
  const lines = plan.nodes.map((n) => {
    const tag =
      n.node.kind === 'input' || n.node.kind === 'output' ? '' : `  # ${n.node.kind} ${pyStr(n.node.id)}`;
    const call = layerCall(n, plan.inputNode.name);
    return call.includes('\n')
      ? `    # ${n.node.kind} ${pyStr(n.node.id)}\n    ${n.name} = ${call}`
      : `    ${n.name} = ${call}${tag}`;
  });
  return [
    'def build_model():',
    '    """The NormLab graph as a Keras functional model, in topological order; it outputs the logits."""',
    ...lines,
    `    return keras.Model(inputs=${plan.inputNode.name}, outputs=${plan.outputNode.name}, name="normlab")`,
  ].join('\n');
}

/** load_normlab_weights(model): set_weights per layer from NORMLAB_WEIGHTS (Keras's own layout). */
export function kerasLoadWeights(plan: ExportPlan): string {
  const lines = [
    'def load_normlab_weights(model):',
    '    """Sets every layer\'s weights from NORMLAB_WEIGHTS: Keras keeps tfjs\'s layout (kernel [in, out])."""',
    '    w = {node: {name: floats(text) for name, text in named.items()} for node, named in NORMLAB_WEIGHTS.items()}',
  ];
  for (const n of plan.nodes) {
    const maps = targetWeights(KERAS_TABLE, n.node.kind, n.node.params);
    if (maps.length === 0) continue;
    const id = pyStr(n.node.id);
    const values = maps.map((m) => {
      const src = `w[${id}][${pyStr(m.tfjs)}]`;
      return m.tfjs === 'kernel' ? `${src}.reshape(${n.inWidth}, ${n.width})` : src;
    });
    lines.push(`    model.get_layer(${pyStr(n.name)}).set_weights([${values.join(', ')}])`);
  }
  return lines.join('\n');
}
