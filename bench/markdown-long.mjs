// The report's big-net and soak sections (pure; markdown.mjs puts them in the whole report).
import { fmt, mdTable } from './markdown-table.mjs';

const ms = (v) => (v === null || v === undefined ? '–' : `${fmt(v, 0)} ms`);
const pct = (v) => (v === null || v === undefined ? '–' : `${fmt(v * 100, 1)}%`);
const latencyRow = (label, s) => [label, s?.n ?? 0, ms(s?.p50), ms(s?.max), s?.timedOut ?? 0];

const CPU_KINDS = [
  ['workers', 'training worker'],
  ['pageMain', 'page main thread'],
  ['rendererOther', 'other renderer threads'],
  ['gpuProcess', 'GPU process'],
  ['browserOther', 'browser process'],
  ['otherProcesses', 'everything else on the machine'],
];

/** Where the machine's CPU went during the frames window (% of one core), from /proc. */
function cpuLine(c, cores) {
  if (!c || !Object.keys(c).length) return 'CPU by thread: not sampled.';
  const parts = CPU_KINDS.map(([k, label]) => `${label} ${fmt(c[k] ?? 0, 0)}%`);
  return `CPU during the frames window (% of one core; ${cores ?? '?'} cores = ${(cores ?? 0) * 100}%): ${parts.join(', ')}.`;
}

/** The big net: frames, the loop's time by activity, UI latencies and each Pause. */
export function bigNetSection(r) {
  const b = r.bignet;
  if (!b) return '';
  const loop = b.loop;
  const lines = [
    `## Big net while a person uses the app (${b.backend ?? '?'})`,
    '',
    `${b.label}; ${fmt(b.params, 0)} weights, ${b.nTrain ?? '?'} training points. Built and first evaluated in ${fmt(b.loadSeconds, 1)} s. Distributions panel open. Frames: main-thread requestAnimationFrame intervals over ${fmt(r.plan.bignet.trainMs / 1000, 0)} s of training. Latencies: from the input event's timestamp to the first animation frame whose DOM shows the result (real Playwright clicks and typing). The loop: the worker's own cumulative timers (Diagnostics.loop) over all the training in this section (${b.steps ?? '?'} steps).`,
    '',
    mdTable(
      [
        'Frames p50',
        'Frames p95',
        'Frames max',
        'Main-thread long tasks',
        'Steps',
        'Per step',
        'Last heatmap',
        'Last probe run',
        'Live tensors',
      ],
      [
        [
          ms(b.frames?.p50),
          ms(b.frames?.p95),
          ms(b.frames?.max),
          b.longTasks
            ? `${b.longTasks.n} (${ms(b.longTasks.totalMs)} in all, longest ${ms(b.longTasks.max)})`
            : '–',
          b.steps ?? '–',
          loop && b.steps ? ms((loop.stepsShare * loop.runningMs) / b.steps) : '–',
          ms(b.heatmapMs),
          ms(b.probeMs),
          b.numTensors ?? '–',
        ],
      ],
    ),
    '',
    cpuLine(b.cpuPercent, r.machine?.cores),
    '',
    loop
      ? mdTable(
          ['Training time', 'Steps', 'Metrics', 'Heatmap (refreshes)', 'Probes (runs)'],
          [
            [
              `${fmt(loop.runningMs / 1000, 1)} s`,
              pct(loop.stepsShare),
              pct(loop.metricsShare),
              `${pct(loop.heatmapShare)} (${loop.heatmaps})`,
              `${pct(loop.probeShare)} (${loop.probeRuns})`,
            ],
          ],
        )
      : 'The worker reported no loop timers.',
    '',
    mdTable(
      ['Input while training', 'Tries', 'Median', 'Slowest', 'Timed out'],
      [
        latencyRow('Node click → Inspector shows it', b.summary?.selectionMs),
        [
          'Units edit → node shows it',
          1,
          ms(b.unitsEdit?.ms),
          ms(b.unitsEdit?.ms),
          b.unitsEdit?.ms === null ? 1 : 0,
        ],
        latencyRow('Pause → Train button back', b.summary?.pauseMs),
        latencyRow('Pause → worker reports not running', b.summary?.pauseStatusMs),
      ],
    ),
    '',
    `After the Units edit (${b.unitsEdit?.node ?? '?'} to ${b.unitsEdit?.units ?? '?'}) the model was rebuilt and evaluated in ${fmt((b.unitsEdit?.rebuiltMs ?? Number.NaN) / 1000, 1)} s.`,
    '',
    mdTable(
      [
        'Pause pressed after',
        'To Train button',
        'To status',
        'Steps finished after the click',
        'Final report',
      ],
      (b.pauses ?? []).map((p) => [
        ms(p.afterMs),
        ms(p.ms),
        ms(p.statusMs),
        p.stepsAfterClick,
        `${fmt(p.finalReportMs / 1000, 1)} s`,
      ]),
    ),
  ];
  return lines.join('\n');
}

/** The soak: one row a minute (and one before the warm-up), and first/last/min/max of each counter. */
export function soakSection(r) {
  const s = r.soak;
  if (!s?.samples?.length) return '';
  const mb = (v) => (v === null || v === undefined ? '–' : `${fmt(v / 1e6, 2)} MB`);
  const sum = s.summary ?? {};
  const summaryRow = (label, x, f = String) =>
    x ? [label, f(x.first), f(x.last), f(x.min), f(x.max)] : [label, '–', '–', '–', '–'];
  return [
    `## ${s.minutes}-minute session (default lab, ${s.backend ?? '?'})`,
    '',
    `Training the default lab with the analysis panels opened in turn, ${s.panels.join(', ')}, each for a quarter of every minute (one panel shows at a time; the worker computes the open panel's probes only), after a warm-up of ${fmt(r.plan.soak.warmupMs / 60_000, 1)} minutes spent the same way. Once a minute the run is paused (Pause, a real click) and sampled: the worker's live tensors, the page's JS heap after forced garbage collections (CDP HeapProfiler.collectGarbage twice, then Runtime.getHeapUsage; the least of three such readings, 0.5 s after the pause), its DOM nodes and event listeners (CDP Memory.getDOMCounters) and its elements (document.getElementsByTagName('*')); then Train again. ${sum.steps ?? '?'} steps between the first and the last sample.`,
    '',
    `First, last, min and max are over minutes 0 to ${s.minutes} (what the targets judge); the row before the warm-up is for reference.`,
    '',
    mdTable(
      ['Counter', 'First', 'Last', 'Min', 'Max'],
      [
        summaryRow('Worker tensors', sum.numTensors),
        summaryRow('JS heap after GC', sum.heapUsedBytes, mb),
        summaryRow('DOM nodes', sum.domNodes),
        summaryRow('Elements', sum.elements),
        summaryRow('Event listeners', sum.listeners),
      ],
    ),
    '',
    mdTable(
      ['Minute', 'Step', 'Tensors', 'Tensor bytes', 'JS heap', 'DOM nodes', 'Elements', 'Listeners'],
      [...(s.beforeWarmup ? [{ ...s.beforeWarmup, minute: 'before warm-up' }] : []), ...s.samples].map(
        (x) => [
          x.minute,
          x.step,
          x.numTensors,
          fmt(x.numBytes, 0),
          mb(x.heapUsedBytes),
          x.domNodes,
          x.elements,
          x.listeners,
        ],
      ),
    ),
  ].join('\n');
}
