import { afterEach, describe, expect, it } from 'vitest';
import type { AutoBackendOptions, BackendRacer } from '../src/store/autoBackend';
import { readVerdicts, sizeBucket, VERDICTS_KEY, writeVerdicts } from '../src/store/autoRace';
import { createAppStore } from '../src/store/store';
import { connectTrainer, type TrainerCommands } from '../src/store/trainerBridge';
import type { BackendInfo, BackendPref, BackendTiming, SessionConfig } from '../src/train/protocol';
import { FakeClient, metricsAt } from './fakeTrainer';

const RTX = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)';
/** The fake engine's model has 169 weights; the default lab trains batches of 32. */
const BUCKET = sizeBucket(169, 32);

/** A browser with WebGL2 of the given kind: auto starts on WASM, as the worker does. */
function engineWith(webgl: BackendInfo['webgl'], startsWebgl = true): FakeClient {
  const client = new FakeClient();
  client.initResult = async (pref: BackendPref) => {
    if (pref === 'webgl' && startsWebgl)
      return { name: 'webgl', reason: 'chosen by you', renderer: RTX, webgl };
    const name = pref === 'auto' || pref === 'webgl' ? 'wasm' : pref;
    return { name, reason: `fake ${pref}`, renderer: RTX, webgl };
  };
  return client;
}

type Outcome = number | Error | 'hang';

/** A racer whose timings are given per backend (steps/s, an error, or no answer ever). */
class FakeRacer implements BackendRacer {
  readonly timed: { backend: string; config: SessionConfig; allowSoftware: boolean }[] = [];
  disposed = false;
  constructor(private readonly outcomes: { webgl: Outcome; wasm: Outcome }) {}
  async time(backend: 'webgl' | 'wasm', config: SessionConfig, _ms: number, allowSoftware: boolean) {
    this.timed.push({ backend, config, allowSoftware });
    const o = this.outcomes[backend];
    if (o === 'hang') return new Promise<BackendTiming>(() => {});
    if (o instanceof Error) throw o;
    return { stepsPerSecond: o, steps: o, ms: 1000 };
  }
  dispose() {
    this.disposed = true;
  }
}

