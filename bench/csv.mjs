// `npm run bench -- --only csv`: imports a generated 100,000-row x 64-feature CSV (about 45 MB)
// through the app's Import CSV dialog and trains on it, measuring the parse time, the time until
// the model is built (train-ready), and the main thread's frame intervals while the file is
// parsed (in its worker), while the dataset is built and sent to the engine, and while training.

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, mdTable } from './markdown.mjs';
import { distribution } from './stats.mjs';

/** The issue's scale: rows x features, and the ceiling on the main thread's p95 frame interval. */
export const CSV_PLAN = { rows: 100_000, features: 64, classes: 3, frameP95Ms: 20 };

/**
 * Writes the CSV: 64 features x_j ~ N(0, 1) with 3 decimals, and a class 0..2 from the sign
 * pattern of two linear mixtures of the first 8 features (learnable, not trivial). Seeded, so
 * every run reads the same file.
 */
async function writeCsv(file, rows, features) {
  let s = 987654321;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  const out = createWriteStream(file);
  const header = [...Array.from({ length: features }, (_, j) => `f${j + 1}`), 'class'].join(',');
  out.write(`${header}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: features }, normal);
    const a = x[0] + 0.5 * x[1] - 0.7 * x[2] + 0.3 * x[3];
    const b = x[4] - 0.6 * x[5] + 0.4 * x[6] + 0.2 * x[7];
    const k = a > 0.4 ? 0 : b > 0 ? 1 : 2;
    chunk += `${x.map((v) => v.toFixed(3)).join(',')},${k}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** In the page: a frame recorder with marks, and long tasks; window.__csvBench. */
const RECORDER = () => {
  const marks = {};
  const frames = [];
  const longTasks = [];
  let last = 0;
  const tick = (t) => {
    if (last) frames.push([t, t - last]);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  const input = document.querySelector('input[aria-label="CSV file to import"]');
  input?.addEventListener('change', () => {
    marks.fileChosen = performance.now();
  });
  window.__csvBench = { marks, frames, longTasks };
};

/** Frame intervals and long tasks between two marks (ms since navigation). */
function between(data, from, to) {
  return {
    frames: distribution(data.frames.filter(([t]) => t > from && t <= to).map(([, d]) => d)),
    longTasks: data.longTasks.filter(([t]) => t >= from && t <= to).map(([, d]) => Math.round(d)),
    ms: Math.round(to - from),
  };
}

/** The CSV section: one import and one training run in a fresh page. */
export async function measureCsv(browser, baseUrl, openApp, plan) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'normlab-csv-'));
  const file = path.join(dir, 'bench-100k-64.csv');
  try {
    await writeCsv(file, CSV_PLAN.rows, CSV_PLAN.features);
    const bytes = statSync(file).size;
    const { context, page } = await openApp(browser, baseUrl, 'auto');
    try {
      await page.getByRole('button', { name: 'Import CSV' }).click();
      await page.evaluate(`(${RECORDER.toString()})()`);
      const dialog = page.getByRole('dialog', { name: 'Import CSV' });
      await dialog.getByLabel('CSV file to import').setInputFiles(file);
      await dialog.getByRole('combobox', { name: 'Target' }).waitFor({ timeout: 120_000 });
      await page.evaluate(() => {
        window.__csvBench.marks.parsed = performance.now();
      });
      // The defaults: the last column ("class") the target, the 64 others the features, 3 classes.
      const task = await dialog.getByRole('combobox', { name: 'Task' }).inputValue();
      await page.evaluate(() => {
        window.__csvBench.marks.importClicked = performance.now();
      });
      await dialog.getByRole('button', { name: 'Import' }).click();
      const ready = await page.evaluate(async () => {
        const { store, trainer } = window.normlab;
        const t0 = performance.now();
        for (;;) {
          const s = store.getState();
          if (s.status === 'ready' && s.dataset.yTrain.length + s.dataset.yTest.length > 0) break;
          if (performance.now() - t0 > 120_000) throw new Error(`not train-ready: ${s.status}`);
          await new Promise((r) => setTimeout(r, 10));
        }
        window.__csvBench.marks.ready = performance.now();
        await trainer.idle();
        const s = store.getState();
        return {
          inputDim: s.dataset.info.inputDim,
          rows: s.dataset.yTrain.length + s.dataset.yTest.length,
          backend: s.backend?.name ?? null,
        };
      });
      const training = await page.evaluate(async (ms) => {
        const { store, trainer, diagnostics } = window.normlab;
        const b = window.__csvBench;
        trainer.train();
        await new Promise((r) => setTimeout(r, 500));
        // The worker's counters around the window (a call waits for the loop's next yield, so the
        // frames are recorded between the two answers, over exactly `ms`).
        const t0 = performance.now();
        const d0 = await diagnostics();
        b.marks.trainFrom = performance.now();
        await new Promise((r) => setTimeout(r, ms));
        b.marks.trainTo = performance.now();
        const d1 = await diagnostics();
        const spanMs = performance.now() - t0;
        trainer.pause();
        await trainer.idle();
        const loop = Object.fromEntries(
          Object.keys(d1.loop).map((k) => [k, Math.round(d1.loop[k] - d0.loop[k])]),
        );
        const m = store.getState().metrics;
        const steps = d1.steps - d0.steps;
        const stepsPerSecond = Math.round((steps * 1000) / spanMs);
        return { steps, stepsPerSecond, accuracy: m?.testAccuracy ?? null, atStep: m?.step ?? 0, loop };
      }, plan.frameMs * 2);
      const data = await page.evaluate(() => window.__csvBench);
      const m = data.marks;
      return {
        rows: CSV_PLAN.rows,
        features: CSV_PLAN.features,
        bytes,
        task,
        ...ready,
        parseMs: Math.round(m.parsed - m.fileChosen),
        importToReadyMs: Math.round(m.ready - m.importClicked),
        fileToReadyMs: Math.round(m.ready - m.fileChosen),
        parsing: between(data, m.fileChosen, m.parsed),
        building: between(data, m.importClicked, m.ready),
        training: { ...between(data, m.trainFrom, m.trainTo), ...training },
      };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The section's targets: p95 frame interval while parsing and while training. */
export function csvTargets(r) {
  const c = r.csv;
  if (!c) return [];
  const t = (id, label, value) => ({
    id,
    label,
    value,
    pass: value === null ? null : value <= CSV_PLAN.frameP95Ms,
    note: '',
    unit: 'ms',
  });
  return [
    t(
      'csv.parseP95',
      `Main-thread p95 frame ≤ ${CSV_PLAN.frameP95Ms} ms while a 100k x 64 CSV is parsed`,
      c.parsing.frames.p95,
    ),
    t(
      'csv.trainP95',
      `Main-thread p95 frame ≤ ${CSV_PLAN.frameP95Ms} ms while training on it`,
      c.training.frames.p95,
    ),
  ];
}

/** The section's Markdown. */
export function csvMarkdown(r) {
  const c = r.csv;
  if (!c) return '';
  const row = (label, w) => [
    label,
    fmt(w.ms, 0),
    fmt(w.frames.p50, 1),
    fmt(w.frames.p95, 1),
    fmt(w.frames.max, 0),
    w.frames.n,
    w.longTasks.length ? `${w.longTasks.length} (max ${Math.max(...w.longTasks)} ms)` : '0',
  ];
  return [
    `## Imported CSV (${c.rows.toLocaleString('en-US')} rows × ${c.features} features, ${(c.bytes / 1024 / 1024).toFixed(1)} MB, ${c.backend})`,
    '',
    `Parse (file chosen → column chooser shown, papaparse in its worker): ${fmt(c.parseMs, 0)} ms. Import pressed → train-ready (dataset standardized and split, sent to the engine, model built): ${fmt(c.importToReadyMs, 0)} ms; file chosen → train-ready: ${fmt(c.fileToReadyMs, 0)} ms. Training: ${c.training.stepsPerSecond} steps/s (${c.training.steps} steps; the worker's loop spent ${fmt(c.training.loop.stepsMs / 1000, 1)} s of ${fmt(c.training.loop.runningMs / 1000, 1)} s in steps), test accuracy ${c.training.accuracy === null ? '–' : `${(c.training.accuracy * 100).toFixed(1)}%`} at step ${c.training.atStep} (after Pause).`,
    '',
    mdTable(
      ['Main thread while', 'ms', 'p50 frame', 'p95 frame', 'max frame', 'frames', 'long tasks'],
      [row('parsing', c.parsing), row('building (after Import)', c.building), row('training', c.training)],
    ),
  ].join('\n');
}
