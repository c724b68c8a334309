import type {
  BackendInfo,
  BackendPref,
  ModelExportRequest,
  ModelExportResult,
  NodeWeights,
  TrainEvent,
  WorkerApi,
} from '../train/protocol';
import { type AutoBackend, type AutoBackendOptions, connectAutoBackend } from './autoBackend';
import { changedDataSettings } from './dataChanges';
import { dataMissing } from './dataSlice';
import { answerOrGiveUp } from './engineReadback';
import { lessonBlockedReason, lessonStopStep } from './lessonGate';
import { loadKey } from './modelKey';
import { probeRequestOf } from './panelNodes';
import { selectAnalysis } from './selectors';
import type { AppStore } from './store';
import { configOf, readWeightsOrGiveUp } from './trainerConfig';
import type { AppState } from './types';

export { WEIGHTS_TIMEOUT_MS } from './trainerConfig';

/** The training engine as the UI sees it (the worker, through comlink; a fake in tests). */
/** WorkerApi methods a test's fake engine may leave out (only the real worker implements them). */
type OptionalEngineMethods = 'setPlane' | 'loseGpuContext' | 'diagnostics';
/** WorkerApi methods of other workers: the sweep's (sweepBridge) and auto's racer (autoBackend). */
type OtherWorkersMethods = 'sweep' | 'raceTime';

/**
 * The training engine as the UI sees it: the worker's own API (through comlink; a fake in
 * tests), so a new worker method is declared once, in src/train/protocol.ts.
 */
export type TrainerClient = Omit<WorkerApi, OptionalEngineMethods | OtherWorkersMethods> &
  Partial<Pick<WorkerApi, OptionalEngineMethods>>;

export interface TrainerCommands {
  /** Starts training; with `untilStep`, it stops by itself at that step (else at a lesson's budget). */
  train(untilStep?: number): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** The model's live weights, after any queued work (null when no model is loaded). */
  weights(): Promise<NodeWeights | null>;
  /** The model as TF.js files, after any queued work (null when no model is loaded or no answer came). */
  exportModel(request: ModelExportRequest): Promise<ModelExportResult | null>;
  /** Resolves when every queued call to the engine has finished (tests). */
  idle(): Promise<void>;
  disconnect(): void;
}

/** A model export may take longer than a readback: it compiles a copy and reads every weight. */
const EXPORT_TIMEOUT_MS = 20_000;

/** A run carried from one backend to another. */
interface CarriedRun {
  readonly weights: NodeWeights;
  readonly step: number;
  readonly history: AppState['lossHistory'];
  readonly groups: AppState['groupLosses'];
  readonly wasRunning: boolean;
  readonly from: BackendInfo | null;
}

/**
 * Connects the store to a training engine: rebuilds the model (debounced) when the graph or
 * data change, forwards hyperparameters, re-initializes on a backend change, and turns engine
 * events into store updates. Calls to the engine are queued so they never interleave.
 */
