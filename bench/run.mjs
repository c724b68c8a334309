#!/usr/bin/env node
// npm run bench [-- --quick]: builds the app, serves it on 127.0.0.1, drives the e2e tests'
// headless Chromium, and writes bench/results/latest.json and latest.md (printed too).
//
// Options: --quick (fewer, shorter runs; under 2 minutes), --out DIR (default bench/results),
// --only a,b (sections: load, throughput, frames, memory, accuracy; default all), --workloads R1,R2
// and --backends auto,webgl,wasm,cpu (narrow the throughput section).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { BASE_FLAGS, SWIFTSHADER_FLAGS } from '../scripts/chromium-flags.mjs';
import { ensureChromium } from '../scripts/find-chromium.mjs';
import { loadedBytes } from './bytes.mjs';
import * as cpu from './cpu.mjs';
import { ACCURACY_DATASETS, WORKLOADS } from './labs.mjs';
import { renderMarkdown } from './markdown.mjs';
import { distribution, loadTimes, median, medianRatio, pairRatios, perSecond } from './stats.mjs';
import { evaluateTargets } from './targets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT_DIR = path.resolve(argValue('--out') ?? path.join(ROOT, 'bench', 'results'));
const SECTIONS = (argValue('--only') ?? 'load,throughput,frames,memory,accuracy').split(',');
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
      rounds: 3,
      windowMs: 500,
      settleMs: 200,
      frameMs: 2000,
      loads: 3,
      accuracyRuns: 1,
      memorySteps: 5000,
      backends: { R1: ALL, R2: ['auto'] },
      swiftshaderBackends: { R1: [], R2: [] },
    }
  : {
      mode: 'full',
      rounds: 5,
      windowMs: 3000,
      settleMs: 500,
      frameMs: 5000,
      loads: 5,
      accuracyRuns: 3,
      memorySteps: 5000,
      backends: { R1: ALL, R2: ALL },
      swiftshaderBackends: { R1: ['auto', 'webgl', 'wasm'], R2: ['auto', 'webgl'] },
    };
/** The bare loop reads its loss back once every this many steps. */
const READBACK_EVERY = 32;
const MEMORY_WARMUP_STEPS = 200;
const ACCURACY_TARGET = 0.95;
const ACCURACY_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1280, height: 720 };

const started = performance.now();
const log = (...parts) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s]`, ...parts);
const round2 = (v) => Math.round(v * 100) / 100;
const firstLine = (err) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map(round2),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** The commit the build comes from, and the paths that differ from it (uncommitted edits). */
function gitState() {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return null;
  const status = git('status', '--porcelain', '--untracked-files=no');
  const changed = status.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return { commit: head.stdout.trim(), uncommitted: changed };
}

/** Builds the app into its own folder (so a parallel `npm run build` cannot change it mid-run). */
function build(outDir) {
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status ?? res.signal})`);
  return round2((performance.now() - t0) / 1000);
}

