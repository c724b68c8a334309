// Issue 10 §6, long sessions: the default lab trains for N minutes while the analysis panels are
// opened in turn (one is shown at a time, and the worker runs only the open panel's probes). Once a
// minute the run is paused and the worker's live tensors, the page's JS heap after forced garbage
// collections and its DOM size are read, then training goes on. The samples are judged from the
// first one after a warm-up (see measureSoak).
import { log, openApp, round2 } from './harness.mjs';
import { series } from './stats.mjs';

/** The analysis tabs, in the order they are opened, each for a quarter of every minute. */
export const SOAK_PANELS = ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid'];

const button = (page, name) => page.getByRole('button', { name, exact: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openTab(page, name) {
  const tab = page.getByRole('region', { name: 'Analysis' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[role="tab"]')].some(
        (t) => t.textContent === n && t.getAttribute('aria-selected') === 'true',
      ),
    name,
  );
}

/** Time for the paused page to draw its final reports before it is measured. */
const SETTLE_MS = 500;
/** Heap readings per sample (the smallest counts: what a collection could not free). */
const HEAP_READINGS = 3;

/** The page's JS heap in use after forced garbage collections, the least of a few readings. */
async function heapAfterGc(cdp) {
  let least = null;
  for (let i = 0; i < HEAP_READINGS; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    least = least === null ? usedSize : Math.min(least, usedSize);
    await sleep(100);
  }
  return least;
}

/** Pauses, reads every counter (the heap after forced garbage collections), and trains on. */
async function sample(page, cdp, minute, t0) {
  await button(page, 'Pause').click();
  await page.evaluate(() => window.normlab.trainer.idle());
  const diag = await page.evaluate(() => window.normlab.diagnostics());
  await sleep(SETTLE_MS);
  const heap = await heapAfterGc(cdp);
  const dom = await cdp.send('Memory.getDOMCounters');
  const page_ = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    step: window.normlab.store.getState().metrics?.step ?? 0,
    panel: window.normlab.store.getState().openPanel,
  }));
  await button(page, 'Train').click();
  return {
    minute,
    atSeconds: round2((performance.now() - t0) / 1000),
    step: page_.step,
    panel: page_.panel,
    numTensors: diag.numTensors,
    numBytes: diag.numBytes,
    heapUsedBytes: heap,
    domNodes: dom.nodes,
    elements: page_.elements,
    listeners: dom.jsEventListeners,
  };
}

/**
 * The soak section. `plan`: minutes (samples at 0, 1, …, minutes), warmupMs (training with each
 * panel opened in turn before the first sample, long enough for the loss chart's history to
 * reach its cap of MAX_LOSS_POINTS, about 4.5 minutes on the default lab; it is sampled once at
 * its start too, for the report). Fills `out` as it goes, so a failure keeps the samples taken.
 */
export async function measureSoak(browser, baseUrl, plan, out = {}) {
  const { context, page, errors } = await openApp(browser, baseUrl, 'auto');
  Object.assign(out, { minutes: plan.minutes, panels: SOAK_PANELS, samples: [] });
  try {
    const cdp = await context.newCDPSession(page);
    const setup = await page.evaluate(() => window.__bench.setupLab({ panel: 'distributions' }));
    out.backend = setup.backend?.name ?? null;
    await button(page, 'Train').click();
    await sleep(2000);
    // Before the warm-up: shown in the report, not judged (the app is still filling its caches).
    out.beforeWarmup = await sample(page, cdp, null, performance.now());
    const slot = plan.warmupMs / SOAK_PANELS.length;
    for (const name of SOAK_PANELS) {
      await openTab(page, name);
      await sleep(slot);
    }
    const t0 = performance.now();
    const cycleMs = 60_000 / SOAK_PANELS.length;
    out.samples.push(await sample(page, cdp, 0, t0));
    for (let minute = 1; minute <= plan.minutes; minute++) {
      for (let i = 0; i < SOAK_PANELS.length; i++) {
        await openTab(page, SOAK_PANELS[i]);
        const until = t0 + (minute - 1) * 60_000 + (i + 1) * cycleMs;
        await sleep(Math.max(0, until - performance.now()));
      }
      const s = await sample(page, cdp, minute, t0);
      out.samples.push(s);
      log(
        `soak minute ${minute}: step ${s.step}, ${s.numTensors} tensors, heap ${(s.heapUsedBytes / 1e6).toFixed(2)} MB, ${s.domNodes} DOM nodes`,
      );
    }
    await button(page, 'Pause').click();
    const col = (k) => series(out.samples.map((s) => s[k]));
    out.summary = {
      numTensors: col('numTensors'),
      heapUsedBytes: col('heapUsedBytes'),
      domNodes: col('domNodes'),
      elements: col('elements'),
      listeners: col('listeners'),
      steps: out.samples.at(-1).step - out.samples[0].step,
    };
  } finally {
    out.pageErrors = errors;
    await context.close();
  }
  return out;
}
