/**
 * Auto's backend choice, decided by measuring (pure: no timers, no storage, no engine). "auto"
 * starts on WASM at once; where WebGL2 runs on a hardware GPU, the same model is timed on WebGL
 * and on WASM in a second worker, and training moves to WebGL only when it is clearly faster.
 * The verdict is remembered per model size, so an edit does not race again.
 */
import type { BackendInfo, BackendName, BackendPref, BackendTiming } from '../train/protocol';

/** WebGL must train at least this many times as fast as WASM to be chosen (a clear win, not noise). */
export const RACE_MARGIN = 1.2;

/** How long each backend is timed in the race, after its warm-up (ms). */
export const RACE_MS = 400;

/** The localStorage key of the remembered verdicts. */
export const VERDICTS_KEY = 'normlab.autoBackend';

/** At most this many model sizes are remembered (the oldest verdicts are dropped first). */
export const MAX_VERDICTS = 64;

/** What the race found: both timings, or why WebGL (or WASM) could not be timed. */
export type RaceResult =
  | { readonly ok: true; readonly wasm: BackendTiming; readonly webgl: BackendTiming }
  | { readonly ok: false; readonly failed: 'webgl' | 'wasm'; readonly error: string };

/** Auto's choice for one model size, with the steps/s measured on each backend (null: not measured). */
export interface Verdict {
  readonly winner: 'webgl' | 'wasm';
  readonly wasm: number | null;
  readonly webgl: number | null;
  /** Why a backend could not be timed (WebGL failed to start, a step threw), when one could not. */
  readonly error?: string;
  /** When it was measured (ms since the epoch), to drop the oldest first. */
  readonly at: number;
}

/**
 * The model size a verdict holds for: powers of two of the weight count and of the batch size
 * (a step's work grows with both), e.g. "p10-b5" for 1,024–2,047 weights and batches of 32–63.
 */
export function sizeBucket(totalParams: number, batchSize: number): string {
  const log2 = (v: number) => Math.floor(Math.log2(Math.max(1, Number.isFinite(v) ? v : 1)));
  return `p${log2(totalParams)}-b${log2(batchSize)}`;
}

/** WebGL wins only when it trains at least `margin` times as fast as WASM; any failure keeps WASM. */
export function decide(result: RaceResult, at: number, margin = RACE_MARGIN): Verdict {
  if (!result.ok) {
    return { winner: 'wasm', wasm: null, webgl: null, error: `${result.failed}: ${result.error}`, at };
  }
  const wasm = result.wasm.stepsPerSecond;
  const webgl = result.webgl.stepsPerSecond;
  const winner = Number.isFinite(webgl) && webgl >= margin * wasm ? 'webgl' : 'wasm';
  return { winner, wasm, webgl, at };
}

/** What to do once a model is built: nothing, apply a remembered verdict, or race. */
export type RacePlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'apply'; readonly verdict: Verdict }
  | { readonly kind: 'race' };

/**
 * Auto races only when the person chose auto (an explicit choice or a `?backend=` pin is never
 * second-guessed), the engine runs WASM or WebGL, and WebGL2 is on a hardware GPU; on software
 * WebGL (or none) WASM stays without a race, unless `force` (a debug switch) asks for one on
 * software WebGL. A remembered verdict for this size is applied instead of racing again.
 */
export function planRace(opts: {
  readonly pref: BackendPref;
  readonly backend: BackendInfo | null;
  readonly remembered: Verdict | undefined;
  readonly force?: boolean;
}): RacePlan {
  const { pref, backend, remembered, force = false } = opts;
  if (pref !== 'auto' || !backend || backend.name === 'cpu') return { kind: 'none' };
  const gl = backend.webgl ?? 'none';
  if (!(gl === 'hardware' || (force && gl === 'software'))) return { kind: 'none' };
  return remembered ? { kind: 'apply', verdict: remembered } : { kind: 'race' };
}

const rate = (v: number | null) => (v === null ? '?' : v >= 100 ? v.toFixed(0) : v.toPrecision(3));

/** The badge's words for a verdict: the backend, both figures, and why. */
export function verdictReason(v: Verdict, remembered: boolean): string {
  const when = remembered ? ' (measured earlier on a model of this size)' : '';
  if (v.error !== undefined) return `auto: WASM, since WebGL could not be timed (${v.error})${when}`;
  const ratio = v.wasm && v.webgl ? v.webgl / v.wasm : null;
  const figures = `WebGL ${rate(v.webgl)} vs WASM ${rate(v.wasm)} steps/s`;
  return v.winner === 'webgl'
    ? `auto: WebGL, measured ${ratio?.toFixed(2)}× as fast as WASM on this model (${figures})${when}`
    : `auto: WASM, measured on this model: ${figures}; WebGL needs ${RACE_MARGIN}× to be chosen${when}`;
}

/** The badge while the race runs. */
export function racingReason(backend: BackendName): string {
  return `auto: ${backend === 'webgl' ? 'WebGL' : 'WASM'} while WebGL and WASM are timed on this model in the background…`;
}

/** The verdicts remembered for this renderer (another GPU, or none readable: none). */
export function readVerdicts(text: string | null, renderer: string): Readonly<Record<string, Verdict>> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as { v?: unknown; renderer?: unknown; verdicts?: unknown };
    if (parsed?.v !== 1 || parsed.renderer !== renderer || typeof parsed.verdicts !== 'object') return {};
    const out: Record<string, Verdict> = {};
    for (const [bucket, raw] of Object.entries(parsed.verdicts ?? {})) {
      const v = raw as Partial<Verdict> | null;
      const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
      if (!/^p\d+-b\d+$/.test(bucket) || !v || (v.winner !== 'webgl' && v.winner !== 'wasm')) continue;
      const error = typeof v.error === 'string' ? { error: v.error } : {};
      out[bucket] = {
        winner: v.winner,
        wasm: num(v.wasm),
        webgl: num(v.webgl),
        at: num(v.at) ?? 0,
        ...error,
      };
    }
    return out;
  } catch {
    return {};
  }
}

/** The stored text with `verdict` for `bucket` added (the oldest dropped beyond MAX_VERDICTS). */
export function writeVerdicts(
  text: string | null,
  renderer: string,
  bucket: string,
  verdict: Verdict,
): string {
  const all = { ...readVerdicts(text, renderer), [bucket]: verdict };
  const kept = Object.entries(all)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_VERDICTS);
  return JSON.stringify({ v: 1, renderer, verdicts: Object.fromEntries(kept) });
}
