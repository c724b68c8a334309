// The issue's targets, judged from a results object (pure; tests/bench-stats.test.ts checks it).
import { healthTargets } from './health-report.mjs';
import { medianInterval } from './stats.mjs';
import { bytesNote, issue13Targets, timesNote } from './targets-issue13.mjs';

/** Same list as the app's isSoftwareRenderer (src/train/backend.ts). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

export const LIMITS = {
  appOverBare: 0.9,
  autoOverWorst: 5,
  frameP95Ms: 20,
  mainJsGzBytes: 250_000,
  /** tensorflow/playground's first load (issue 13 §3): 309 KiB gzip. */
  firstLoadGzBytes: 309 * 1024,
  trainEnabledMs: 450,
  firstPaintMs: 400,
  heatmapWasmMs: 5,
};

const target = (id, label, value, pass, note = '', unit = '') => ({
  id,
  label,
  value,
  pass: value === null || value === undefined ? null : pass,
  note,
  unit,
});

/** The lowest and highest of a list of ratios, "0.84–0.93" ('–' when empty). */
export function span(values) {
  const xs = (values ?? []).filter((v) => Number.isFinite(v));
  if (!xs.length) return '–';
  return `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
}

/** The confidence a throughput verdict needs: the median's interval must clear the line. */
export const VERDICT_COVERAGE = 0.75;

/**
 * A throughput ratio judged against LIMITS.appOverBare from its median and its pairs: pass when a
 * distribution-free interval for the median (medianInterval: at least VERDICT_COVERAGE) lies at
 * or above the line, miss when it lies below, otherwise "too close to call" (pass null, `close`
 * true), so that a pass or a miss means more than the noise of one run. With 4 pairs the interval
 * is [min, max] (87.5%); with 6, the 2nd to the 5th (78%).
 */
export function pairTarget(id, label, median, pairs) {
  const xs = (pairs ?? []).filter((v) => Number.isFinite(v));
  const ci = medianInterval(xs, VERDICT_COVERAGE);
  const limit = LIMITS.appOverBare;
  const where = ci
    ? `median between ${ci.lo.toFixed(2)} and ${ci.hi.toFixed(2)} (${Math.round(ci.coverage * 100)}%)`
    : 'too few pairs for an interval';
  const t = target(id, label, median, ci ? ci.lo >= limit : false, `pairs ${span(xs)}; ${where}`);
  const clear = ci !== null && (ci.lo >= limit || ci.hi < limit);
  return t.pass !== null && !clear ? { ...t, pass: null, close: true } : t;
}

/** Backends whose throughput auto is compared with. */
export const BACKENDS = ['webgl', 'wasm', 'cpu'];

/**
 * The backend whose app throughput is lowest, and auto's throughput over it; null unless auto
 * and every backend were measured.
 */
export function autoOverWorst(workload) {
  const rows = workload?.backends ?? {};
  if (!rows.auto || BACKENDS.some((b) => rows[b]?.appStepsPerSec == null)) return null;
  let worst = null;
  for (const name of BACKENDS) {
    const row = rows[name];
    if (!worst || row.appStepsPerSec < worst.row.appStepsPerSec) worst = { name, row };
  }
  return worst ? { backend: worst.name, ratio: worst.row.autoOverThis } : null;
}

/**
 * Each target with the measured value and pass (true), miss (false) or not measured (null).
 * Throughput ratios are judged on the backend auto picks.
 */
export function evaluateTargets(r) {
  const out = [];
  const workloads = r.throughput ?? [];
  for (const w of workloads) {
    const auto = w.backends?.auto;
    const cpu = auto?.appOverBareCpu ?? null;
    const wall = auto?.appOverBare ?? null;
    out.push(
      pairTarget(
        `appOverBare.${w.id}`,
        `App/bare throughput ≥ ${LIMITS.appOverBare} on ${w.id} (auto: ${auto?.backend ?? '?'}), per second of the worker's CPU time`,
        cpu,
        auto?.appOverBareCpuPairs,
      ),
      pairTarget(
        `appOverBareWall.${w.id}`,
        `App/bare throughput ≥ ${LIMITS.appOverBare} on ${w.id} (auto: ${auto?.backend ?? '?'}), wall clock (also counts the page drawing and other programs taking the worker's core)`,
        wall,
        auto?.appOverBarePairs,
      ),
    );
  }
  const picks = Object.entries(r.auto ?? {}).filter(([, b]) => b);
  const softwareGl = picks.filter(([, b]) => b.name === 'webgl' && SOFTWARE_RENDERER.test(b.renderer ?? ''));
  out.push(
    target(
      'autoNotSoftwareGl',
      'Auto never picks software WebGL',
      picks.length ? picks.map(([k, b]) => `${k}: ${b.name}`).join(', ') : null,
      softwareGl.length === 0,
      picks.map(([k, b]) => `${k} browser renderer "${b.renderer ?? 'none'}"`).join('; '),
    ),
  );
  for (const w of workloads) {
    const worst = autoOverWorst(w);
    out.push(
      target(
        `autoOverWorst.${w.id}`,
        `Auto/worst backend ≥ ${LIMITS.autoOverWorst} on ${w.id}${worst ? ` (worst: ${worst.backend})` : ''}`,
        worst?.ratio ?? null,
        (worst?.ratio ?? 0) >= LIMITS.autoOverWorst,
      ),
    );
  }
  const p95 = r.frames?.training?.p95 ?? null;
  out.push(
    target(
      'frameP95',
      `Main-thread p95 frame interval ≤ ${LIMITS.frameP95Ms} ms while training`,
      p95,
      p95 <= LIMITS.frameP95Ms,
    ),
  );
  const mem = r.memory;
  out.push(
    target(
      'tensorsStable',
      `numTensors after ${mem ? mem.after.step - mem.afterWarmup.step : 5000} more steps = after warm-up`,
      mem ? `${mem.afterWarmup.numTensors} → ${mem.after.numTensors}` : null,
      mem ? mem.after.numTensors === mem.afterWarmup.numTensors : false,
    ),
  );
  const charts = r.frames?.chartsLive?.training?.p95 ?? null;
  out.push(
    target(
      'chartsFrameP95',
      `Main-thread p95 frame interval ≤ ${LIMITS.frameP95Ms} ms while training, every chart live (2 pinned runs)`,
      charts,
      charts <= LIMITS.frameP95Ms,
      '',
      'ms',
    ),
  );
  const js = r.load?.bytes?.mainJsGz ?? null;
  out.push(
    target(
      'mainJs',
      `Main-thread JS of the first paint ≤ ${LIMITS.mainJsGzBytes / 1000} kB gz`,
      js,
      js <= LIMITS.mainJsGzBytes,
    ),
  );
  // recharts' chunk is requested after the canvas is interactive (Train enabled, canvas drawn).
  const requested = r.load?.chartsRequestMs?.median ?? null;
  const interactive = r.load?.interactiveMs?.median ?? null;
  out.push(
    target(
      'chartsAfterInteractive',
      'Charts (recharts) chunk requested after the canvas is interactive (ms after it)',
      requested === null || interactive === null ? null : Math.round(requested - interactive),
      requested >= interactive,
      '',
      'ms',
    ),
  );
  const total = r.load?.bytes?.totalGz ?? null;
  out.push(
    target(
      'firstLoad',
      `First load ≤ ${LIMITS.firstLoadGzBytes / 1024} KiB gz (page, worker, .wasm until Train is enabled)`,
      total,
      total <= LIMITS.firstLoadGzBytes,
      bytesNote(r.load?.bytes),
    ),
  );
  const paint = r.load?.firstPaintMs?.median ?? null;
  out.push(
    target(
      'firstPaint',
      `First paint ≤ ${LIMITS.firstPaintMs} ms after navigation`,
      paint,
      paint <= LIMITS.firstPaintMs,
    ),
  );
  const train = r.load?.trainEnabledMs?.median ?? null;
  out.push(
    target(
      'trainEnabled',
      `Train enabled ≤ ${LIMITS.trainEnabledMs} ms after navigation`,
      train,
      train <= LIMITS.trainEnabledMs,
      timesNote(r.load),
    ),
  );
  const r1 = workloads.find((w) => w.id === 'R1');
  const hm = r1?.backends?.wasm?.heatmapMs ?? null;
  out.push(
    target(
      'heatmapWasm',
      `Heatmap (100×100) refresh ≤ ${LIMITS.heatmapWasmMs} ms on wasm (R1)`,
      hm,
      hm <= LIMITS.heatmapWasmMs,
    ),
  );
  return [...out, ...issue13Targets(r), ...longRunTargets(r), ...healthTargets(r)];
}

