// Sections 1, 2 and 5 of the benchmark: the app's training throughput against a bare tfjs loop
// on the same backend in the same page, backends in rotation, with frames, refresh times and CPU.
import * as cpu from './cpu.mjs';
import { firstLine, log, openApp, round2 } from './harness.mjs';
import { distribution, loopShares, median, medianRatio, pairRatios, perSecond } from './stats.mjs';

const rate = (run) => (run ? perSecond(run.steps, run.ms) : null);
/** Steps per second of the workers' CPU time (null where /proc gives none). */
const cpuRate = (run) => (run && run.cpuMs > 0 ? perSecond(run.steps, run.cpuMs) : null);

/** Runs `fn` and returns [its result, CPU % of a core per thread kind of the browser meanwhile]. */
async function withCpu(b, fn) {
  const before = cpu.snapshot(b.pid);
  const t0 = performance.now();
  const result = await fn();
  return [result, cpu.cpuPercent(before, cpu.snapshot(b.pid), performance.now() - t0)];
}

/**
 * The app against the bare loop for one workload, pair by pair in one page, the backends in
 * rotation within each round (so auto/each is paired too); round 0 is the warm-up. `plan` gives
 * rounds, windowMs, minSteps (a window lasts windowMs and at least this many steps), settleMs and
 * readbackEvery; `onlyBackends` narrows the rotation. Each window also records the workers' CPU
 * time (from /proc on Linux), so each pair gives a ratio of steps per worker CPU-second too.
 */
export async function measureThroughput(b, baseUrl, workload, rotation, plan, onlyBackends) {
  const backends = rotation.filter((x) => !onlyBackends || onlyBackends.includes(x));
  const out = { backends };
  for (const name of backends) {
    out[name] = { app: [], bare: [], frames: [], heatmapMs: [], probeMs: [], cpu: [], loop: [], errors: [] };
  }
  if (!backends.length) return summarizeThroughput(out, workload, b);
  const { context, page, errors } = await openApp(b.browser, baseUrl, 'auto');
  // The workers' CPU time, read from /proc when the page asks (inpage.js marks each window's ends).
  let workerFiles = [];
  await page.exposeFunction('__benchWorkerCpuNs', () => cpu.workerCpuNs(workerFiles));
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
    const windows = [plan.windowMs, plan.settleMs, plan.minSteps ?? 0];
    for (let round = 0; round <= plan.rounds; round++) {
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
            { ...workload, readbackEvery: plan.readbackEvery },
          );
          if (bareBackend !== slot.backend)
            throw new Error(`bare loop on ${bareBackend}, app on ${slot.backend}`);
          // Both workers exist now (the app's and the bare loop's); only one trains at a time.
          workerFiles = cpu.workerThreadFiles(b.pid);
          const appRun = () =>
            withCpu(b, () => page.evaluate(([ms, s, n]) => window.__bench.appRun(ms, s, n), windows));
          const bareRun = () =>
            withCpu(b, () => page.evaluate(([ms, s, n]) => window.__bench.bareRun(ms, s, n), windows));
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
          slot.app.push({ steps: a.steps, ms: a.ms, cpuMs: a.cpuMs, loss: a.loss });
          slot.bare.push({ steps: c.steps, ms: c.ms, cpuMs: c.cpuMs, loss: c.loss });
          slot.frames.push(...a.frames);
          slot.heatmapMs.push(a.diagnostics.heatmapMs);
          slot.probeMs.push(a.diagnostics.probeMs);
          slot.loop.push(loopShares(a.loopBefore, a.diagnostics.loop));
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
  const ac = cpuRate(slot.app.at(-1));
  const cc = cpuRate(slot.bare.at(-1));
  const perCpu = ac && cc ? `, per worker CPU-second ${(ac / cc).toFixed(3)}` : '';
  return `${slot.backend} app ${a?.toFixed(1)} steps/s, bare ${c?.toFixed(1)} steps/s, ratio ${(a / c).toFixed(3)}${perCpu}`;
}

/** Median CPU % per thread kind over the windows of one side ('app' or 'bare'). */
function medianCpu(windows, side) {
  const kinds = new Set(windows.flatMap((w) => Object.keys(w[side])));
  return Object.fromEntries([...kinds].map((k) => [k, round2(median(windows.map((w) => w[side][k] ?? 0)))]));
}

/** Median share of the app worker's loop per activity over the windows (null when none was read). */
function medianShares(list) {
  const ok = list.filter(Boolean);
  if (!ok.length) return null;
  const keys = ['stepsShare', 'metricsShare', 'heatmapShare', 'probeShare'];
  return Object.fromEntries(keys.map((k) => [k, median(ok.map((x) => x[k]))]));
}

function summarizeThroughput(raw, workload, b) {
  const rows = {};
  const autoRates = raw.auto?.app.map(rate) ?? [];
  for (const name of raw.backends) {
    const s = raw[name];
    const appRates = s.app.map(rate);
    const bareRates = s.bare.map(rate);
    const appCpuRates = s.app.map(cpuRate);
    const bareCpuRates = s.bare.map(cpuRate);
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
      appStepsPerCpuSec: median(appCpuRates),
      bareStepsPerCpuSec: median(bareCpuRates),
      appOverBareCpu: medianRatio(appCpuRates, bareCpuRates),
      appOverBareCpuPairs: pairRatios(appCpuRates, bareCpuRates),
      autoOverThis: raw.auto ? medianRatio(autoRates, appRates) : null,
      heatmapMs: median(s.heatmapMs),
      probeMs: median(s.probeMs),
      frames: distribution(s.frames),
      cpuPercent: s.cpu.length ? { app: medianCpu(s.cpu, 'app'), bare: medianCpu(s.cpu, 'bare') } : null,
      loopShares: medianShares(s.loop),
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
