// The benchmark report as Markdown (pure; the same text is printed, saved as latest.md and
// pasted into the README's Performance section).
import { healthSection } from './health-report.mjs';
import { bigNetSection, soakSection } from './markdown-long.mjs';
import { fmt, mdTable } from './markdown-table.mjs';
import { span } from './targets.mjs';

export { fmt, mdTable };

const kb = (bytes) => (bytes === null || bytes === undefined ? '–' : `${fmt(bytes / 1000, 1)} kB`);
const kib = (bytes) => (bytes === null || bytes === undefined ? '–' : `${fmt(bytes / 1024, 1)} KiB`);
const ms = (v) => (v === null || v === undefined ? '–' : `${fmt(v, 0)} ms`);
const MS_TARGETS = new Set(['frameP95', 'heatmapWasm', 'firstPaint', 'trainEnabled']);
const verdict = (pass) => (pass === null ? 'not measured' : pass ? '**pass**' : '**MISS**');

function targetValue(t) {
  if (typeof t.value !== 'number') return t.value ?? '–';
  if (t.unit === 'ms') return `${fmt(t.value, 0)} ms`;
  if (t.unit === '%') return `${fmt(t.value * 100, 1)}%`;
  if (t.id.startsWith('mainJs')) return kb(t.value);
  if (t.id === 'firstLoad') return kib(t.value);
  if (MS_TARGETS.has(t.id)) return `${fmt(t.value, 1)} ms`;
  return fmt(t.value, 2);
}

/** The measured value; the big-net and soak targets add their note (refresh counts, drift). */
const withNote = (t) =>
  t.note && /^(big|soak|appOverBare|autoStays|autoForced|toAccuracy|firstLoad|trainEnabled)/.test(t.id)
    ? `${targetValue(t)}; ${t.note}`
    : targetValue(t);

function header(r) {
  const m = r.machine;
  const p = r.plan;
  const e2e = r.auto?.e2e;
  const gl = r.auto?.swiftshader;
  const flags = r.browser?.flags ?? {};
  const lines = [
    `# NormLab benchmark (${p.mode})`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s. ${
      p.mode === 'quick'
        ? `**Quick run**: ${p.rounds} measured pairs after a warm-up pair, ${p.windowMs / 1000} s windows, R2 only on ${p.backends.R2.join(' and ')}, nothing timed with the SwiftShader flags, ${p.loads} loads, ${p.accuracyRuns} accuracy run each; medians. \`npm run bench\` runs the full one.`
        : `${p.rounds} measured app/bare pairs after a warm-up pair, ${p.windowMs / 1000} s windows (after ${p.settleMs} ms of settling), ${p.loads} loads, ${p.accuracyRuns} accuracy runs each; medians.`
    }`,
    '',
    `- Built from commit ${r.git?.commit ?? 'unknown'}${r.git?.uncommitted?.length ? ` with uncommitted changes to ${r.git.uncommitted.join(', ')}` : ''}.`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}; load average ${m.loadavg.join(' ')} before, ${m.loadavgAfter?.join(' ') ?? '–'} after.`,
    `- Browser: Chromium ${r.browser?.version ?? '–'} headless (${r.browser?.executable ?? '–'}) with the e2e tests' flags \`${(flags.e2e ?? []).join(' ')}\`; "SwiftShader" rows add the e2e WebGL project's \`${(flags.swiftshader ?? []).slice((flags.e2e ?? []).length).join(' ')}\`.`,
    `- Auto backend: **${e2e?.name ?? '–'}** (${e2e?.reason ?? '–'}). With the SwiftShader flags: **${gl?.name ?? '–'}** (${gl?.reason ?? '–'}).`,
    `- WebGL renderer: ${e2e?.renderer ?? gl?.renderer ?? 'none'}.`,
  ];
  if (r.errors?.length) lines.push('', `Errors: ${r.errors.join('; ')}`);
  return lines.join('\n');
}

function targets(r) {
  return [
    '## Targets',
    '',
    mdTable(
      ['Target', 'Measured', 'Result'],
      r.targets.map((t) => [t.label, withNote(t), t.close ? '**too close to call**' : verdict(t.pass)]),
    ),
  ].join('\n');
}

const CPU_KINDS = [
  ['workers', 'tfjs workers'],
  ['pageMain', 'page main thread'],
  ['rendererOther', 'renderer, other threads'],
  ['gpuProcess', 'GPU process'],
  ['browserOther', 'browser process'],
  ['otherProcesses', 'other processes'],
];

