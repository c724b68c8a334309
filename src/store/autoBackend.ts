/**
 * "Auto" picks the faster backend by measuring it on the person's own machine: training starts on
 * WASM at once; once a model is built, a second short-lived worker (the racer) times the same
 * model on WebGL (shaders warmed first) and on WASM, and training moves to WebGL, carrying the
 * run over, only when WebGL is clearly faster (RACE_MARGIN). The verdict is remembered per model
 * size in localStorage. The decisions themselves are pure (autoRace.ts).
 */
import type { BackendTiming, SessionConfig } from '../train/protocol';
import {
  decide,
  planRace,
  RACE_MS,
  type RaceResult,
  racingReason,
  readVerdicts,
  sizeBucket,
  VERDICTS_KEY,
  type Verdict,
  verdictReason,
  writeVerdicts,
} from './autoRace';
import type { LabStorage } from './autosave';
import type { AppStore } from './store';

/** The racing engine as the store sees it (a second worker; a fake in tests). */
export interface BackendRacer {
  /** Times `config` on `backend` for about `ms` after a warm-up; rejects when it cannot. */
  time(
    backend: 'webgl' | 'wasm',
    config: SessionConfig,
    ms: number,
    allowSoftware: boolean,
  ): Promise<BackendTiming>;
  /** Ends the racer (terminates its worker). */
  dispose(): void;
}

/** How auto races: the racer to start, where verdicts are kept, and the race's timing. */
export interface AutoBackendOptions {
  /** Starts a racer for one race; it is disposed when the race ends, whatever happened. */
  readonly racer: () => BackendRacer;
  /** Where verdicts are remembered (localStorage). */
  readonly storage: LabStorage;
  /** Race on software WebGL too (`?race=force`: the benchmark and e2e on machines without a GPU). */
  readonly force?: boolean;
  /** How long each backend is timed (ms); RACE_MS by default. */
  readonly raceMs?: number;
  /** A backend whose timing has not answered after this long (ms) counts as failed. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/** What auto needs from the trainer bridge. */
export interface AutoBackendHooks {
  /** Moves training to `to`, carrying the run over, with `reason` on the badge; resolves when done. */
  move(to: 'webgl' | 'wasm', reason: string): Promise<unknown>;
}

/** Auto's measured choice as the trainer bridge drives it. */
export interface AutoBackend {
  /** A model was built (its config and weight count): apply a remembered verdict, or race. */
  afterLoad(config: SessionConfig, totalParams: number): void;
  /** Resolves when no race or move is in flight (tests). */
  idle(): Promise<void>;
  dispose(): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Software WebGL compiles its shaders for 10-20 s: a timing still silent after a minute has hung. */
export const RACE_TIMEOUT_MS = 60_000;

/** `p`, or a rejection once `ms` have passed (the timer is cleared either way). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Connects auto's measured choice to the store; `hooks.move` goes through the bridge's queue. */
export function connectAutoBackend(
  store: AppStore,
  options: AutoBackendOptions,
  hooks: AutoBackendHooks,
): AutoBackend {
  const { storage, force = false, raceMs = RACE_MS, timeoutMs = RACE_TIMEOUT_MS, now = Date.now } = options;
  const st = () => store.getState();
  /** The model built last: the one a verdict must fit to be applied. */
  let current: { bucket: string; config: SessionConfig } | null = null;
  let race: Promise<void> | null = null;
  let racer: BackendRacer | null = null;
  let moving: Promise<void> | null = null;
  let disposed = false;

  const stored = () => {
    try {
      return storage.getItem(VERDICTS_KEY);
    } catch {
      return null;
    }
  };
  const renderer = () => st().backend?.renderer ?? '';
  const remembered = (bucket: string) => readVerdicts(stored(), renderer())[bucket];
  const remember = (bucket: string, verdict: Verdict) => {
    try {
      storage.setItem(VERDICTS_KEY, writeVerdicts(stored(), renderer(), bucket, verdict));
    } catch {
      // Storage refused or full: the verdict holds for this session only (the race may run again).
    }
  };
  const relabel = (reason: string) => {
    const backend = st().backend;
    if (backend && backend.reason !== reason) st().setBackend({ ...backend, reason });
  };

  /** Runs on the verdict's backend: a move (carrying the run) or only the badge's words. */
  const apply = async (verdict: Verdict, fromMemory: boolean, bucket: string) => {
    const reason = verdictReason(verdict, fromMemory);
    if (st().backend?.name === verdict.winner) return relabel(reason);
    await hooks.move(verdict.winner, reason);
    if (verdict.winner === 'webgl' && st().backend?.name !== 'webgl') {
      // WebGL raced fine but would not start in the training worker: WASM for this size from now on.
      const error = 'WebGL failed to start in the training worker';
      remember(bucket, { winner: 'wasm', wasm: verdict.wasm, webgl: null, error, at: now() });
    }
  };

  /** Times WebGL, then WASM, in a fresh racer; any failure is a result too (WASM stays). */
  const timeBoth = async (config: SessionConfig): Promise<RaceResult> => {
    const r = options.racer();
    racer = r;
    try {
      let webgl: BackendTiming;
      try {
        webgl = await within(r.time('webgl', config, raceMs, force), timeoutMs);
      } catch (err) {
        return { ok: false, failed: 'webgl', error: message(err) };
      }
      try {
        return { ok: true, webgl, wasm: await within(r.time('wasm', config, raceMs, force), timeoutMs) };
      } catch (err) {
        return { ok: false, failed: 'wasm', error: message(err) };
      }
    } finally {
      racer = null;
      r.dispose();
    }
  };

  /** One race for `target`; true when the model changed meanwhile (plan again for the new one). */
  const runRace = async (target: { bucket: string; config: SessionConfig }): Promise<boolean> => {
    const on = st().backend?.name;
    if (on === 'webgl' || on === 'wasm') relabel(racingReason(on));
    const result = await timeBoth(target.config);
    if (disposed) return false;
    const verdict = decide(result, now());
    // A WASM that could not be timed says nothing about this size: not remembered.
    if (result.ok || result.failed === 'webgl') remember(target.bucket, verdict);
    if (st().backendPref !== 'auto') return false;
    if (current?.bucket !== target.bucket) return true;
    await track(apply(verdict, false, target.bucket));
    return false;
  };

  /** Keeps `moving` set while a move runs, so the loads it causes do not plan again. */
  const track = (p: Promise<void>) => {
    moving = p.finally(() => {
      moving = null;
    });
    return moving;
  };

  const consider = () => {
    if (disposed || moving || race || !current) return;
    const s = st();
    const target = current;
    const plan = planRace({
      pref: s.backendPref,
      backend: s.backend,
      remembered: remembered(target.bucket),
      force,
    });
    if (plan.kind === 'apply') void track(apply(plan.verdict, true, target.bucket));
    else if (plan.kind === 'race') {
      race = runRace(target).then(
        (again) => {
          race = null;
          if (again) consider();
        },
        () => {
          race = null;
        },
      );
    }
  };

  return {
    afterLoad(config, totalParams) {
      current = { bucket: sizeBucket(totalParams, config.hyper.batchSize), config };
      consider();
    },
    async idle() {
      while (race || moving) await (race ?? moving);
    },
    dispose() {
      disposed = true;
      racer?.dispose();
      racer = null;
    },
  };
}