/** localStorage in memory. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) };
}

const connected: TrainerCommands[] = [];
afterEach(() => {
  for (const c of connected.splice(0)) c.disconnect();
});

async function setup(opts: {
  client: FakeClient;
  outcomes?: { webgl: Outcome; wasm: Outcome };
  storage?: ReturnType<typeof memoryStorage>;
  pref?: BackendPref;
  extra?: Partial<AutoBackendOptions>;
}) {
  const store = createAppStore();
  if (opts.pref) store.getState().setBackendPref(opts.pref);
  const racers: FakeRacer[] = [];
  const storage = opts.storage ?? memoryStorage();
  const outcomes = opts.outcomes ?? { webgl: 400, wasm: 200 };
  const commands = connectTrainer(store, opts.client, 10, {
    racer: () => {
      const r = new FakeRacer(outcomes);
      racers.push(r);
      return r;
    },
    storage,
    ...opts.extra,
  });
  connected.push(commands);
  await commands.idle();
  return { store, commands, racers, storage, st: () => store.getState() };
}

const inits = (client: FakeClient) => client.calls.flatMap((c) => (c.name === 'init' ? [c.pref] : []));

describe('auto on a hardware GPU: WASM at once, WebGL timed against it in a racer', () => {
  it('clearly faster WebGL: moves there, says so with both figures, remembers it, disposes the racer', async () => {
    const client = engineWith('hardware');
    const { st, racers, storage } = await setup({ client });
    expect(racers).toHaveLength(1);
    expect(racers[0]?.timed.map((t) => t.backend)).toEqual(['webgl', 'wasm']);
    expect(racers[0]?.timed[0]?.config.graph).toBe(st().graph);
    expect(racers[0]?.timed[0]?.allowSoftware).toBe(false);
    expect(racers[0]?.disposed).toBe(true);
    expect(inits(client)).toEqual(['auto', 'webgl']);
    expect(st().backendPref).toBe('auto');
    expect(st().backend?.name).toBe('webgl');
    expect(st().backend?.reason).toBe(
      'auto: WebGL, measured 2.00× as fast as WASM on this model (WebGL 400 vs WASM 200 steps/s)',
    );
    expect(st().status).toBe('ready');
    expect(readVerdicts(storage.getItem(VERDICTS_KEY), RTX)[BUCKET]?.winner).toBe('webgl');
  });

  it('carries a run in progress over to WebGL, which keeps training', async () => {
    const client = engineWith('hardware');
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const store = createAppStore();
    const commands = connectTrainer(store, client, 10, {
      racer: () => ({
        time: async (backend) => {
          await gate;
          return { stepsPerSecond: backend === 'webgl' ? 900 : 300, steps: 1, ms: 1 };
        },
        dispose: () => {},
      }),
      storage: memoryStorage(),
    });
    connected.push(commands);
    await new Promise((r) => setTimeout(r, 50));
    commands.train();
    await new Promise((r) => setTimeout(r, 20));
    for (const step of [10, 20, 30]) client.emit({ type: 'metrics', metrics: metricsAt(step) });
    expect(store.getState().backend?.reason).toMatch(/timed on this model in the background/);
    release();
    await commands.idle();
    expect(client.weightSteps).toEqual([30]);
    expect(store.getState().backend?.name).toBe('webgl');
    expect(store.getState().status).toBe('running');
    expect(store.getState().notice?.text).toBe(
      'Moved to WEBGL with the trained weights: the run goes on from step 30.',
    );
  });

  it('marginal WebGL (1.1×): WASM stays, the badge gives both figures, no move', async () => {
    const client = engineWith('hardware');
    const { st, storage } = await setup({ client, outcomes: { webgl: 220, wasm: 200 } });
    expect(inits(client)).toEqual(['auto']);
    expect(st().backend?.name).toBe('wasm');
    expect(st().backend?.reason).toBe(
      'auto: WASM, measured on this model: WebGL 220 vs WASM 200 steps/s; WebGL needs 1.2× to be chosen',
    );
    expect(readVerdicts(storage.getItem(VERDICTS_KEY), RTX)[BUCKET]?.winner).toBe('wasm');
  });

  it('WebGL that fails to start in the racer: WASM stays, says why, WASM is not even timed', async () => {
    const client = engineWith('hardware');
    const { st, racers } = await setup({
      client,
      outcomes: { webgl: new Error('webgl failed to start'), wasm: 200 },
    });
    expect(racers[0]?.timed.map((t) => t.backend)).toEqual(['webgl']);
    expect(racers[0]?.disposed).toBe(true);
    expect(inits(client)).toEqual(['auto']);
    expect(st().backend?.reason).toBe(
      'auto: WASM, since WebGL could not be timed (webgl: webgl failed to start)',
    );
  });

  it('WebGL that throws mid-race, or never answers: WASM stays and the racer is disposed', async () => {
    const thrown = await setup({
      client: engineWith('hardware'),
      outcomes: { webgl: new Error('step 4 threw: CONTEXT_LOST'), wasm: 200 },
    });
    expect(thrown.st().backend?.name).toBe('wasm');
    expect(thrown.st().backend?.reason).toMatch(/could not be timed \(webgl: step 4 threw: CONTEXT_LOST\)/);
    const hung = await setup({
      client: engineWith('hardware'),
      outcomes: { webgl: 'hang', wasm: 200 },
      extra: { timeoutMs: 30 },
    });
    expect(hung.racers[0]?.disposed).toBe(true);
    expect(hung.st().backend?.reason).toMatch(/could not be timed \(webgl: no answer within 0 s\)/);
  });

  it('a remembered verdict for this size is applied without racing', async () => {
    const verdict = { winner: 'webgl' as const, wasm: 100, webgl: 350, at: 1 };
    const storage = memoryStorage({ [VERDICTS_KEY]: writeVerdicts(null, RTX, BUCKET, verdict) });
    const client = engineWith('hardware');
    const { st, racers } = await setup({ client, storage });
    expect(racers).toHaveLength(0);
    expect(st().backend?.name).toBe('webgl');
    expect(st().backend?.reason).toBe(
      'auto: WebGL, measured 3.50× as fast as WASM on this model (WebGL 350 vs WASM 100 steps/s) (measured earlier on a model of this size)',
    );
  });

  it('a verdict for a different size does not count: the race runs', async () => {
    const verdict = { winner: 'wasm' as const, wasm: 100, webgl: 50, at: 1 };
    const storage = memoryStorage({ [VERDICTS_KEY]: writeVerdicts(null, RTX, 'p20-b8', verdict) });
    const { racers, st } = await setup({ client: engineWith('hardware'), storage });
    expect(racers).toHaveLength(1);
    expect(st().backend?.name).toBe('webgl');
    expect(Object.keys(readVerdicts(storage.getItem(VERDICTS_KEY), RTX)).sort()).toEqual(
      [BUCKET, 'p20-b8'].sort(),
    );
  });

  it('WebGL that won the race but will not start in the training worker: WASM, remembered, no loop', async () => {
    const client = engineWith('hardware', false);
    const { st, storage } = await setup({ client });
    expect(inits(client)).toEqual(['auto', 'webgl']);
    expect(st().backend?.name).toBe('wasm');
    const v = readVerdicts(storage.getItem(VERDICTS_KEY), RTX)[BUCKET];
    expect(v?.winner).toBe('wasm');
    expect(v?.error).toBe('WebGL failed to start in the training worker');
  });
});

describe('no race', () => {
  it('on software WebGL or without WebGL2: WASM, no racer started', async () => {
    for (const kind of ['software', 'none'] as const) {
      const client = engineWith(kind);
      const { st, racers } = await setup({ client });
      expect(racers).toHaveLength(0);
      expect(st().backend?.name).toBe('wasm');
      expect(inits(client)).toEqual(['auto']);
    }
  });

  it('when the backend was chosen (menu or ?backend= pin), even on a hardware GPU', async () => {
    for (const pref of ['wasm', 'webgl', 'cpu'] as const) {
      const client = engineWith('hardware');
      const { racers } = await setup({ client, pref });
      expect(racers).toHaveLength(0);
      expect(inits(client)).toEqual([pref]);
    }
  });

  it('?race=force races on software WebGL (and lets the racer use it); software WebGL loses', async () => {
    const client = engineWith('software');
    const { st, racers } = await setup({
      client,
      outcomes: { webgl: 28, wasm: 520 },
      extra: { force: true },
    });
    expect(racers[0]?.timed.map((t) => t.allowSoftware)).toEqual([true, true]);
    expect(st().backend?.name).toBe('wasm');
    expect(st().backend?.reason).toBe(
      'auto: WASM, measured on this model: WebGL 28.0 vs WASM 520 steps/s; WebGL needs 1.2× to be chosen',
    );
  });
});

describe('the model changes while it races', () => {
  it('the verdict is kept for the raced size only, and the new size races in turn', async () => {
    const client = engineWith('hardware');
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const storage = memoryStorage();
    let races = 0;
    const store = createAppStore();
    const commands = connectTrainer(store, client, 10, {
      racer: () => {
        races++;
        const first = races === 1;
        return {
          time: async (backend) => {
            if (first) await gate;
            // The first (small) model: WebGL wins; the second (big batch): it loses.
            const webgl = first ? 500 : 100;
            return { stepsPerSecond: backend === 'webgl' ? webgl : 200, steps: 1, ms: 1 };
          },
          dispose: () => {},
        };
      },
      storage,
    });
    connected.push(commands);
    await new Promise((r) => setTimeout(r, 50));
    client.loadResult = () => ({ ok: true, paramCounts: { fake: 1 }, totalParams: 100_000 });
    store.getState().setHyper({ batchSize: 256 });
    store.getState().setData({ samples: 300 });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await commands.idle();
    expect(races).toBe(2);
    const verdicts = readVerdicts(storage.getItem(VERDICTS_KEY), RTX);
    expect(verdicts[BUCKET]?.winner).toBe('webgl');
    expect(verdicts[sizeBucket(100_000, 256)]?.winner).toBe('wasm');
    expect(inits(client)).toEqual(['auto']);
    expect(store.getState().backend?.name).toBe('wasm');
  });
});
