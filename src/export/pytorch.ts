import { dataBlock, settingsBlock, weightsBlock } from './embed';
import { headerComment } from './header';
import { planExport } from './plan';
import { torchHelpers, torchLoadWeights, torchNetClass } from './pytorchModel';
import { MAIN_CALL, TORCH_FLOATS, TORCH_IMPORTS, TORCH_TRAINING, torchMakeOptimizer } from './pytorchRuntime';
import { TORCH_TABLE } from './torchTable';
import type { ExportInput, ExportResult } from './types';

/** How to run the file, for its header. */
const RUN = [
  'Run (PyTorch 1.13 or newer, nothing else):',
  '  python3 normlab_pytorch.py                evaluates the embedded weights on the test rows',
  '  python3 normlab_pytorch.py --epochs 20    then trains 20 epochs on and evaluates again',
  '  torchrun --nproc_per_node=2 normlab_pytorch.py --epochs 20',
  '      the same with DistributedDataParallel on 2 processes (gloo on the CPU, nccl on GPUs);',
  "      Debian 12's torch 1.13 on Python 3.11 needs torchrun --redirects 1 --tee 1 (a launcher bug)",
  '  python3 normlab_pytorch.py --help         more: --steps, --inputs, --dump-outputs, --save, --cpu',
];

/**
 * A PyTorch script for the lab: an nn.Module mirroring the graph (topological order, one
 * submodule per node named from its id), the data and trained weights embedded as base64
 * float32, and a main that evaluates, trains on (one process, or DistributedDataParallel under
 * torchrun) and can dump the logits. Refused, with the graph's own problems, when the graph is
 * invalid or the data or weights do not fit it.
 */
export function exportPyTorch(input: ExportInput): ExportResult {
  const planned = planExport(input);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  const { plan } = planned;
  const helpers = torchHelpers(plan);
  const sections = [
    headerComment(plan, 'PyTorch', TORCH_TABLE, RUN),
    TORCH_IMPORTS,
    settingsBlock(plan),
    TORCH_FLOATS,
    ...(helpers ? [helpers] : []),
    torchNetClass(plan),
    ...(input.weights ? [torchLoadWeights(plan)] : []),
    torchMakeOptimizer(),
    TORCH_TRAINING,
    weightsBlock(plan),
    dataBlock(plan),
    MAIN_CALL,
  ];
  return { ok: true, fileName: 'normlab_pytorch.py', text: `${sections.join('\n\n\n')}\n` };
}
