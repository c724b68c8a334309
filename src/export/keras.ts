import { dataBlock, settingsBlock, weightsBlock } from './embed';
import { headerComment } from './header';
import { kerasBuildModel, kerasLoadWeights } from './kerasModel';
import { KERAS_HELPERS, KERAS_IMPORTS, KERAS_TRAINING, kerasMakeOptimizer } from './kerasRuntime';
import { KERAS_TABLE } from './kerasTable';
import { planExport } from './plan';
import { MAIN_CALL } from './pytorchRuntime';
import type { ExportInput, ExportResult } from './types';

/** How to run the file, for its header. */
const RUN = [
  'Run (TensorFlow 2.x with tf.keras, or Keras 3 on TensorFlow). No TensorFlow is reachable where',
  "NormLab's tests run: they check this file with python3 -m py_compile and against a numpy stand-in",
  'of the Keras calls it makes, not with Keras itself.',
  '  python3 normlab_keras.py                evaluates the embedded weights on the test rows',
  '  python3 normlab_keras.py --epochs 20    then trains 20 epochs on (MirroredStrategy on 2+ GPUs)',
  '  python3 normlab_keras.py --help         more: --inputs, --dump-outputs, --save, --cpu',
];

/**
 * A Keras (functional API) script for the lab: the graph as keras.Model with layer names from
 * the node ids, set_weights from the embedded arrays, model.fit with NormLab's hyperparameters
 * inside a MirroredStrategy scope when several GPUs are present. Refused, with the graph's own
 * problems, when the graph is invalid or the data or weights do not fit it.
 */
export function exportKeras(input: ExportInput): ExportResult {
  const planned = planExport(input);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  const { plan } = planned;
  const sections = [
    headerComment(plan, 'Keras', KERAS_TABLE, RUN),
    KERAS_IMPORTS,
    settingsBlock(plan),
    KERAS_HELPERS,
    kerasBuildModel(plan),
    ...(input.weights ? [kerasLoadWeights(plan)] : []),
    kerasMakeOptimizer(),
    KERAS_TRAINING,
    weightsBlock(plan),
    dataBlock(plan),
    MAIN_CALL,
  ];
  return { ok: true, fileName: 'normlab_keras.py', text: `${sections.join('\n\n\n')}\n` };
}