/** Serves the built folder with `vite preview` on a free port of 127.0.0.1. */
async function serve(outDir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.resume();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('vite preview did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child };
}

/** Launches Chromium; remembers its process id (a new child of this process) for CPU sampling. */
async function launch(executablePath, name, extraFlags) {
  const before = new Set(cpu.childPids());
  const browser = await chromium.launch({ executablePath, args: [...BASE_FLAGS, ...extraFlags] });
  const pids = cpu.childPids().filter((p) => !before.has(p));
  return { browser, name, flags: [...BASE_FLAGS, ...extraFlags], pid: pids.length === 1 ? pids[0] : null };
}

const INPAGE = readFileSync(path.join(ROOT, 'bench', 'inpage.js'), 'utf8');

/** A fresh context (no saved lab) and page on the app with ?debug=1. */
async function openApp(browser, baseUrl, backend = 'auto') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: INPAGE });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Full speed: the app measured as it trains flat out (slow motion is the first-visit default).
  await page.goto(`${baseUrl}/?debug=1&backend=${backend}&speed=full`);
  await page.waitForFunction(() => window.normlab && window.__bench, null, { timeout: 30_000 });
  await page.evaluate(() => window.__bench.setupLab({}));
  return { context, page, errors };
}

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
    runs.push(
      await page.evaluate(() => {
        const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
        const { canvasMs, trainEnabledMs } = window.__loadMarks;
        return {
          firstPaintMs: paint('first-paint'),
          firstContentfulPaintMs: paint('first-contentful-paint'),
          canvasMs,
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

const rate = (run) => (run ? perSecond(run.steps, run.ms) : null);

/** Runs `fn` and returns [its result, CPU % of a core per thread kind of the browser meanwhile]. */
async function withCpu(b, fn) {
  const before = cpu.snapshot(b.pid);
  const t0 = performance.now();
  const result = await fn();
  return [result, cpu.cpuPercent(before, cpu.snapshot(b.pid), performance.now() - t0)];
}

/**
 * Sections 1, 2, 5: the app against the bare loop, pair by pair in one page, the backends in
 * rotation within each round (so auto/each is paired too); round 0 is the warm-up.
 */
async function measureThroughput(b, baseUrl, workload, rotation) {
  const backends = rotation.filter((x) => !ONLY_BACKENDS || ONLY_BACKENDS.includes(x));
  const out = { backends };
  for (const name of backends) {
    out[name] = { app: [], bare: [], frames: [], heatmapMs: [], probeMs: [], cpu: [], errors: [] };
  }
  if (!backends.length) return summarizeThroughput(out, workload, b);
  const { context, page, errors } = await openApp(b.browser, baseUrl, 'auto');
  try {
    const first = await page.evaluate(
      (w) =>
        window.__bench.setupLab({
          graph: w.graph,
          data: w.data,
          hyper: w.hyper,
          backend: 'auto',
          panel: 'distributions',
        }),
      workload,
    );
    if (first.totalParams !== workload.params) {
      throw new Error(
        `the app built ${first.totalParams} weights for ${workload.id}, not ${workload.params}`,
      );
    }
    out.nTrain = first.nTrain;
    const windows = [PLAN.windowMs, PLAN.settleMs];
    for (let round = 0; round <= PLAN.rounds; round++) {
      const warm = round === 0;
      for (const name of backends) {
        const slot = out[name];
        try {
          const info = await page.evaluate((backend) => window.__bench.setupLab({ backend }), name);
          slot.backend = info.backend?.name ?? null;
          slot.reason = info.backend?.reason ?? null;
          slot.renderer = info.backend?.renderer ?? null;
          if (name !== 'auto' && slot.backend !== name) {
            throw new Error(`asked for ${name}, got ${slot.backend}: ${slot.reason}`);
          }
          const bareBackend = await page.evaluate(
            (w) =>
              window.__bench.bareSetup({
                hidden: w.hidden,
                batchSize: w.batchSize,
                learningRate: w.hyper.learningRate,
                readbackEvery: w.readbackEvery,
              }),
            { ...workload, readbackEvery: READBACK_EVERY },
          );
          if (bareBackend !== slot.backend)
            throw new Error(`bare loop on ${bareBackend}, app on ${slot.backend}`);
          const appRun = () =>
            withCpu(b, () => page.evaluate(([ms, s]) => window.__bench.appRun(ms, s), windows));
          const bareRun = () =>
            withCpu(b, () => page.evaluate(([ms, s]) => window.__bench.bareRun(ms, s), windows));
          // Alternate which goes first, so a drift in machine speed does not favour one side.
          let app;
          let bare;
          if (round % 2 === 0) {
            app = await appRun();
            bare = await bareRun();
          } else {
            bare = await bareRun();
            app = await appRun();
          }
          if (warm) continue;
          const [a, appCpu] = app;
          const [c, bareCpu] = bare;
          slot.app.push({ steps: a.steps, ms: a.ms, loss: a.loss });
          slot.bare.push({ steps: c.steps, ms: c.ms, loss: c.loss });
          slot.frames.push(...a.frames);
          slot.heatmapMs.push(a.diagnostics.heatmapMs);
          slot.probeMs.push(a.diagnostics.probeMs);
          slot.cpu.push({ app: appCpu, bare: bareCpu });
          slot.appTensors = a.diagnostics.numTensors;
        } catch (err) {
          slot.errors.push(`round ${round}: ${firstLine(err)}`);
          if (!warm) {
            slot.app.push(null);
            slot.bare.push(null);
          }
        }
        log(
          `${b.name} ${workload.id} round ${round}${warm ? ' (warm-up)' : ''} ${name}: ${describeLast(slot, warm)}`,
        );
      }
    }
    out.bareTensors = await page.evaluate(() => window.__bench.bareTensors());
  } finally {
    out.pageErrors = errors;
    await context.close();
  }
  return summarizeThroughput(out, workload, b);
}

function describeLast(slot, warm) {
  if (slot.errors.length && (warm || slot.app.at(-1) === null)) return `error: ${slot.errors.at(-1)}`;
  if (warm) return `${slot.backend}, warm-up done`;
  const a = rate(slot.app.at(-1));
  const c = rate(slot.bare.at(-1));
  return `${slot.backend} app ${a?.toFixed(1)} steps/s, bare ${c?.toFixed(1)} steps/s, ratio ${(a / c).toFixed(3)}`;
}

/** Median CPU % per thread kind over the windows of one side ('app' or 'bare'). */
function medianCpu(windows, side) {
  const kinds = new Set(windows.flatMap((w) => Object.keys(w[side])));
  return Object.fromEntries([...kinds].map((k) => [k, round2(median(windows.map((w) => w[side][k] ?? 0)))]));
}

function summarizeThroughput(raw, workload, b) {
  const rows = {};
  const autoRates = raw.auto?.app.map(rate) ?? [];
  for (const name of raw.backends) {
    const s = raw[name];
    const appRates = s.app.map(rate);
    const bareRates = s.bare.map(rate);
    const appSteps = median(appRates);
    const bareSteps = median(bareRates);
    rows[name] = {
      backend: s.backend ?? null,
      reason: s.reason ?? null,
      renderer: s.renderer ?? null,
      appStepsPerSec: appSteps,
      appSamplesPerSec: appSteps === null ? null : appSteps * workload.batchSize,
      bareStepsPerSec: bareSteps,
      bareSamplesPerSec: bareSteps === null ? null : bareSteps * workload.batchSize,
      appOverBare: medianRatio(appRates, bareRates),
      appOverBarePairs: pairRatios(appRates, bareRates),
      autoOverThis: raw.auto ? medianRatio(autoRates, appRates) : null,
      heatmapMs: median(s.heatmapMs),
      probeMs: median(s.probeMs),
      frames: distribution(s.frames),
      cpuPercent: s.cpu.length ? { app: medianCpu(s.cpu, 'app'), bare: medianCpu(s.cpu, 'bare') } : null,
      appTensorsAtEnd: s.appTensors ?? null,
      runs: { app: s.app, bare: s.bare },
      errors: s.errors,
    };
  }
  return {
    id: workload.id,
    label: workload.label,
    browser: b.name,
    batchSize: workload.batchSize,
    params: workload.params,
    nTrain: raw.nTrain ?? null,
    bareTensorsAtEnd: raw.bareTensors ?? null,
    pageErrors: raw.pageErrors ?? [],
    backends: rows,
  };
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
      out[dataset] = {
        backend: setup.backend?.name ?? null,
        medianMs: all ? median(runs.map((r) => r.ms)) : null,
        medianStep: all ? median(runs.map((r) => r.step)) : null,
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
        results.throughput.push(await measureThroughput(e2e, server.url, w, PLAN.backends[w.id]));
      }
      for (const w of WORKLOADS) {
        if (ONLY_WORKLOADS && !ONLY_WORKLOADS.includes(w.id)) continue;
        if (!PLAN.swiftshaderBackends[w.id].length) continue;
        results.throughputSwiftShader.push(
          await measureThroughput(gl, server.url, w, PLAN.swiftshaderBackends[w.id]),
        );
      }
    });
    await section(results, 'frames', async () => {
      results.frames = await measureFrames(e2e.browser, server.url);
    });
    await section(results, 'memory', async () => {
      results.memory = await measureMemory(e2e.browser, server.url);
    });
    await section(results, 'accuracy', async () => {
      results.accuracy = await measureAccuracy(e2e.browser, server.url);
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
  results.seconds = Math.round((performance.now() - started) / 100) / 10;
  results.targets = evaluateTargets(results);
  const markdown = renderMarkdown(results);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${path.relative(process.cwd(), path.join(OUT_DIR, 'latest.json'))} and latest.md`);
  process.exitCode = results.errors.length ? 1 : 0;
}

await main();
