/**
 * The benchmark's bare training worker, as the page sees it (plain data only). It trains the
 * same kind of network as the app with a plain tfjs custom loop, so the benchmark can compare
 * the app's training path against it in the same page (see bench/run.mjs).
 */
export type BareBackend = 'webgl' | 'wasm' | 'cpu';

export interface BareModelSpec {
  /** Hidden blocks: each is Dense(units) -> BatchNorm -> ReLU; a Dense(1) logit follows. */
  readonly hidden: readonly number[];
  /** Training inputs, row-major, 2 features a row, and binary targets (0/1), one per row. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  /** One loss readback (a sync) every this many steps. */
  readonly readbackEvery: number;
}

export interface BareRun {
  readonly steps: number;
  /** Wall time of the run in the worker, from the first step to the end of the last readback (ms). */
  readonly ms: number;
  /** The last loss read back. */
  readonly loss: number;
}

export interface BareApi {
  /** Activates the backend; returns the one that runs. */
  init(backend: BareBackend): Promise<string>;
  load(spec: BareModelSpec): Promise<void>;
  /** Trains for about `ms` milliseconds. */
  run(ms: number): Promise<BareRun>;
  numTensors(): Promise<number>;
  dispose(): Promise<void>;
}

export interface BareBench extends BareApi {
  /** Ends the worker. */
  terminate(): void;
}
