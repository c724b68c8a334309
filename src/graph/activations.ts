/** The activation functions a node can apply, with the names tfjs-layers knows them by. */
export const ACTIVATION_FUNCTIONS = [
  { value: 'relu', label: 'ReLU' },
  { value: 'leakyRelu', label: 'Leaky ReLU' },
  { value: 'elu', label: 'ELU' },
  { value: 'selu', label: 'SELU' },
  { value: 'gelu', label: 'GELU' },
  { value: 'swish', label: 'Swish' },
  { value: 'tanh', label: 'tanh' },
  { value: 'sigmoid', label: 'Sigmoid' },
  { value: 'softplus', label: 'Softplus' },
  { value: 'linear', label: 'Linear' },
] as const;

export type ActivationFunction = (typeof ACTIVATION_FUNCTIONS)[number]['value'];

export function activationLabel(fn: string): string {
  return ACTIVATION_FUNCTIONS.find((a) => a.value === fn)?.label ?? fn;
}

export const INITIALIZERS = [
  { value: 'glorotUniform', label: 'Glorot uniform' },
  { value: 'glorotNormal', label: 'Glorot normal' },
  { value: 'heUniform', label: 'He uniform' },
  { value: 'heNormal', label: 'He normal' },
  { value: 'leCunNormal', label: 'LeCun normal' },
] as const;

export type InitializerName = (typeof INITIALIZERS)[number]['value'];