function throughputRows(list) {
  const rows = [];
  for (const w of list) {
    for (const [name, b] of Object.entries(w.backends)) {
      rows.push([
        w.id,
        name === 'auto' ? `auto (${b.backend ?? '?'})` : name,
        fmt(b.appStepsPerSec, 1),
        fmt(b.appSamplesPerSec, 0),
        fmt(b.bareStepsPerSec, 1),
        fmt(b.bareSamplesPerSec, 0),
        fmt(b.appOverBare, 3),
        fmt(b.appOverBareCpu, 3),
        `${span(b.appOverBarePairs)}; ${span(b.appOverBareCpuPairs)}`,
        name === 'auto' ? '1' : fmt(b.autoOverThis, 2),
        fmt(b.heatmapMs, 1),
        fmt(b.probeMs, 1),
        `${fmt(b.frames.p50, 1)} / ${fmt(b.frames.p95, 1)} / ${fmt(b.frames.max, 0)}`,
        b.errors.length ? b.errors.join('; ') : '',
      ]);
    }
  }
  return mdTable(
    [
      'Net',
      'Backend',
      'App steps/s',
      'App samples/s',
      'Bare steps/s',
      'Bare samples/s',
      'App/bare',
      'App/bare per CPU-s',
      'Pairs (wall; CPU)',
      'Auto/this',
      'Heatmap ms',
      'Distributions probe ms',
      'Frames p50/p95/max ms',
      'Errors',
    ],
    rows,
  );
}

function cpuRows(list) {
  const rows = [];
  for (const w of list) {
    for (const [name, b] of Object.entries(w.backends)) {
      if (!b.cpuPercent) continue;
      for (const side of ['app', 'bare']) {
        const c = b.cpuPercent[side];
        rows.push([w.id, name, side, ...CPU_KINDS.map(([k]) => fmt(c[k] ?? 0, 0))]);
      }
    }
  }
  if (!rows.length) return '';
  return mdTable(['Net', 'Backend', 'Window', ...CPU_KINDS.map(([, label]) => `${label} %`)], rows);
}

const pctOf = (v) => (v === null || v === undefined ? '–' : `${fmt(v * 100, 1)}%`);

/** Where the app worker's loop spent its time on auto, per net (the worker's own clock, medians). */
function loopLines(list) {
  const lines = [];
  for (const w of list) {
    const s = w.backends.auto?.loopShares;
    if (!s) continue;
    const other = 1 - s.stepsShare - s.metricsShare - s.heatmapShare - s.probeShare;
    lines.push(
      `- ${w.id} on auto, the app worker's loop: training steps and their readbacks ${pctOf(s.stepsShare)}, metrics ${pctOf(s.metricsShare)}, decision boundary ${pctOf(s.heatmapShare)}, Distributions probe ${pctOf(s.probeShare)}, the rest (yields to messages, bookkeeping) ${pctOf(other)}.`,
    );
  }
  return lines.length ? ['', ...lines] : [];
}

function throughput(r) {
  if (!r.throughput?.length) return '';
  const list = r.throughput;
  const gl = r.throughputSwiftShader ?? [];
  const out = [
    '## Training throughput: the app vs a bare tfjs loop',
    '',
    ...list.map(
      (w) =>
        `- ${w.label}: Spiral, 1000 points (${w.nTrain ?? '?'} for training), Adam 0.01, ${w.params} weights.`,
    ),
    `- App: the worker's own loop with the loss chart, decision boundary, metrics and Distributions panel live; steps/s from its metrics events. Bare: a plain tfjs loop (tf.layers, optimizer.minimize on pre-sliced batches, one readback every ${r.plan.readbackEvery} steps) in a second worker of the same page on the same backend. App/bare and auto/this are medians of per-pair ratios (each pair back to back in one page, backends in rotation, each window at least ${r.plan.windowMs / 1000} s and ${r.plan.minSteps ?? 0} steps). "Per CPU-s" divides each side's steps by the CPU time its worker thread ran meanwhile (/proc/…/schedstat), which other programs and the page's drawing do not change; "pairs" gives the lowest and highest per-pair ratio. Heatmap and probe: the last refresh before each app window ended, median. Frames: main-thread requestAnimationFrame intervals during the app windows.`,
    '',
    throughputRows(list),
    ...loopLines(list),
  ];
  if (gl.length) {
    out.push(
      '',
      '### With the SwiftShader flags (the e2e WebGL project)',
      '',
      'The same measurement in a browser started with `--use-angle=swiftshader`: the page itself is then composited through SwiftShader on the CPU, which competes with the training worker for the cores.',
      '',
      throughputRows(gl),
    );
  }
  const cpu = cpuRows([...list, ...gl.map((w) => ({ ...w, id: `${w.id} (SwiftShader)` }))]);
  if (cpu) {
    out.push(
      '',
      '### Where the CPU went (median % of one core per window, from /proc)',
      '',
      `${r.machine.cores} cores = ${r.machine.cores * 100}%. Both workers count as "tfjs workers" (only one trains at a time). "Renderer, other threads" includes V8's garbage-collector and compiler helpers; "other processes" is everything else on the machine (this harness, the preview server, other programs).`,
      '',
      cpu,
    );
  }
  return out.join('\n');
}

