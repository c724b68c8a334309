// Issue 13 §5 on the machine the benchmark runs on: what "auto" does after a model is built.
// Where WebGL2 is software (SwiftShader) it must stay on WASM without racing; ?race=force makes it
// race anyway, which shows the race end to end and its figures.
import { openApp } from './harness.mjs';

const VERDICT = /measured on this model: WebGL ([\d.]+) vs WASM ([\d.]+) steps\/s/;

/**
 * Auto on the default lab: the backend and the badge's reason right after the model is built and
 * again after `trainMs` of training at full speed, and the most workers the page ran meanwhile
 * (a race starts a second instance of the training worker).
 */
export async function autoAfterTraining(browser, baseUrl, trainMs) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  try {
    const read = () => page.evaluate(() => window.normlab.store.getState().backend);
    const atReady = await read();
    let mostWorkers = page.workers().length;
    await page.evaluate(() => window.normlab.trainer.train());
    const t0 = performance.now();
    while (performance.now() - t0 < trainMs) {
      mostWorkers = Math.max(mostWorkers, page.workers().length);
      await page.waitForTimeout(100);
    }
    const step = await page.evaluate(async () => {
      window.normlab.trainer.pause();
      await window.normlab.trainer.idle();
      return window.normlab.store.getState().metrics?.step ?? 0;
    });
    const after = await read();
    return { atReady, after, step, mostWorkers, trainMs };
  } finally {
    await context.close();
  }
}

/**
 * Notes, in the page, when the model is first built (status "ready") and when the badge first gives
 * a race's verdict (ms since navigation), by subscribing to the store as soon as ?debug=1 exposes it.
 */
const RACE_MARKS = `(() => {
  const marks = {};
  window.__raceMarks = marks;
  const watch = () => {
    const store = window.normlab?.store;
    if (!store) return requestAnimationFrame(watch);
    const check = (s) => {
      if (marks.readyMs === undefined && s.status === 'ready') marks.readyMs = performance.now();
      const verdict = new RegExp(${JSON.stringify(VERDICT.source)});
      if (marks.verdictMs === undefined && verdict.test(s.backend?.reason ?? '')) marks.verdictMs = performance.now();
    };
    check(store.getState());
    store.subscribe(check);
  };
  watch();
})();`;

/**
 * A race forced on software WebGL (?race=force), the page idle meanwhile: the figures on the
 * badge, the backend it kept, how long from the model built to the verdict, and whether the
 * racing worker went away afterwards.
 */
export async function forcedRace(browser, baseUrl, timeoutMs) {
  const { context, page } = await openApp(browser, baseUrl, 'auto', '&race=force', RACE_MARKS);
  try {
    await page.waitForFunction(() => window.__raceMarks?.verdictMs !== undefined, null, {
      timeout: timeoutMs,
      polling: 100,
    });
    const { readyMs, verdictMs } = await page.evaluate(() => window.__raceMarks);
    const backend = await page.evaluate(() => window.normlab.store.getState().backend);
    const [, webgl, wasm] = backend.reason.match(VERDICT) ?? [];
    await page.waitForTimeout(500);
    return {
      backend: backend.name,
      reason: backend.reason,
      renderer: backend.renderer ?? null,
      webglStepsPerSec: Number(webgl),
      wasmStepsPerSec: Number(wasm),
      raceMs: verdictMs - readyMs,
      workersAfter: page.workers().length,
    };
  } finally {
    await context.close();
  }
}