/** Issue 10 §6: the big net while a person uses the app, and the long session. */
export const LONG_LIMITS = {
  bigFrameP95Ms: 20,
  pauseMs: 250,
  refreshShare: 0.05,
  editorMs: 100,
  heapDrift: 0.1,
  domDrift: 0.02,
};

const mb = (b) => (b / 1e6).toFixed(2);
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/** A latency summary (see bignet.mjs) within `limit`: every try measured and the slowest under it. */
const latencyPass = (s, limit) => (s ? s.timedOut === 0 && s.max <= limit : false);

/** The targets of the big-net and soak sections (null pass: not measured). */
export function longRunTargets(r) {
  const out = [];
  const b = r.bignet;
  const L = LONG_LIMITS;
  const p95 = b?.frames?.p95 ?? null;
  out.push(
    target(
      'big.frameP95',
      `Big net: main-thread p95 frame interval ≤ ${L.bigFrameP95Ms} ms while it trains`,
      p95,
      p95 <= L.bigFrameP95Ms,
      '',
      'ms',
    ),
  );
  const pause = b?.summary?.pauseMs;
  out.push(
    target(
      'big.pause',
      `Big net: Pause brings the Train button back within ${L.pauseMs} ms (slowest of ${pause?.n ?? 0})`,
      pause ? pause.max : null,
      latencyPass(pause, L.pauseMs),
      pause?.timedOut ? `${pause.timedOut} timed out` : '',
      'ms',
    ),
  );
  for (const [kind, name] of [
    ['heatmap', 'decision boundary'],
    ['probe', 'panel probes'],
  ]) {
    const share = b?.loop?.[`${kind}Share`] ?? null;
    const runs = kind === 'heatmap' ? b?.loop?.heatmaps : b?.loop?.probeRuns;
    // With no refresh in the window the share says nothing: not measured.
    out.push(
      target(
        `big.${kind}Share`,
        `Big net: ${name} ≤ ${pct(L.refreshShare)} of the training loop`,
        runs ? share : null,
        share <= L.refreshShare,
        b?.loop ? `${runs} refreshes in ${(b.loop.runningMs / 1000).toFixed(0)} s of training` : '',
        '%',
      ),
    );
  }
  const sel = b?.summary?.selectionMs;
  out.push(
    target(
      'big.select',
      `Big net: a node click shows in the Inspector within ${L.editorMs} ms while training (slowest of ${sel?.n ?? 0})`,
      sel ? sel.max : null,
      latencyPass(sel, L.editorMs),
      '',
      'ms',
    ),
  );
  const edit = b?.unitsEdit?.ms ?? null;
  out.push(
    target(
      'big.unitsEdit',
      `Big net: a Units edit shows on its node within ${L.editorMs} ms while training`,
      edit,
      edit <= L.editorMs,
      '',
      'ms',
    ),
  );
  const s = r.soak?.summary;
  const span = (x, f) => (x ? `${f(x.first)} → ${f(x.last)} (min ${f(x.min)}, max ${f(x.max)})` : null);
  const t = s?.numTensors;
  out.push(
    target(
      'soak.tensors',
      `${r.soak?.minutes ?? '?'}-minute session: worker tensors flat (every minute = the first)`,
      span(t, String),
      t ? t.min === t.first && t.max === t.first : false,
    ),
  );
  const h = s?.heapUsedBytes;
  out.push(
    target(
      'soak.heap',
      `${r.soak?.minutes ?? '?'}-minute session: main-thread JS heap after GC within ±${pct(L.heapDrift)} of the first (MB)`,
      span(h, mb),
      h ? h.maxDrift <= L.heapDrift : false,
      h ? `largest drift ${pct(h.maxDrift)}` : '',
    ),
  );
  const d = s?.domNodes;
  out.push(
    target(
      'soak.dom',
      `${r.soak?.minutes ?? '?'}-minute session: DOM nodes flat (within ±${pct(L.domDrift)} of the first)`,
      span(d, String),
      d ? d.maxDrift <= L.domDrift : false,
      d ? `largest drift ${pct(d.maxDrift)}` : '',
    ),
  );
  return out;
}
