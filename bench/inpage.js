// Runs inside the app page (added with page.addInitScript before the app loads): helpers that
// drive the app through its ?debug=1 hook (window.normlab) and the bare-loop worker, and a
// requestAnimationFrame recorder. Plain browser JavaScript; bench/run.mjs calls window.__bench.
(() => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(predicate, timeoutMs, what) {
    const t0 = performance.now();
    while (!predicate()) {
      if (performance.now() - t0 > timeoutMs)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(20);
    }
  }

  /**
   * The tfjs workers' CPU time so far (ns, a promise), read by the benchmark from /proc at the
   * moment of the call (page.exposeFunction in bench/throughput.mjs); null where it is not exposed.
   */
  const workerCpuNs = () => (window.__benchWorkerCpuNs ? window.__benchWorkerCpuNs() : Promise.resolve(null));

  const app = () => {
    if (!window.normlab) throw new Error('window.normlab is missing: open the app with ?debug=1');
    return window.normlab;
  };
  const state = () => app().store.getState();

  // Frame intervals: requestAnimationFrame deltas while recording.
  let generation = 0;
  let deltas = [];
  function startFrames() {
    const mine = ++generation;
    deltas = [];
    let last = 0;
    const tick = (t) => {
      if (mine !== generation) return;
      if (last) deltas.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  function stopFrames() {
    generation++;
    return deltas;
  }
  async function recordFrames(ms) {
    startFrames();
    await sleep(ms);
    return stopFrames();
  }
  /** Frame intervals over `ms`, and the main thread's long tasks (≥ 50 ms) meanwhile, in ms. */
  async function recordFramesAndLongTasks(ms) {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    try {
      return { frames: await recordFrames(ms), longTasks };
    } finally {
      observer.disconnect();
    }
  }

  /** Loads a lab (graph, data, hyperparameters, backend, open panel) and waits until it is built. */
  async function setupLab({ graph, data, hyper, backend, panel }) {
    const s = state();
    if (backend && s.backendPref !== backend) s.setBackendPref(backend);
    if (graph) s.setGraph(graph);
    if (data) s.setData(data);
    if (hyper) s.setHyper(hyper);
    if (panel !== undefined) s.setOpenPanel(panel);
    await app().trainer.idle();
    await until(() => state().status === 'ready', 60_000, 'the model to be built');
    const after = state();
    return {
      backend: after.backend,
      totalParams: Object.values(after.compiledParams ?? {}).reduce((a, b) => a + b, 0),
      nTrain: after.dataset.yTrain.length,
    };
  }

  /**
   * Trains with the app for about `ms` and at least `minSteps` steps (after `settleMs`) and returns
   * the throughput measured from
   * the worker's metrics events, the frame intervals meanwhile, and the worker's diagnostics
   * (taken while still running), then pauses.
   */
  async function appRun(ms, settleMs, minSteps = 0) {
    const { store, trainer } = app();
    if (state().trainingProblem) trainer.reset();
    await trainer.idle();
    const samples = [];
    // The workers' CPU time at each sample (bench/throughput.mjs exposes the reader; null elsewhere).
    const cpuAt = [];
    // The worker loop's own totals when the measured window opens (where its time went, by activity).
    let loopAtStart = null;
    let from = Number.POSITIVE_INFINITY;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.metrics && s.metrics !== prev.metrics && s.status === 'running') {
        const now = performance.now();
        samples.push([now, s.metrics.step]);
        cpuAt.push(workerCpuNs());
        if (!loopAtStart && now >= from) loopAtStart = app().diagnostics();
      }
    });
    try {
      const t0 = performance.now();
      trainer.train();
      startFrames();
      from = t0 + settleMs;
      const measured = () => samples.filter(([t]) => t >= from);
      // Slow backends report seconds apart (a whole group of steps between reports).
      const deadline = t0 + settleMs + 3 * ms + 120_000;
      for (;;) {
        const m = measured();
        const spanned = m.length >= 2 && m[m.length - 1][0] - m[0][0] >= ms;
        if (spanned && m[m.length - 1][1] - m[0][1] >= minSteps) break;
        if (state().status !== 'running' && performance.now() - t0 > 1000) {
          throw new Error(`training stopped: ${state().trainingProblem ?? state().status}`);
        }
        if (performance.now() > deadline) throw new Error('the app reported too few metrics in time');
        await sleep(20);
      }
      const diagnostics = await app().diagnostics();
      const frames = stopFrames();
      const m = measured();
      const first = samples.indexOf(m[0]);
      const last = samples.indexOf(m[m.length - 1]);
      const [ta, sa] = m[0];
      const [tb, sb] = m[m.length - 1];
      const [c0, c1] = await Promise.all([cpuAt[first], cpuAt[last]]);
      const cpuMs = c0 === null || c1 === null ? null : (c1 - c0) / 1e6;
      return {
        steps: sb - sa,
        ms: tb - ta,
        cpuMs,
        loss: state().metrics?.trainLoss ?? null,
        frames,
        diagnostics,
        loopBefore: (await loopAtStart)?.loop ?? null,
      };
    } finally {
      stopFrames();
      unsubscribe();
      trainer.pause();
      await trainer.idle();
    }
  }

  let bare = null;
  /** Starts (once) the bare-loop worker and loads the model on the backend the app runs now. */
  async function bareSetup({ hidden, batchSize, learningRate, readbackEvery }) {
    if (!bare) bare = await app().bench();
    const s = state();
    const backend = await bare.init(s.backend.name);
    await bare.load({
      hidden,
      x: s.dataset.xTrain,
      y: s.dataset.yTrain,
      batchSize,
      learningRate,
      seed: s.data.seed,
      readbackEvery,
    });
    return backend;
  }
  /** A bare-loop run, with the same frame recorder as appRun so both pay for it alike. */
  async function bareRun(ms, settleMs, minSteps = 0) {
    startFrames();
    try {
      if (settleMs > 0) await bare.run(settleMs);
      const c0 = await workerCpuNs();
      const run = await bare.run(ms);
      // A slow net runs on until it has done minSteps too (each run ends with one readback).
      while (run.steps < minSteps) {
        const more = await bare.run(Math.min(ms, 1000));
        run.steps += more.steps;
        run.ms += more.ms;
        run.loss = more.loss;
      }
      const c1 = await workerCpuNs();
      const cpuMs = c0 === null || c1 === null ? null : (c1 - c0) / 1e6;
      return { ...run, cpuMs, frames: stopFrames() };
    } finally {
      stopFrames();
    }
  }
  const bareTensors = () => bare.numTensors();

  /** Trains until the step count reaches `steps`, then pauses; returns the diagnostics (paused). */
  async function trainTo(steps, timeoutMs) {
    const { trainer } = app();
    trainer.train();
    await until(
      () => (state().metrics?.step ?? 0) >= steps || state().trainingProblem,
      timeoutMs,
      `step ${steps}`,
    );
    trainer.pause();
    await trainer.idle();
    if (state().trainingProblem) throw new Error(state().trainingProblem);
    return { step: state().metrics?.step ?? 0, ...(await app().diagnostics()) };
  }

  /**
   * Trains from the model's initial weights until the test accuracy reported reaches `target`;
   * returns the time from Train to that report as the page saw it, its step, and the worker's
   * recorded crossing (Metrics.crossings: step and training ms), or null fields on timeout.
   */
  async function timeToAccuracy(target, timeoutMs) {
    const { store, trainer } = app();
    trainer.reset();
    await trainer.idle();
    let hit = null;
    const t0 = performance.now();
    const unsubscribe = store.subscribe((s) => {
      if (!hit && s.status === 'running' && (s.metrics?.testAccuracy ?? 0) >= target) {
        // The worker's own record of the crossing: the report's step and its training time (ms).
        const crossing = s.metrics.crossings?.find((c) => c.threshold === target) ?? null;
        hit = {
          ms: performance.now() - t0,
          step: s.metrics.step,
          accuracy: s.metrics.testAccuracy,
          crossing,
        };
      }
    });
    trainer.train();
    try {
      await until(() => hit || state().trainingProblem, timeoutMs, `test accuracy ${target}`);
    } catch {
      // reported as not reached
    } finally {
      unsubscribe();
      trainer.pause();
      await trainer.idle();
    }
    return (
      hit ?? {
        ms: null,
        step: state().metrics?.step ?? null,
        accuracy: state().metrics?.testAccuracy ?? null,
      }
    );
  }

  // UI latency: the time from a person's input (the event's own timestamp) to the first animation
  // frame whose DOM shows the result. Armed before the input, so nothing is missed.
  const lastEvent = {};
  for (const type of ['pointerdown', 'input']) {
    window.addEventListener(type, (e) => (lastEvent[type] = e.timeStamp), { capture: true });
  }
  const text = (selector) => document.querySelector(selector)?.textContent ?? '';
  /** What "the UI reflects it" means for each measured input. */
  const SHOWN = {
    inspector: (id) => text('[aria-label="Inspector"] h2').includes(`(${id})`),
    nodeText: ([id, t]) => text(`[data-testid="node-${id}"]`).includes(t),
    trainButton: () =>
      [...document.querySelectorAll('.run-buttons button')].some((b) => b.textContent?.trim() === 'Train'),
  };
  let pending = null;

  /**
   * Arms a latency measurement: after the next `eventType` input, the first animation frame in
   * which SHOWN[kind](arg) holds. For Pause it also records when the store left 'running' (the
   * worker's status event). Read the result with latencyResult().
   */
  function armLatency(kind, arg, eventType, timeoutMs = 60_000) {
    lastEvent[eventType] = null;
    const t0 = performance.now();
    let stoppedAt = null;
    const unsubscribe = app().store.subscribe((s, prev) => {
      if (stoppedAt === null && prev.status === 'running' && s.status !== 'running')
        stoppedAt = performance.now();
    });
    pending = new Promise((resolve) => {
      // Checked at the start of each frame, before it is painted; the time is read then (the
      // frame's own timestamp can precede an input handled during that frame).
      const frame = () => {
        const eventAt = lastEvent[eventType];
        if (eventAt !== null && SHOWN[kind](arg)) {
          unsubscribe();
          resolve({
            ms: performance.now() - eventAt,
            statusMs: stoppedAt === null ? null : stoppedAt - eventAt,
          });
        } else if (performance.now() - t0 > timeoutMs) {
          unsubscribe();
          resolve({ ms: null, statusMs: null, timedOut: true });
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }
  const latencyResult = () => pending;

  window.__bench = {
    armLatency,
    latencyResult,
    sleep,
    recordFrames,
    recordFramesAndLongTasks,
    setupLab,
    appRun,
    bareSetup,
    bareRun,
    bareTensors,
    trainTo,
    timeToAccuracy,
  };
})();
