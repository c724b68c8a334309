import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCpuNs } from '../bench/cpu.mjs';
import { bytesNote, issue13Targets, timesNote } from '../bench/targets-issue13.mjs';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const wasm = (reason: string) => ({ name: 'wasm', reason });
const byId = (r: object) => Object.fromEntries(issue13Targets(r).map((t) => [t.id, t]));

describe('issue 13 targets in the bench', () => {
  it('auto stays on WASM where WebGL is software: judged on both browsers, after training, no second worker', () => {
    const stayed = {
      e2e: { after: wasm('auto: WebGL2 is software (x), so WASM'), step: 900, mostWorkers: 1 },
      swiftshader: { after: wasm('auto: WebGL2 is software (x), so WASM'), step: 800, mostWorkers: 1 },
    };
    expect(byId({ autoRace: stayed }).autoStaysWasm).toMatchObject({
      value: 'e2e: wasm at step 900, 1 worker; swiftshader: wasm at step 800, 1 worker',
      pass: true,
    });
    const raced = { ...stayed, swiftshader: { ...stayed.swiftshader, mostWorkers: 2 } };
    expect(byId({ autoRace: raced }).autoStaysWasm?.pass).toBe(false);
    const moved = { ...stayed, e2e: { ...stayed.e2e, after: { name: 'webgl', reason: 'auto' } } };
    expect(byId({ autoRace: moved }).autoStaysWasm?.pass).toBe(false);
    expect(byId({}).autoStaysWasm).toBeUndefined();
  });

  it('a forced race on software WebGL must keep WASM and end its racer; on a real GPU it is not judged', () => {
    const forced = {
      backend: 'wasm',
      webglStepsPerSec: 6.7,
      wasmStepsPerSec: 71.1,
      renderer: SWIFTSHADER,
      raceMs: 14_200,
      workersAfter: 1,
    };
    expect(byId({ autoRace: { forced } }).autoForcedRace).toMatchObject({
      value: 'WebGL 6.7 vs WASM 71.1 steps/s → wasm',
      pass: true,
      note: '14.2 s from the model built to the verdict; 1 worker after',
    });
    expect(byId({ autoRace: { forced: { ...forced, workersAfter: 2 } } }).autoForcedRace?.pass).toBe(false);
    expect(byId({ autoRace: { forced: { ...forced, backend: 'webgl' } } }).autoForcedRace?.pass).toBe(false);
    const gpu = { ...forced, renderer: 'ANGLE (NVIDIA GeForce RTX 3080)', backend: 'webgl' };
    expect(byId({ autoRace: { forced: gpu } }).autoForcedRace?.pass).toBeNull();
  });

  it("95% must be shown within a frame of the worker's report, on every dataset", () => {
    const acc = (lagMs: number | null) => ({ crossingStep: 64, crossingMs: 180, lagMs });
    const ok = byId({ accuracy: { circle: acc(9), xor: acc(16) } }).toAccuracyShown;
    expect(ok).toMatchObject({ value: '16 ms (slowest dataset)', pass: true });
    expect(ok?.note).toBe(
      'circle: step 64 at 0.18 s of training, shown 9 ms later; xor: step 64 at 0.18 s of training, shown 16 ms later',
    );
    expect(byId({ accuracy: { circle: acc(9), xor: acc(40) } }).toAccuracyShown?.pass).toBe(false);
    const missing = byId({ accuracy: { circle: acc(9), gaussian: { crossingStep: null, lagMs: null } } });
    expect(missing.toAccuracyShown?.pass).toBeNull();
    expect(missing.toAccuracyShown?.note).toContain('gaussian: not reached');
  });

  it('says where the first load goes: bytes by kind and the largest files, ms by stage', () => {
    const f = (p: string, gzip: number) => ({ path: p, gzip });
    expect(
      bytesNote({
        mainJsGz: 2048,
        workerJsGz: 1024,
        wasmGz: 4096,
        cssGz: 512,
        htmlGz: 512,
        files: [f('assets/a.js', 2048), f('x.wasm', 4096), f('index.html', 512), f('b.css', 512)],
      }),
    ).toBe(
      'main JS 2.0 KiB, worker JS 1.0 KiB, WASM 4.0 KiB, CSS + HTML 1.0 KiB; largest: x.wasm 4.0 KiB, a.js 2.0 KiB, index.html 0.5 KiB',
    );
    expect(bytesNote(null)).toBe('');
    expect(timesNote({ trainEnabledMs: { median: null } })).toBe('');
    expect(timesNote({ firstPaintMs: { median: 140.4 }, trainEnabledMs: { median: 1080 } })).toBe(
      'first paint 140 ms → model built, first metrics and boundary: Train 1080 ms',
    );
  });
});

describe("the workers' CPU time from schedstat", () => {
  it('sums the first field (ns) of each file; a thread gone counts 0; none readable: null', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schedstat-'));
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    writeFileSync(a, '270895834 260404790 974\n');
    writeFileSync(b, '1000 5 3\n');
    expect(workerCpuNs([a, b])).toBe(270_896_834);
    expect(workerCpuNs([a, path.join(dir, 'gone')])).toBe(270_895_834);
    expect(workerCpuNs([path.join(dir, 'gone')])).toBeNull();
  });
});