function frames(r) {
  if (!r.frames) return '';
  const f = r.frames;
  const row = (label, d) => [label, fmt(d.p50, 1), fmt(d.p95, 1), fmt(d.max, 1), d.n];
  const live = f.chartsLive
    ? [row(`training, every chart live (${f.chartsLive.pinned} pinned runs)`, f.chartsLive.training)]
    : [];
  return [
    `## Main-thread frames (default lab, ${f.backend}, Distributions panel open)`,
    '',
    mdTable(
      ['State', 'p50 ms', 'p95 ms', 'max ms', 'frames'],
      [row('idle', f.idle), row('training', f.training), ...live],
    ),
    ...(f.chartsLive
      ? [
          '',
          `Every chart live: loss and test accuracy with ${f.chartsLive.pinned} pinned runs beside the live one, the decision boundary and both Distributions histograms (recharts charts redraw together, at most twice a second); ${f.chartsLive.longTasks} long tasks (≥ 50 ms), the longest ${fmt(f.chartsLive.longestTaskMs, 0)} ms.`,
        ]
      : []),
  ].join('\n');
}

function memory(r) {
  if (!r.memory) return '';
  const m = r.memory;
  return [
    `## Worker memory (default lab, ${m.backend}, paused at each count)`,
    '',
    mdTable(
      ['When', 'Step', 'numTensors', 'numBytes'],
      [
        ['after warm-up', m.afterWarmup.step, m.afterWarmup.numTensors, m.afterWarmup.numBytes],
        [
          `after ${m.after.step - m.afterWarmup.step} more steps`,
          m.after.step,
          m.after.numTensors,
          m.after.numBytes,
        ],
      ],
    ),
  ].join('\n');
}

const KIND_LABELS = { js: 'main-thread JS', worker: 'worker JS', wasm: 'WASM', css: 'CSS', html: 'HTML' };

/** The charts' chunk: loaded after the canvas is interactive, so counted apart from the first paint. */
function chartsLoad(l) {
  const b = l.bytes;
  const t = (key) => l[key]?.median;
  return [
    `The charts (recharts, \`chartsChunk\`) load in their own chunk once the canvas is interactive: requested at ${ms(t('chartsRequestMs'))}, arrived at ${ms(t('chartsLoadedMs'))} (Train enabled at ${ms(t('trainEnabledMs'))}).`,
    '',
    mdTable(
      ['Main-thread JS, first paint', 'Charts JS', 'Main-thread JS with the charts'],
      [[kib(b?.mainJsGz), kib(b?.chartsJsGz), kib((b?.mainJsGz ?? 0) + (b?.chartsJsGz ?? 0))]],
    ),
  ].join('\n');
}

