// Issue 10 §6, big nets: a 20-block Dense(512) + BatchNorm + ReLU net on 5000 points, trained by
// the app while a person uses it. Measured through the UI, as a person would meet it: frame
// intervals while it trains, where the worker's loop spends its time, how long a node selection and
// a Units edit take to show, and how long Pause takes to bring the Train button back.
import * as cpu from './cpu.mjs';
import { firstLine, log, openApp, round2 } from './harness.mjs';
import { BIG_NET } from './labs.mjs';
import { distribution, loopShares, maximum } from './stats.mjs';

/**
 * Nodes clicked while training (the Inspector must show each), spread over the canvas; none in
 * the bottom rows of the last two columns, which the minimap covers at this size.
 */
const CLICKED = ['dense3', 'bn7', 'act12', 'dense16', 'dense17', 'act1'];
/** The node whose Units is edited while training, and its new width. */
const EDITED = { id: 'dense10', units: 256 };
/** How long after Train each Pause is pressed (ms): spread, so it lands in steps and refreshes alike. */
const PAUSE_AFTER_MS = [2300, 4100, 3200, 5300, 2900];

const button = (page, name) => page.getByRole('button', { name, exact: true });
const diagnostics = (page) => page.evaluate(() => window.normlab.diagnostics());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Presses Train (a real click) and waits until the store says it runs. */
async function train(page) {
  await button(page, 'Train').click();
  await page.waitForFunction(() => window.normlab.store.getState().status === 'running', null, {
    timeout: 60_000,
  });
}

/** Arms a latency measurement, does `act`, and returns its result (see armLatency in inpage.js). */
async function latency(page, [kind, arg, eventType], act) {
  await page.evaluate(([k, a, e]) => window.__bench.armLatency(k, a, e), [kind, arg, eventType]);
  await act();
  return page.evaluate(() => window.__bench.latencyResult());
}

/** Click a node while training; ms until the Inspector shows it. */
async function selections(page, count) {
  const out = [];
  for (const id of CLICKED.slice(0, count)) {
    const r = await latency(page, ['inspector', id, 'pointerdown'], () =>
      page.getByTestId(`node-${id}`).click(),
    );
    out.push({ node: id, ms: r.ms });
    await sleep(300);
  }
  return out;
}

/**
 * Pause at spread moments after Train; for each, ms from the click to the Train button back and to
 * the worker's "not running" status, the steps finished after the click, and how long the final
 * report (metrics, boundary, probes of the paused model) took before the next command could run.
 */
async function pauses(page, count) {
  const out = [];
  for (const after of PAUSE_AFTER_MS.slice(0, count)) {
    await train(page);
    await sleep(after);
    // The worker answers between steps: its step count just before the click.
    const stepAtClick = (await diagnostics(page)).steps;
    const r = await latency(page, ['trainButton', null, 'pointerdown'], () => button(page, 'Pause').click());
    const t0 = performance.now();
    await page.evaluate(() => window.normlab.trainer.idle());
    const finalStep = (await diagnostics(page)).steps;
    out.push({
      afterMs: after,
      ms: r.ms,
      statusMs: r.statusMs,
      stepsAfterClick: finalStep - stepAtClick,
      finalReportMs: round2(performance.now() - t0),
    });
    log(`big net: pause ${out.length}: ${r.ms?.toFixed(0)} ms to the Train button`);
  }
  return out;
}

/** A Units edit while training: ms until the canvas node shows it, and until the model is rebuilt. */
async function unitsEdit(page, settleMs) {
  await train(page);
  await sleep(settleMs);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await page.getByTestId(`node-${EDITED.id}`).click();
  await page.waitForFunction(
    (id) => document.querySelector('[aria-label="Inspector"] h2')?.textContent?.includes(`(${id})`),
    EDITED.id,
  );
  const r = await latency(page, ['nodeText', [EDITED.id, `${EDITED.units} units`], 'input'], () =>
    inspector.getByLabel('Units').fill(String(EDITED.units)),
  );
  const t0 = performance.now();
  await page.waitForFunction(
    (before) => {
      const s = window.normlab.store.getState();
      const total = Object.values(s.compiledParams ?? {}).reduce((a, b) => a + b, 0);
      return s.status === 'ready' && total > 0 && total !== before;
    },
    BIG_NET.params,
    { timeout: 600_000, polling: 100 },
  );
  return { node: EDITED.id, units: EDITED.units, ms: r.ms, rebuiltMs: round2(performance.now() - t0) };
}

/** Median, p95 and max of measured latencies, and how many timed out (null). */
function latencies(list) {
  return { ...distribution(list.map((x) => x.ms)), timedOut: list.filter((x) => x.ms === null).length };
}

/**
 * The big-net section in browser `b` (from launch: its CPU is sampled over the frames window). `plan`: trainMs (sustained training with frames recorded), settleMs,
 * clicks and pauses (how many of each). Fills `out` as it goes, so a failure keeps what was measured.
 */
export async function measureBigNet(b, baseUrl, plan, out = {}) {
  const { context, page, errors } = await openApp(b.browser, baseUrl, 'auto');
  Object.assign(out, { label: BIG_NET.label, params: BIG_NET.params, errors: [] });
  try {
    const t0 = performance.now();
    const setup = await page.evaluate(
      (n) => window.__bench.setupLab({ graph: n.graph, data: n.data, panel: 'distributions' }),
      { graph: BIG_NET.graph, data: BIG_NET.data },
    );
    if (setup.totalParams !== BIG_NET.params) {
      throw new Error(`the app built ${setup.totalParams} weights, not ${BIG_NET.params}`);
    }
    out.backend = setup.backend?.name ?? null;
    out.nTrain = setup.nTrain;
    out.loadSeconds = round2((performance.now() - t0) / 1000);
    log(`big net: built and evaluated on ${out.backend} in ${out.loadSeconds} s`);
    await button(page, 'Fit View').click();
    const before = await diagnostics(page);
    await train(page);
    await sleep(plan.settleMs);
    const cpuBefore = cpu.snapshot(b.pid);
    const t1 = performance.now();
    const { frames, longTasks } = await page.evaluate(
      (ms) => window.__bench.recordFramesAndLongTasks(ms),
      plan.trainMs,
    );
    out.cpuPercent = cpu.cpuPercent(cpuBefore, cpu.snapshot(b.pid), performance.now() - t1);
    out.frames = distribution(frames);
    out.longTasks = {
      n: longTasks.length,
      totalMs: round2(longTasks.reduce((a, x) => a + x, 0)),
      max: maximum(longTasks),
    };
    log(`big net: frames p95 ${out.frames.p95?.toFixed(1)} ms over ${plan.trainMs / 1000} s`);
    out.selections = await selections(page, plan.clicks);
    await button(page, 'Pause').click();
    await page.evaluate(() => window.normlab.trainer.idle());
    out.pauses = await pauses(page, plan.pauses);
    const after = await diagnostics(page);
    out.steps = after.steps - before.steps;
    out.loop = loopShares(before.loop, after.loop);
    out.heatmapMs = after.heatmapMs;
    out.probeMs = after.probeMs;
    out.numTensors = after.numTensors;
    out.unitsEdit = await unitsEdit(page, plan.settleMs);
    out.summary = {
      selectionMs: latencies(out.selections),
      pauseMs: latencies(out.pauses),
      pauseStatusMs: latencies(out.pauses.map((p) => ({ ms: p.statusMs }))),
    };
  } catch (err) {
    out.errors.push(firstLine(err));
    throw err;
  } finally {
    out.pageErrors = errors;
    await context.close();
  }
  return out;
}
