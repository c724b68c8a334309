// Issue 12 §3: what the Training health tab costs the training loop. With the tab open the worker
// measures a step now and then (gradient, weight and update norms of every Dense kernel), as a group
// of one step with its own readback, under the refresh budget (at most 5% of the loop's time).
// Measured as the other probes are: the worker's own cumulative loop timers (Diagnostics.loop)
// read before and after a stretch of training with the tab open, through the ?debug=1 hook.
import { log, openApp } from './harness.mjs';
import { healthShares } from './health-report.mjs';
import { BIG_NET, WORKLOADS } from './labs.mjs';
import { fmt } from './markdown-table.mjs';

const pct = (v) => (v === null || v === undefined ? '–' : `${fmt(v * 100, 2)}%`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const R2 = WORKLOADS.find((w) => w.id === 'R2');

/** The labs measured: the default lab, R2 and (full runs only) the 20-block big net. */
function labs(quick) {
  const out = [
    { id: 'default', label: 'default lab (Circle, 2 × Dense8 + BN + ReLU, Adam 0.03)', setup: {} },
    { id: 'R2', label: R2.label, setup: { graph: R2.graph, data: R2.data, hyper: R2.hyper } },
  ];
  if (!quick)
    out.push({ id: 'big', label: BIG_NET.label, setup: { graph: BIG_NET.graph, data: BIG_NET.data } });
  return out;
}

/**
 * The section: each lab on `auto`, the Training health tab open, trained for `plan.trainMs` after
 * `plan.settleMs`. Fills `out` as it goes, so a failure keeps what was measured.
 */
export async function measureHealth(browser, baseUrl, plan, out = {}) {
  const { context, page, errors } = await openApp(browser, baseUrl, 'auto');
  out.labs = [];
  try {
    for (const lab of labs(plan.quick)) {
      const setup = await page.evaluate((s) => window.__bench.setupLab({ ...s, panel: 'health' }), lab.setup);
      await page.evaluate(async () => {
        const { trainer } = window.normlab;
        trainer.reset();
        await trainer.idle();
        trainer.train();
      });
      await sleep(plan.settleMs);
      const before = await page.evaluate(() => window.normlab.diagnostics());
      await sleep(plan.trainMs);
      const after = await page.evaluate(() => window.normlab.diagnostics());
      await page.evaluate(async () => {
        window.normlab.trainer.pause();
        await window.normlab.trainer.idle();
      });
      const shares = healthShares(before, after);
      out.labs.push({ id: lab.id, label: lab.label, backend: setup.backend?.name ?? null, ...shares });
      log(`health ${lab.id}: ${shares?.samples ?? '?'} samples, ${pct(shares?.share)} of the loop`);
    }
  } finally {
    out.pageErrors = errors;
    await context.close();
  }
  return out;
}
