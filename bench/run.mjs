#!/usr/bin/env node
// npm run bench [-- --quick]: builds the app, serves it on 127.0.0.1, drives the e2e tests'
// headless Chromium, and writes bench/results/latest.json and latest.md (printed too).
//
// Options: --quick (fewer, shorter runs), --out DIR (default bench/results), --only a,b (sections:
// load, throughput, frames, memory, accuracy, auto, bignet, soak, health, csv; default all), --workloads R1,R2 and
// --backends auto,webgl,wasm,cpu (narrow the throughput section), --soak-minutes N (the soak's
// length: default 30, 2 with --quick).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { SWIFTSHADER_FLAGS } from '../scripts/chromium-flags.mjs';
import { ensureChromium } from '../scripts/find-chromium.mjs';
import { autoAfterTraining, forcedRace } from './autoRace.mjs';
import { measureBigNet } from './bignet.mjs';
import { loadedBytes } from './bytes.mjs';
import { measureChartFrames } from './charts.mjs';
import * as cpu from './cpu.mjs';
import { csvMarkdown, csvTargets, measureCsv } from './csv.mjs';
import {
  build,
  elapsedSeconds,
  firstLine,
  gitState,
  launch,
  log,
  machine,
  openApp,
  ROOT,
  round2,
  serve,
  VIEWPORT,
} from './harness.mjs';
import { measureHealth } from './health.mjs';
import { ACCURACY_DATASETS, WORKLOADS } from './labs.mjs';
import { renderMarkdown } from './markdown.mjs';
import { measureSoak } from './soak.mjs';
import { distribution, loadTimes, median } from './stats.mjs';
import { evaluateTargets } from './targets.mjs';
import { measureThroughput } from './throughput.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT_DIR = path.resolve(argValue('--out') ?? path.join(ROOT, 'bench', 'results'));
const ALL_SECTIONS = [
  'load',
  'throughput',
  'frames',
  'memory',
  'accuracy',
  'auto',
  'bignet',
  'soak',
  'health',
  'csv',
];
const SECTIONS = argValue('--only')?.split(',') ?? ALL_SECTIONS;
const unknown = SECTIONS.filter((s) => !ALL_SECTIONS.includes(s));
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(', ')}: use ${ALL_SECTIONS.join(', ')}.`);
  process.exit(2);
}
const SOAK_MINUTES = argValue('--soak-minutes');
const soakOk =
  Number.isInteger(Number(SOAK_MINUTES)) && Number(SOAK_MINUTES) >= 1 && Number(SOAK_MINUTES) <= 600;
if (SOAK_MINUTES !== undefined && !soakOk) {
  console.error(`--soak-minutes ${SOAK_MINUTES}: give a whole number of minutes from 1 to 600.`);
  process.exit(2);
}
const ONLY_WORKLOADS = argValue('--workloads')?.split(',');
const ONLY_BACKENDS = argValue('--backends')?.split(',');

const ALL = ['auto', 'webgl', 'wasm', 'cpu'];
/**
 * How much is measured. `backends`: the rotation per net in the e2e tests' default browser;
 * `swiftshaderBackends`: the rotation in the browser with the e2e WebGL project's SwiftShader
 * flags. --quick: fewer and shorter runs, R2 only on auto (the other backends need a quarter of a
 * second or more a step there) and no runs with the SwiftShader flags; the report says so.
 */
const PLAN = QUICK
  ? {
      mode: 'quick',
      rounds: 4,
      windowMs: 1000,
      minSteps: 30,
      settleMs: 200,
      frameMs: 2000,
      loads: 3,
      accuracyRuns: 1,
      memorySteps: 5000,
      autoTrainMs: 3000,
      backends: { R1: ALL, R2: ['auto'] },
      swiftshaderBackends: { R1: [], R2: [] },
      bignet: { trainMs: 20_000, settleMs: 3000, clicks: 3, pauses: 2 },
      soak: { minutes: 2, warmupMs: 20_000 },
      health: { quick: true, trainMs: 8000, settleMs: 1500 },
    }
  : {
      mode: 'full',
      rounds: 6,
      windowMs: 3000,
      minSteps: 60,
      settleMs: 500,
      frameMs: 5000,
      loads: 5,
      accuracyRuns: 3,
      memorySteps: 5000,
      autoTrainMs: 10_000,
      backends: { R1: ALL, R2: ALL },
      swiftshaderBackends: { R1: ['auto', 'webgl', 'wasm'], R2: ['auto', 'webgl'] },
      bignet: { trainMs: 240_000, settleMs: 5000, clicks: 6, pauses: 5 },
      soak: { minutes: 30, warmupMs: 300_000 },
      health: { quick: false, trainMs: 30_000, settleMs: 3000 },
    };
if (SOAK_MINUTES !== undefined) PLAN.soak.minutes = Number(SOAK_MINUTES);
/** The bare loop reads its loss back once every this many steps. */
const READBACK_EVERY = 32;
const MEMORY_WARMUP_STEPS = 200;
const ACCURACY_TARGET = 0.95;
const ACCURACY_TIMEOUT_MS = 60_000;
const THROUGHPUT_PLAN = { ...PLAN, readbackEvery: READBACK_EVERY };

const LOAD_MARKS = readFileSync(path.join(ROOT, 'bench', 'loadMarks.js'), 'utf8');

/**
 * Section 6, in fresh contexts: the bytes the page fetched until Train was enabled (the service
 * worker's precache downloads excluded), and from navigation start: first paint and first
 * contentful paint (the page's paint entries), the first canvas node visible, Train enabled, and
 * "interactive" (both; the figure reported before first paint and Train were apart).
 */
async function measureLoad(browser, baseUrl, distDir) {
  const runs = [];
  let bytes = null;
  for (let i = 0; i < PLAN.loads; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: LOAD_MARKS });
    const requested = [];
    context.on('request', (r) => {
      const u = new URL(r.url());
      // The service worker's precache downloads (after the first paint) are not what the page needs.
      if (u.origin === baseUrl && !r.serviceWorker()) requested.push(u.pathname);
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(
      () => window.__loadMarks?.canvasMs !== undefined && window.__loadMarks?.trainEnabledMs !== undefined,
      null,
      { timeout: 60_000 },
    );
    // The charts' chunk (recharts) loads once the canvas is interactive: wait until it has drawn.
    await page.waitForFunction(
      () => !document.querySelector('.chart-placeholder') && document.querySelector('.recharts-wrapper'),
      null,
      { timeout: 60_000 },
    );
    runs.push(
      await page.evaluate(() => {
        const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
        const { canvasMs, engineMs, trainEnabledMs } = window.__loadMarks;
        const charts = performance.getEntriesByType('resource').find((e) => /chartsChunk-/.test(e.name));
        return {
          chartsRequestMs: charts ? charts.startTime : null,
          chartsLoadedMs: charts ? charts.responseEnd : null,
          firstPaintMs: paint('first-paint'),
          firstContentfulPaintMs: paint('first-contentful-paint'),
          canvasMs,
          engineMs: engineMs ?? null,
          trainEnabledMs,
          interactiveMs: Math.max(canvasMs, trainEnabledMs),
        };
      }),
    );
    if (i === 0) bytes = loadedBytes(requested, distDir);
    await context.close();
  }
  return { ...loadTimes(runs), bytes };
}

/** What "auto" picks in a browser (and its reason and WebGL renderer). */
async function autoChoice(browser, baseUrl) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  const backend = await page.evaluate(() => window.normlab.store.getState().backend);
  await context.close();
  return backend;
}

/** Section 3: main-thread frame intervals on the default lab (auto), idle and while training. */
async function measureFrames(browser, baseUrl) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  try {
    const setup = await page.evaluate(() => window.__bench.setupLab({ panel: 'distributions' }));
    const idle = await page.evaluate((ms) => window.__bench.recordFrames(ms), PLAN.frameMs);
    const training = await page.evaluate(async (ms) => {
      const { trainer } = window.normlab;
      trainer.train();
      await window.__bench.sleep(500);
      const deltas = await window.__bench.recordFrames(ms);
      trainer.pause();
      await trainer.idle();
      return deltas;
    }, PLAN.frameMs);
    return {
      backend: setup.backend?.name ?? null,
      idle: distribution(idle),
      training: distribution(training),
    };
  } finally {
    await context.close();
  }
}

/** Section 4: live tensors in the worker after a warm-up and after 5,000 more steps (default lab, auto). */
async function measureMemory(browser, baseUrl) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  try {
    await page.evaluate(() => window.__bench.setupLab({ panel: 'distributions' }));
    const t0 = performance.now();
    const warm = await page.evaluate((n) => window.__bench.trainTo(n, 120_000), MEMORY_WARMUP_STEPS);
    const after = await page.evaluate(
      (n) => window.__bench.trainTo(n, 600_000),
      MEMORY_WARMUP_STEPS + PLAN.memorySteps,
    );
    return {
      backend: after.backend,
      afterWarmup: { step: warm.step, numTensors: warm.numTensors, numBytes: warm.numBytes },
      after: { step: after.step, numTensors: after.numTensors, numBytes: after.numBytes },
      seconds: round2((performance.now() - t0) / 1000),
    };
  } finally {
    await context.close();
  }
}

/** Section 7: time from Train to a test accuracy of 95% with the default graph, per dataset. */
async function measureAccuracy(browser, baseUrl) {
  const { context, page } = await openApp(browser, baseUrl, 'auto');
  const out = {};
  try {
    for (const dataset of ACCURACY_DATASETS) {
      const setup = await page.evaluate((d) => window.__bench.setupLab({ data: { dataset: d } }), dataset);
      const runs = [];
      for (let i = 0; i < PLAN.accuracyRuns; i++) {
        runs.push(
          await page.evaluate(
            ([t, ms]) => window.__bench.timeToAccuracy(t, ms),
            [ACCURACY_TARGET, ACCURACY_TIMEOUT_MS],
          ),
        );
      }
      const all = runs.every((r) => r.ms !== null);
      const crossed = all && runs.every((r) => r.crossing);
      out[dataset] = {
        backend: setup.backend?.name ?? null,
        medianMs: all ? median(runs.map((r) => r.ms)) : null,
        medianStep: all ? median(runs.map((r) => r.step)) : null,
        // The worker's record (Metrics.crossings): the step of the report that reached the target
        // and the training time until it was measured; the page showed it `lagMs` later.
        crossingStep: crossed ? median(runs.map((r) => r.crossing.step)) : null,
        crossingMs: crossed ? median(runs.map((r) => r.crossing.ms)) : null,
        lagMs: crossed ? median(runs.map((r) => r.ms - r.crossing.ms)) : null,
        runs,
      };
      log(
        `accuracy ${dataset}: ${runs.map((r) => (r.ms === null ? 'not reached' : `${(r.ms / 1000).toFixed(2)} s at step ${r.step}`)).join(', ')}`,
      );
    }
  } finally {
    await context.close();
  }
  return out;
}

async function section(results, name, fn) {
  if (!SECTIONS.includes(name)) return;
  log(`${name}…`);
  try {
    await fn();
  } catch (err) {
    results.errors.push(`${name}: ${firstLine(err)}`);
    log(`${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}

