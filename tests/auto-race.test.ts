import { describe, expect, it } from 'vitest';
import {
  decide,
  MAX_VERDICTS,
  planRace,
  RACE_MARGIN,
  racingReason,
  readVerdicts,
  sizeBucket,
  type Verdict,
  verdictReason,
  writeVerdicts,
} from '../src/store/autoRace';
import type { BackendInfo } from '../src/train/protocol';

const timing = (stepsPerSecond: number) => ({ stepsPerSecond, steps: stepsPerSecond, ms: 1000 });
const RTX = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)';
const wasmOnGpu: BackendInfo = { name: 'wasm', reason: 'auto: WASM first', renderer: RTX, webgl: 'hardware' };

describe('decide: WebGL only when clearly faster', () => {
  it('clearly faster (2x): WebGL, with both figures', () => {
    expect(decide({ ok: true, wasm: timing(200), webgl: timing(400) }, 5)).toEqual({
      winner: 'webgl',
      wasm: 200,
      webgl: 400,
      at: 5,
    });
  });

  it('marginal (1.1x) or slower: WASM stays; exactly the margin is enough', () => {
    expect(RACE_MARGIN).toBe(1.2);
    expect(decide({ ok: true, wasm: timing(200), webgl: timing(220) }, 0).winner).toBe('wasm');
    expect(decide({ ok: true, wasm: timing(500), webgl: timing(30) }, 0).winner).toBe('wasm');
    expect(decide({ ok: true, wasm: timing(200), webgl: timing(240) }, 0).winner).toBe('webgl');
    expect(decide({ ok: true, wasm: timing(200), webgl: timing(Number.NaN) }, 0).winner).toBe('wasm');
  });

  it('WebGL that failed to start or threw mid-race: WASM, saying why', () => {
    const v = decide({ ok: false, failed: 'webgl', error: 'webgl failed to start' }, 9);
    expect(v).toEqual({
      winner: 'wasm',
      wasm: null,
      webgl: null,
      error: 'webgl: webgl failed to start',
      at: 9,
    });
    expect(verdictReason(v, false)).toBe(
      'auto: WASM, since WebGL could not be timed (webgl: webgl failed to start)',
    );
  });
});

describe('sizeBucket: a verdict holds for models of about the same size', () => {
  it('powers of two of the weight count and the batch size', () => {
    expect(sizeBucket(1024, 32)).toBe('p10-b5');
    expect(sizeBucket(2047, 63)).toBe('p10-b5');
    expect(sizeBucket(2048, 32)).toBe('p11-b5');
    expect(sizeBucket(1024, 256)).toBe('p10-b8');
    expect(sizeBucket(0, 0)).toBe('p0-b0');
    expect(sizeBucket(Number.NaN, 32)).toBe('p0-b5');
  });
});

describe('planRace: who races, and when a remembered verdict is used instead', () => {
  const remembered: Verdict = { winner: 'webgl', wasm: 100, webgl: 300, at: 1 };
  it('races under auto on a hardware GPU, once per size', () => {
    expect(planRace({ pref: 'auto', backend: wasmOnGpu, remembered: undefined })).toEqual({ kind: 'race' });
    expect(planRace({ pref: 'auto', backend: wasmOnGpu, remembered })).toEqual({
      kind: 'apply',
      verdict: remembered,
    });
  });

  it('never when the backend was chosen (the menu or a ?backend= pin), nor on CPU', () => {
    for (const pref of ['wasm', 'webgl', 'cpu'] as const) {
      expect(planRace({ pref, backend: wasmOnGpu, remembered: undefined }).kind).toBe('none');
      expect(planRace({ pref, backend: wasmOnGpu, remembered }).kind).toBe('none');
    }
    expect(planRace({ pref: 'auto', backend: { ...wasmOnGpu, name: 'cpu' }, remembered }).kind).toBe('none');
    expect(planRace({ pref: 'auto', backend: null, remembered }).kind).toBe('none');
  });

  it('no race on software WebGL or without WebGL2, unless forced on software WebGL', () => {
    const software: BackendInfo = { ...wasmOnGpu, webgl: 'software' };
    const none: BackendInfo = { ...wasmOnGpu, webgl: 'none' };
    expect(planRace({ pref: 'auto', backend: software, remembered: undefined }).kind).toBe('none');
    expect(planRace({ pref: 'auto', backend: none, remembered: undefined }).kind).toBe('none');
    expect(
      planRace({ pref: 'auto', backend: { name: 'wasm', reason: '' }, remembered: undefined }).kind,
    ).toBe('none');
    expect(planRace({ pref: 'auto', backend: software, remembered: undefined, force: true }).kind).toBe(
      'race',
    );
    expect(planRace({ pref: 'auto', backend: none, remembered: undefined, force: true }).kind).toBe('none');
  });
});