export function connectTrainer(
  store: AppStore,
  client: TrainerClient,
  debounceMs = 150,
  autoOptions?: AutoBackendOptions,
): TrainerCommands {
  let queue: Promise<unknown> = Promise.resolve();
  /** Auto's measured backend choice (none without a racer: auto is then WASM, else CPU). */
  let auto: AutoBackend | null = null;
  let loadedKey = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** False until init succeeds, and after the engine fails: nothing is loaded into a dead engine. */
  let engineUp = false;
  const st = () => store.getState();
  const fail = (text: string) => {
    st().setStatus('failed');
    st().setFailure(text);
    st().notify('error', text);
  };
  const enqueue = (fn: () => Promise<unknown>) => {
    queue = queue.then(fn).catch((err: unknown) => {
      engineUp = false;
      fail(
        `The training engine failed: ${err instanceof Error ? err.message : String(err)}. Choose another backend or reload the page.`,
      );
    });
    return queue;
  };

  const onEvent = (e: TrainEvent) => {
    const s = st();
    switch (e.type) {
      case 'metrics':
        s.applyMetrics(e.metrics);
        break;
      case 'heatmap':
        s.applyHeatmap(e.heatmap);
        break;
      case 'status':
        if (s.status === 'running' || s.status === 'ready') s.setStatus(e.running ? 'running' : 'ready');
        break;
      case 'diverged':
        // Shown next to Train (role alert) until Reset; no second copy as a toast.
        s.setTrainingProblem(e.message, { kind: 'diverged' });
        break;
      case 'error':
        // The weights are intact: shown beside Train (and on the node to blame) until Train or Reset.
        s.setTrainingProblem(e.message, { kind: 'error', nodeId: e.nodeId ?? null });
        break;
      case 'backend':
        s.setBackend(e.backend);
        break;
      case 'notice':
        s.notify('error', e.message);
        break;
      case 'distributions':
      case 'affine':
      case 'batchDependence':
      case 'warp':
      case 'probeError':
        s.applyProbeEvent(e);
        break;
      case 'health':
        s.applyHealth(e.sample);
        break;
    }
  };

  /** Trained weights from an imported file or the autosave go into the model once it is built. */
  const applyPendingWeights = async () => {
    const pending = st().takePendingWeights();
    if (!pending) return;
    await client.pause();
    const problem = await client.setWeights(pending.weights, pending.step ?? undefined);
    if (problem) st().notify('error', `The lab loaded, but not its trained weights: ${problem}`);
    else {
      const from = pending.step === null ? 'from an unknown step' : `trained to step ${pending.step}`;
      st().notify('info', `Loaded the trained weights (${from}); training goes on from there.`);
    }
  };

  const load = async () => {
    const s = st();
    const key = loadKey(s);
    if (!engineUp) return;
    // The same model as loaded (e.g. a file of this very graph): only its weights may be new.
    if (key === loadedKey) {
      if (s.status === 'ready' || s.status === 'running') await applyPendingWeights();
      return;
    }
    loadedKey = key;
    // An invalid graph, or imported data whose rows are not here (a link names its file): nothing to train.
    if (!selectAnalysis(s).valid || dataMissing(s)) {
      await client.pause();
      st().setStatus('invalid');
      st().clearRun(null);
      return;
    }
    s.setStatus('loading');
    s.clearRun(null);
    s.clearProbes();
    const config = configOf(s);
    const res = await client.load(config);
    if (res.ok) {
      // The step-0 metrics and boundary arrived (as events) before this reply.
      st().setCompiledParams(res.paramCounts);
      st().setStatus('ready');
      await applyPendingWeights();
      auto?.afterLoad(config, res.totalParams);
    } else {
      fail(`The model could not be built: ${res.message}`);
    }
  };

  /**
   * The run as it stands (weights, step, curve), read before the engine is replaced, so a new
   * backend continues it instead of starting over. Null when there is nothing trained to keep.
   */
  const captureRun = async (): Promise<CarriedRun | null> => {
    const s = st();
    const step = s.metrics?.step ?? 0;
    if (!engineUp || !(s.status === 'ready' || s.status === 'running') || step === 0 || s.trainingProblem) {
      return null;
    }
    const wasRunning = s.status === 'running';
    await client.pause();
    const weights = await readWeightsOrGiveUp(client);
    if (!weights) return null;
    return {
      weights,
      step: st().metrics?.step ?? step,
      history: st().lossHistory,
      groups: st().groupLosses,
      wasRunning,
      from: s.backend,
    };
  };

  /** Puts a captured run into the freshly built model on the new backend, and says so. */
  const restoreRun = async (run: CarriedRun) => {
    if (st().status !== 'ready' || loadedKey !== loadKey(st())) return;
    st().setLossHistory(run.history, run.groups);
    const problem = await client.setWeights(run.weights, run.step);
    const to = st().backend?.name.toUpperCase() ?? 'the new backend';
    if (problem) {
      st().notify(
        'error',
        `Moved to ${to}, but the trained weights could not come along (${problem}); training restarts.`,
      );
      return;
    }
    st().notify('info', `Moved to ${to} with the trained weights: the run goes on from step ${run.step}.`);
    if (run.wasRunning) {
      st().setStatus('running');
      await client.start();
    }
  };

  /** (Re)starts the engine on `pref`, carrying the run over; `reason` words the badge when it starts. */
  const init = async (pref: BackendPref, reason?: string) => {
    const carried = await captureRun();
    engineUp = false;
    st().setStatus('starting');
    st().setFailure(null);
    st().setBackend(null);
    const info = await client.init(pref, onEvent);
    st().setBackend(reason !== undefined && info.name === pref ? { ...info, reason } : info);
    engineUp = true;
    loadedKey = '';
    await load();
    if (carried) await restoreRun(carried);
  };

  /** The open panels' wishes, sent whenever they change (the worker keeps them across rebuilds). */
  let probeKey = '';
  const sendProbes = (s: AppState) => {
    const request = probeRequestOf(s);
    const key = JSON.stringify(request);
    if (key === probeKey) return;
    probeKey = key;
    enqueue(() => client.setProbes(request));
  };

  /** A data change starts the run over: say so, with what was there, and how to get it back. */
  const sayDataRestart = (prev: AppState, s: AppState) => {
    const step = prev.metrics?.step ?? 0;
    if (step === 0) return;
    const acc = prev.metrics?.testAccuracy;
    const where =
      acc === null || acc === undefined
        ? `step ${step}`
        : `step ${step}, ${(acc * 100).toFixed(1)}% test accuracy`;
    const what = changedDataSettings(prev.data, s.data);
    s.notify(
      'info',
      `${what} changed, so training starts again from step 0 on the new data (the run was at ${where}). Undo (Ctrl+Z) brings the previous settings back.`,
    );
  };

  if (autoOptions)
    auto = connectAutoBackend(store, autoOptions, { move: (to, why) => enqueue(() => init(to, why)) });
  enqueue(() => init(st().backendPref));
  enqueue(() => client.setSpeed(st().speed));
  sendProbes(st());
  const unsubscribe = store.subscribe((s, prev) => {
    sendProbes(s);
    if (s.backendPref !== prev.backendPref) {
      enqueue(() => init(s.backendPref));
      return;
    }
    if (s.data !== prev.data && s.graph === prev.graph && !s.pendingWeights) sayDataRestart(prev, s);
    const newData = s.data !== prev.data || s.dataset !== prev.dataset;
    if (s.graph !== prev.graph || newData || (s.pendingWeights && !prev.pendingWeights)) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        enqueue(load);
      }, debounceMs);
    }
    if (s.hyper !== prev.hyper) enqueue(() => client.setHyper(s.hyper));
    if (s.plane !== prev.plane && client.setPlane) {
      const { plane } = s;
      enqueue(async () => client.setPlane?.(plane));
    }
    // Not queued behind a long call: the speed of a running loop changes at once.
    if (s.speed !== prev.speed) void client.setSpeed(s.speed);
  });

  const ready = () => st().status === 'ready' || st().status === 'running';
  /** A lesson's prediction comes first: Train and Step wait for an answer (and say so). */
  const refusedByLesson = () => {
    const why = lessonBlockedReason(st());
    if (why) st().notify('info', why);
    return why !== null;
  };
  /** A divergence (NaN weights) blocks Train and Step until Reset; an error does not. */
  const blockedByProblem = () => st().trainingProblemKind === 'diverged';
  /** A new Train or Reset answers the last error message; it should not linger over the canvas. */
  const dismissError = () => {
    if (st().notice?.kind === 'error') st().dismissNotice();
  };
  /** An edit still inside its debounce window is loaded now, so a command never acts on the old model. */
  const flushPendingLoad = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    enqueue(load);
  };
  /** Reads from the engine after any queued work and pending edit, once a model is loaded (else null). */
  const whenReady = <T>(read: (c: TrainerClient) => Promise<T | null>) =>
    new Promise<T | null>((resolve) => {
      flushPendingLoad();
      void enqueue(async () => resolve(ready() ? await read(client) : null)).then(() => resolve(null));
    });
  return {
    train: (untilStep) => {
      // An edit still waiting to load (perhaps the one that fixed the graph) decides, not the old status.
      if ((!ready() && !timer) || blockedByProblem() || refusedByLesson()) return;
      flushPendingLoad();
      dismissError();
      st().setTrainingProblem(null);
      if (ready()) st().setStatus('running');
      enqueue(async () => {
        // The flushed load may have found the graph invalid or failed: then there is nothing to start.
        if (st().status !== 'running' && st().status !== 'ready') return;
        st().setStatus('running');
        await client.start(Number.isInteger(untilStep) ? untilStep : lessonStopStep(st()));
      });
    },
    pause: () => {
      enqueue(() => client.pause());
    },
    step: () => {
      if ((st().status !== 'ready' && !timer) || blockedByProblem() || refusedByLesson()) return;
      flushPendingLoad();
      st().setTrainingProblem(null);
      enqueue(async () => {
        if (st().status === 'ready') await client.step();
      });
    },
    reset: () => {
      if (!ready()) return;
      dismissError();
      enqueue(async () => {
        await client.pause();
        st().clearRun(st().compiledParams);
        st().setStatus('ready');
        await client.reset();
      });
    },
    weights: () => whenReady(readWeightsOrGiveUp),
    exportModel: (request) =>
      whenReady((c) => answerOrGiveUp(() => c.exportModel(request), EXPORT_TIMEOUT_MS)),
    idle: async () => {
      let current: Promise<unknown>;
      do {
        while (timer) await new Promise((r) => setTimeout(r, debounceMs));
        current = queue;
        await current;
        await auto?.idle();
      } while (current !== queue || timer);
    },
    disconnect: () => {
      unsubscribe();
      auto?.dispose();
      if (timer) clearTimeout(timer);
      void client.dispose();
    },
  };
}