async function main() {
  const results = {
    date: new Date().toISOString(),
    plan: {
      ...PLAN,
      readbackEvery: READBACK_EVERY,
      accuracyTarget: ACCURACY_TARGET,
      accuracyTimeoutMs: ACCURACY_TIMEOUT_MS,
      memoryWarmupSteps: MEMORY_WARMUP_STEPS,
    },
    machine: machine(),
    errors: [],
  };
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'normlab-bench-'));
  let server = null;
  const browsers = [];
  try {
    log(`building into ${distDir}…`);
    results.git = gitState();
    results.buildSeconds = build(distDir);
    server = await serve(distDir);
    log(`serving ${server.url}`);
    const executablePath = ensureChromium() ?? undefined;
    const e2e = await launch(executablePath, 'e2e', []);
    browsers.push(e2e);
    const gl = await launch(executablePath, 'swiftshader', SWIFTSHADER_FLAGS);
    browsers.push(gl);
    results.browser = {
      executable: executablePath ?? "Playwright's bundled Chromium",
      version: e2e.browser.version(),
      headless: true,
      flags: { e2e: e2e.flags, swiftshader: gl.flags },
      cpuSampling: cpu.available() && e2e.pid !== null,
    };
    results.auto = {
      e2e: await autoChoice(e2e.browser, server.url),
      swiftshader: await autoChoice(gl.browser, server.url),
    };
    log(`auto: ${results.auto.e2e?.reason} | with SwiftShader flags: ${results.auto.swiftshader?.reason}`);

    await section(results, 'load', async () => {
      results.load = await measureLoad(e2e.browser, server.url, distDir);
    });
    await section(results, 'throughput', async () => {
      results.throughput = [];
      results.throughputSwiftShader = [];
      for (const w of WORKLOADS) {
        if (ONLY_WORKLOADS && !ONLY_WORKLOADS.includes(w.id)) continue;
        results.throughput.push(
          await measureThroughput(e2e, server.url, w, PLAN.backends[w.id], THROUGHPUT_PLAN, ONLY_BACKENDS),
        );
      }
      for (const w of WORKLOADS) {
        if (ONLY_WORKLOADS && !ONLY_WORKLOADS.includes(w.id)) continue;
        if (!PLAN.swiftshaderBackends[w.id].length) continue;
        results.throughputSwiftShader.push(
          await measureThroughput(
            gl,
            server.url,
            w,
            PLAN.swiftshaderBackends[w.id],
            THROUGHPUT_PLAN,
            ONLY_BACKENDS,
          ),
        );
      }
    });
    await section(results, 'frames', async () => {
      results.frames = await measureFrames(e2e.browser, server.url);
      results.frames.chartsLive = await measureChartFrames(e2e.browser, server.url, PLAN.frameMs);
    });
    await section(results, 'memory', async () => {
      results.memory = await measureMemory(e2e.browser, server.url);
    });
    await section(results, 'accuracy', async () => {
      results.accuracy = await measureAccuracy(e2e.browser, server.url);
    });
    await section(results, 'auto', async () => {
      results.autoRace = {
        e2e: await autoAfterTraining(e2e.browser, server.url, PLAN.autoTrainMs),
        swiftshader: await autoAfterTraining(gl.browser, server.url, PLAN.autoTrainMs),
        forced: await forcedRace(e2e.browser, server.url, 180_000),
      };
      const f = results.autoRace.forced;
      log(
        `auto: forced race WebGL ${f.webglStepsPerSec} vs WASM ${f.wasmStepsPerSec} steps/s -> ${f.backend}`,
      );
    });
    await section(results, 'bignet', async () => {
      results.bignet = {};
      await measureBigNet(e2e, server.url, PLAN.bignet, results.bignet);
    });
    await section(results, 'health', async () => {
      results.health = {};
      await measureHealth(e2e.browser, server.url, PLAN.health, results.health);
    });
    await section(results, 'soak', async () => {
      results.soak = {};
      await measureSoak(e2e.browser, server.url, PLAN.soak, results.soak);
    });
    await section(results, 'csv', async () => {
      results.csv = await measureCsv(e2e.browser, server.url, openApp, PLAN);
      log(
        `csv: parse ${results.csv.parseMs} ms, train-ready ${results.csv.fileToReadyMs} ms after the file was chosen`,
      );
    });
  } catch (err) {
    results.errors.push(firstLine(err));
    log(err instanceof Error ? err.stack : String(err));
  } finally {
    for (const b of browsers) await b.browser.close().catch(() => {});
    server?.child.kill('SIGTERM');
    rmSync(distDir, { recursive: true, force: true });
  }
  results.machine.loadavgAfter = os.loadavg().map(round2);
  results.seconds = Math.round(elapsedSeconds() * 10) / 10;
  results.targets = [...evaluateTargets(results), ...csvTargets(results)];
  const csv = csvMarkdown(results);
  const markdown = csv ? `${renderMarkdown(results)}\n${csv}\n` : renderMarkdown(results);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${path.relative(process.cwd(), path.join(OUT_DIR, 'latest.json'))} and latest.md`);
  process.exitCode = results.errors.length ? 1 : 0;
}

await main();
