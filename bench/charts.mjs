// The recharts charts under load (issue 12 §1): main-thread frame intervals while training with
// every chart live, two pinned runs drawn beside the live one.
import { openApp } from './harness.mjs';
import { distribution } from './stats.mjs';

/** The steps at which the two runs drawn beside the live one are pinned. */
const PIN_AT = [150, 300];

/**
 * Frame intervals (and long tasks) while training the default lab at full speed with every chart
 * live: the loss and test-accuracy charts, each with two pinned runs beside the live one, the
 * decision boundary, and the Distributions panel's two histograms. Waits until the charts' chunk
 * has drawn them all before recording.
 */
export async function measureChartFrames(browser, baseUrl, frameMs) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  try {
    const setup = await page.evaluate(() => window.__bench.setupLab({ panel: 'distributions' }));
    await page.evaluate(async (steps) => {
      for (const n of steps) {
        await window.__bench.trainTo(n, 120_000);
        window.normlab.pinRun();
      }
    }, PIN_AT);
    await page.waitForFunction(
      () =>
        !document.querySelector('.chart-placeholder') &&
        document.querySelectorAll('.loss-chart .recharts-line-curve').length >= 4 &&
        document.querySelectorAll('.accuracy-chart .recharts-line-curve').length >= 3 &&
        document.querySelectorAll('.histogram-chart .recharts-area-curve').length >= 2,
      null,
      { timeout: 60_000 },
    );
    const training = await page.evaluate(async (ms) => {
      const { trainer } = window.normlab;
      trainer.train();
      await window.__bench.sleep(500);
      const recorded = await window.__bench.recordFramesAndLongTasks(ms);
      trainer.pause();
      await trainer.idle();
      return recorded;
    }, frameMs);
    return {
      backend: setup.backend?.name ?? null,
      pinned: PIN_AT.length,
      training: distribution(training.frames),
      longTasks: training.longTasks.length,
      longestTaskMs: training.longTasks.length ? Math.max(...training.longTasks) : 0,
    };
  } finally {
    await context.close();
  }
}
