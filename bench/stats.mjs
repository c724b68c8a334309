// Small statistics for the benchmark (pure functions; tests/bench-stats.test.ts checks them).

/** The finite numbers of a list, sorted ascending. */
function sortedFinite(values) {
  return values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/**
 * The p-th percentile (0..100) by linear interpolation between the closest ranks (the "type 7"
 * definition of R and NumPy's default). Non-finite values are ignored; null when none is left.
 */
export function percentile(values, p) {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in 0..100`);
  const xs = sortedFinite(values);
  if (xs.length === 0) return null;
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo);
}

/** The median (the mean of the two middle values for an even count); null for no finite value. */
export function median(values) {
  return percentile(values, 50);
}

/** The largest finite value, or null. */
export function maximum(values) {
  const xs = sortedFinite(values);
  return xs.length ? xs[xs.length - 1] : null;
}

/** Count, p50, p95 and max of a list of intervals (e.g. frame deltas in ms). */
export function distribution(values) {
  return {
    n: sortedFinite(values).length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: maximum(values),
  };
}

/** Events per second: `count` over `ms` milliseconds; null when the time is not positive. */
export function perSecond(count, ms) {
  return ms > 0 && Number.isFinite(count) && Number.isFinite(ms) ? (count * 1000) / ms : null;
}

/**
 * Ratios of paired measurements, a[i] / b[i], for the pairs where both are finite and b is
 * positive (a pair taken back to back in the same page, so machine noise mostly cancels).
 */
export function pairRatios(a, b) {
  if (a.length !== b.length) throw new RangeError(`unpaired lists: ${a.length} and ${b.length} values`);
  const out = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && y > 0) {
      out.push(x / y);
    }
  }
  return out;
}

/** The median of the pairwise ratios a[i] / b[i] (see pairRatios); null when no pair is usable. */
export function medianRatio(a, b) {
  return median(pairRatios(a, b));
}

/**
 * Throughput of a run from (time ms, step) samples: the steps between the first and the last
 * sample over the time between them. Null with fewer than two samples or no time between them.
 */
export function rateFromSamples(samples) {
  if (samples.length < 2) return null;
  const [t0, s0] = samples[0];
  const [t1, s1] = samples[samples.length - 1];
  return perSecond(s1 - s0, t1 - t0);
}

/** The timings of one page load, each measured from navigation start (ms). */
export const LOAD_TIMINGS = [
  'firstPaintMs',
  'firstContentfulPaintMs',
  'canvasMs',
  'engineMs',
  'trainEnabledMs',
  'interactiveMs',
  // When the charts' chunk (recharts) was requested and had arrived: after the canvas is interactive.
  'chartsRequestMs',
  'chartsLoadedMs',
];

/**
 * Per timing of LOAD_TIMINGS: the median over the loads and every run's value, e.g.
 * { trainEnabledMs: { median, runs: [...] }, ... }. A load without a value (a browser that gives
 * no paint entry) counts as null in runs and is left out of the median.
 */
export function loadTimes(loads) {
  return Object.fromEntries(
    LOAD_TIMINGS.map((key) => {
      const runs = loads.map((l) => (Number.isFinite(l[key]) ? l[key] : null));
      return [key, { median: median(runs.filter((v) => v !== null)), runs }];
    }),
  );
}

/**
 * A series sampled over time (e.g. once a minute): its count, first, last, min and max finite
 * values, and the largest relative departure from the first, max |v / first - 1| (null when the
 * first is not a positive number).
 */
export function series(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (!xs.length) return { n: 0, first: null, last: null, min: null, max: null, maxDrift: null };
  const first = xs[0];
  const drift = first > 0 ? Math.max(...xs.map((v) => Math.abs(v / first - 1))) : null;
  return {
    n: xs.length,
    first,
    last: xs.at(-1),
    min: Math.min(...xs),
    max: Math.max(...xs),
    maxDrift: drift,
  };
}

const LOOP_KINDS = ['stepsMs', 'metricsMs', 'heatmapMs', 'probeMs'];

/**
 * Where the worker's running loop spent its time between two readings of its cumulative totals
 * (Diagnostics.loop): the running time, each activity's share of it (0..1), and how many
 * heatmap and probe refreshes ran. Null when either reading is missing or no time ran.
 */
export function loopShares(before, after) {
  if (!before || !after) return null;
  const runningMs = after.runningMs - before.runningMs;
  if (!(runningMs > 0)) return null;
  const out = {
    runningMs,
    heatmaps: after.heatmaps - before.heatmaps,
    probeRuns: after.probeRuns - before.probeRuns,
  };
  for (const k of LOOP_KINDS) out[k.replace(/Ms$/, 'Share')] = (after[k] - before[k]) / runningMs;
  return out;
}

/**
 * A distribution-free confidence interval for the median: [x_(j+1), x_(n-j)] of the sorted finite
 * values, with the largest j whose coverage 1 - 2 P(B ≤ j), B ~ Binomial(n, 1/2), is at least
 * `coverage` (the order-statistic interval of the sign test). Null when even [min, max] covers
 * less (fewer than 3 values at 75%).
 */
export function medianInterval(values, coverage = 0.75) {
  const xs = sortedFinite(values);
  const n = xs.length;
  let cumulative = 0; // P(B ≤ j)
  let best = null;
  for (let j = 0; j < n / 2; j++) {
    cumulative += binomial(n, j) / 2 ** n;
    const c = 1 - 2 * cumulative;
    if (c < coverage) break;
    best = { lo: xs[j], hi: xs[n - 1 - j], coverage: c };
  }
  return best;
}

/** n choose k. */
function binomial(n, k) {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