describe('the badge says what was measured', () => {
  it('both figures, the ratio, and whether the verdict was remembered', () => {
    expect(verdictReason({ winner: 'webgl', wasm: 250, webgl: 412.4, at: 0 }, false)).toBe(
      'auto: WebGL, measured 1.65× as fast as WASM on this model (WebGL 412 vs WASM 250 steps/s)',
    );
    expect(verdictReason({ winner: 'wasm', wasm: 523, webgl: 27.84, at: 0 }, true)).toBe(
      'auto: WASM, measured on this model: WebGL 27.8 vs WASM 523 steps/s; WebGL needs 1.2× to be chosen (measured earlier on a model of this size)',
    );
    expect(racingReason('wasm')).toBe(
      'auto: WASM while WebGL and WASM are timed on this model in the background…',
    );
  });
});

describe('remembered verdicts (localStorage text)', () => {
  const v = (at: number, winner: 'webgl' | 'wasm' = 'webgl'): Verdict => ({ winner, wasm: 1, webgl: 2, at });

  it('round-trips, per renderer: another GPU starts afresh', () => {
    const text = writeVerdicts(null, RTX, 'p10-b5', v(1));
    expect(readVerdicts(text, RTX)).toEqual({ 'p10-b5': v(1) });
    expect(readVerdicts(text, 'Apple M2')).toEqual({});
    const two = writeVerdicts(text, RTX, 'p12-b8', v(2, 'wasm'));
    expect(Object.keys(readVerdicts(two, RTX)).sort()).toEqual(['p10-b5', 'p12-b8']);
  });

  it('reads nothing from bad text, and skips malformed entries', () => {
    expect(readVerdicts('{not json', RTX)).toEqual({});
    expect(readVerdicts(JSON.stringify({ v: 2, renderer: RTX, verdicts: {} }), RTX)).toEqual({});
    const text = `{"v":1,"renderer":${JSON.stringify(RTX)},"verdicts":{
      "p10-b5":{"winner":"webgl","wasm":1,"webgl":"fast","at":3},
      "p11-b5":{"winner":"tpu","at":3},
      "__proto__":{"winner":"webgl","at":3},
      "nonsense":{"winner":"wasm","at":3}}}`;
    expect(readVerdicts(text, RTX)).toEqual({ 'p10-b5': { winner: 'webgl', wasm: 1, webgl: null, at: 3 } });
  });

  it(`keeps the newest ${MAX_VERDICTS}`, () => {
    let text: string | null = null;
    for (let i = 0; i < MAX_VERDICTS + 10; i++) text = writeVerdicts(text, RTX, `p${i}-b5`, v(i));
    const kept = readVerdicts(text, RTX);
    expect(Object.keys(kept)).toHaveLength(MAX_VERDICTS);
    expect(kept['p0-b5']).toBeUndefined();
    expect(kept[`p${MAX_VERDICTS + 9}-b5`]).toBeDefined();
  });
});
