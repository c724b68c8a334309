/**
 * Python names for graph nodes. A node id from the editor ("dense1") or from a shared link
 * ("my-layer.v2:", "_", "3") becomes an identifier that is valid and safe in both generated
 * files: a module attribute of the PyTorch nn.Module (`self.dense1`), a local variable of its
 * forward() and of the Keras build function, and a Keras layer name.
 */

/** Python's keywords and soft keywords (3.10+). */
const PYTHON_KEYWORDS = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'case',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'match',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'type',
  'while',
  'with',
  'yield',
];

/**
 * Attributes of torch.nn.Module (1.13 and newer): a submodule of that name would replace a
 * method (`self.eval = nn.ReLU()`) or fail to register (`training`).
 */
const TORCH_MODULE_ATTRIBUTES = [
  'T_destination',
  'add_module',
  'apply',
  'bfloat16',
  'buffers',
  'call_super_init',
  'children',
  'compile',
  'cpu',
  'cuda',
  'double',
  'dump_patches',
  'eval',
  'extra_repr',
  'float',
  'forward',
  'get_buffer',
  'get_extra_state',
  'get_parameter',
  'get_submodule',
  'half',
  'ipu',
  'load_state_dict',
  'modules',
  'mtia',
  'named_buffers',
  'named_children',
  'named_modules',
  'named_parameters',
  'parameters',
  'register_backward_hook',
  'register_buffer',
  'register_forward_hook',
  'register_forward_pre_hook',
  'register_full_backward_hook',
  'register_full_backward_pre_hook',
  'register_load_state_dict_post_hook',
  'register_load_state_dict_pre_hook',
  'register_module',
  'register_parameter',
  'register_state_dict_post_hook',
  'register_state_dict_pre_hook',
  'requires_grad_',
  'set_extra_state',
  'set_submodule',
  'share_memory',
  'state_dict',
  'to',
  'to_empty',
  'train',
  'training',
  'xpu',
  'zero_grad',
];

/** Module-level names the generated files use inside forward() and build_model(). */
const SCRIPT_GLOBALS = [
  'self',
  'torch',
  'nn',
  'F',
  'np',
  'tf',
  'keras',
  'layers',
  'math',
  'sys',
  'os',
  'json',
  'base64',
  'argparse',
  'pin',
  'floats',
  'BatchNorm',
  'LayerNorm',
  'Net',
  'leaky_relu_layer',
  'kernel_regularizer',
  'build_model',
  // Builtins the file calls: a local of that name would read as if it meant them.
  'sum',
  'max',
  'min',
  'len',
  'range',
  'float',
  'int',
  'print',
  'open',
  'isinstance',
  'super',
  'dict',
  'list',
  'enumerate',
];

/** Names no node may take (it gets a "_" appended). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS,
  ...TORCH_MODULE_ATTRIBUTES,
  ...SCRIPT_GLOBALS,
]);

/**
 * One node id as a Python identifier: characters other than ASCII letters, digits and "_"
 * become "_"; a name that starts with a digit or "_" (Python mangles "__x" inside a class) or
 * is empty gets an "n" in front; a reserved name gets "_" appended.
 */
export function pythonIdentifier(id: string): string {
  let name = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9_]/.test(name)) name = `n${name}`;
  if (RESERVED_NAMES.has(name)) name = `${name}_`;
  return name;
}

/**
 * Identifiers for every node id, unique: a second id that maps to the same name ("a-b" and
 * "a.b" both give "a_b") gets "_2", "_3", ... in the order given.
 */
export function pythonNames(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = pythonIdentifier(id);
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    out.set(id, name);
  }
  return out;
}
