/** The code exporters: PyTorch and Keras scripts from a lab (pure text; no tfjs, no React). */

export { exportKeras } from './keras';
export { KERAS_TABLE } from './kerasTable';
export { exportPyTorch } from './pytorch';
export { TORCH_TABLE } from './torchTable';
export type { ExportData, ExportHyper, ExportInput, ExportResult, ExportWeights } from './types';