function load(r) {
  if (!r.load) return '';
  const b = r.load.bytes;
  const t = (key) => r.load[key]?.median;
  const files = [...(b?.files ?? [])].sort((x, y) => y.gzip - x.gzip);
  return [
    '## First load',
    '',
    `Gzip level 9 of the built files the page fetched until Train was enabled (auto backend; the service worker's precache downloads, which start after first paint, left out), and times from navigation start, medians of ${r.load.interactiveMs.runs.length} fresh contexts: first paint and first contentful paint (the paint entries), the first canvas node visible, the engine up (the backend badge names a backend: worker, tfjs, the backend's code and .wasm loaded), Train enabled (the model built and its first metrics and boundary drawn). 1 KiB = 1024 bytes.`,
    '',
    mdTable(
      [
        'Main-thread JS',
        'Worker JS',
        'WASM',
        'CSS + HTML',
        'Total first load',
        'First paint',
        'First contentful paint',
        'Canvas',
        'Engine up',
        'Train enabled',
      ],
      [
        [
          kib(b?.mainJsGz),
          kib(b?.workerJsGz),
          kib(b?.wasmGz),
          kib((b?.cssGz ?? 0) + (b?.htmlGz ?? 0)),
          kib(b?.totalGz),
          ms(t('firstPaintMs')),
          ms(t('firstContentfulPaintMs')),
          ms(t('canvasMs')),
          ms(t('engineMs')),
          ms(t('trainEnabledMs')),
        ],
      ],
    ),
    '',
    chartsLoad(r.load),
    '',
    'The files, largest first:',
    '',
    mdTable(
      ['File', 'Kind', 'Raw', 'Gzip'],
      files.map((f) => [f.path, KIND_LABELS[f.kind] ?? f.kind, kib(f.raw), kib(f.gzip)]),
    ),
  ].join('\n');
}

function accuracy(r) {
  if (!r.accuracy) return '';
  const rows = Object.entries(r.accuracy).map(([name, a]) => [
    name,
    a.backend,
    a.medianMs === null
      ? `not reached in ${fmt(r.plan.accuracyTimeoutMs / 1000, 0)} s`
      : `${fmt(a.medianMs / 1000, 2)} s`,
    fmt(a.medianStep, 0),
    fmt(a.crossingStep ?? null, 0),
    a.crossingMs == null ? '–' : `${fmt(a.crossingMs / 1000, 2)} s`,
    a.lagMs == null ? '–' : `${fmt(a.lagMs, 0)} ms`,
    a.runs.map((x) => (x.ms === null ? '–' : fmt(x.ms / 1000, 2))).join(', '),
  ]);
  return [
    `## Time to ${Math.round(r.plan.accuracyTarget * 100)}% test accuracy (default graph and settings)`,
    '',
    "At full speed, from Reset and Train to the first metrics report at or above the target as the page saw it, and its step; then the worker's own record of the crossing (Metrics.crossings: the step of that report and the training time until it was measured), and how much later the page showed it. The worker reports between groups of steps, every 100 ms at full speed.",
    '',
    mdTable(
      [
        'Dataset',
        'Backend',
        'Median time',
        'Step',
        'Crossing step',
        'Crossing time',
        'Shown after',
        'Runs (s)',
      ],
      rows,
    ),
  ].join('\n');
}

function autoRace(r) {
  const a = r.autoRace;
  if (!a) return '';
  const rows = ['e2e', 'swiftshader']
    .filter((k) => a[k])
    .map((k) => [
      k,
      a[k].atReady?.name ?? '–',
      a[k].after?.name ?? '–',
      a[k].step,
      a[k].mostWorkers,
      a[k].after?.reason ?? '–',
    ]);
  const f = a.forced;
  return [
    '## Auto: the measured backend choice',
    '',
    `Auto starts on WASM; where WebGL2 runs on a hardware GPU it times WebGL and WASM on the built model in a second instance of the training worker and moves to WebGL only when it is at least 1.2× as fast. Here WebGL2 is software, so auto must stay on WASM without racing, also after ${fmt((a.e2e?.trainMs ?? 0) / 1000, 0)} s of training:`,
    '',
    mdTable(['Browser', 'Backend when built', 'After training', 'Step', 'Most workers', 'Badge'], rows),
    ...(f
      ? [
          '',
          `With \`?race=force\` (race on software WebGL too), the page idle: WebGL (${f.renderer ?? '?'}) ${fmt(f.webglStepsPerSec, 1)} steps/s against WASM ${fmt(f.wasmStepsPerSec, 1)} steps/s, so **${f.backend}**, ${fmt(f.raceMs / 1000, 1)} s from the model built to the verdict (WebGL's shaders compiled on the CPU first); ${f.workersAfter} worker left after. Badge: "${f.reason}".`,
        ]
      : []),
  ].join('\n');
}

/** The whole report. */
export function renderMarkdown(r) {
  return `${[
    header(r),
    targets(r),
    throughput(r),
    frames(r),
    memory(r),
    load(r),
    accuracy(r),
    autoRace(r),
    bigNetSection(r),
    healthSection(r),
    soakSection(r),
  ]
    .filter(Boolean)
    .join('\n\n')}\n`;
}
