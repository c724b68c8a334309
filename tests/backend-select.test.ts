import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import * as tf from '../src/compile/tf';
import {
  isSoftwareRenderer,
  loadBackend,
  probeWebGL,
  selectBackend,
  type WebGLProbe,
} from '../src/train/backend';
import { useCpu } from './helpers';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const RTX = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)';

const softwareGl: WebGLProbe = { webgl2: true, renderer: SWIFTSHADER, software: true };
const hardwareGl: WebGLProbe = { webgl2: true, renderer: RTX, software: false };
const noGl: WebGLProbe = { webgl2: false, renderer: '', software: false };

beforeAll(useCpu);
// Every test leaves tfjs on cpu, whatever it selected.
afterEach(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('isSoftwareRenderer', () => {
  it.each([
    [SWIFTSHADER, true],
    [LLVMPIPE, true],
    ['Google SwiftShader', true],
    ['Mesa/X.org, llvmpipe (LLVM 12.0.0, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['lavapipe', true],
    [RTX, false],
    ['Apple M2', false],
    ['ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Mali-G78', false],
    ['', false],
  ])('%j -> %s', (renderer, software) => {
    expect(isSoftwareRenderer(renderer)).toBe(software);
  });
});

describe('probeWebGL', () => {
  it('reports no WebGL2 where there is no OffscreenCanvas (node)', () => {
    expect(typeof OffscreenCanvas).toBe('undefined');
    expect(probeWebGL()).toEqual(noGl);
  });
});

describe('loadBackend', () => {
  // Runs before any selection in this file: only cpu (tests/helpers.ts) is registered so far.
  it("registers a backend only once its code is loaded, so the app fetches only the chosen one's", async () => {
    expect(tf.findBackendFactory('wasm')).toBeNull();
    const cpu = await selectBackend('cpu', noGl);
    expect(cpu.name).toBe('cpu');
    expect(tf.findBackendFactory('wasm')).toBeNull();
    await loadBackend('wasm');
    const factory = tf.findBackendFactory('wasm');
    expect(factory).not.toBeNull();
    // A second load finds the module already there: the same registration, not a new one.
    await loadBackend('wasm');
    expect(tf.findBackendFactory('wasm')).toBe(factory);
  });
});

describe('selectBackend', () => {
  // In node the webgl backend is not registered (tfjs registers it only in a browser), and the
  // wasm backend initializes from node_modules in a few milliseconds.
  it('auto on software WebGL does not pick webgl, and says the WebGL2 is software', async () => {
    const info = await selectBackend('auto', softwareGl);
    expect(info.name).not.toBe('webgl');
    expect(['wasm', 'cpu']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(info.reason).toMatch(/software/);
    expect(info.reason).toContain(SWIFTSHADER);
    expect(info.renderer).toBe(SWIFTSHADER);
  });

  it('auto with no WebGL2 says so and picks wasm in node', async () => {
    const info = await selectBackend('auto', noGl);
    expect(info).toEqual({
      name: 'wasm',
      reason: 'auto: no WebGL2, so WASM',
      renderer: undefined,
      webgl: 'none',
    });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('auto on a hardware GPU starts on wasm at once, and says WebGL is to be timed against it', async () => {
    const info = await selectBackend('auto', hardwareGl);
    expect(info.name).toBe('wasm');
    expect(info.reason).toBe(
      `auto: WASM first; WebGL2 on a hardware GPU (${RTX}) is timed against it once a model is built`,
    );
    expect(info.renderer).toBe(RTX);
    expect(info.webgl).toBe('hardware');
  });

  it('cpu when asked: "chosen by you"', async () => {
    await tf.setBackend('wasm');
    const info = await selectBackend('cpu', hardwareGl);
    expect(info.name).toBe('cpu');
    expect(info.reason).toMatch(/^chosen by you/);
    expect(info.reason).toBe('chosen by you');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('wasm when asked, on software WebGL too', async () => {
    const info = await selectBackend('wasm', softwareGl);
    expect(info.name).toBe('wasm');
    expect(info.reason).toBe('chosen by you');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('webgl when asked but unavailable falls back, with a reason starting "webgl failed to start"', async () => {
    const info = await selectBackend('webgl', noGl);
    expect(info.name).not.toBe('webgl');
    expect(info.reason).toMatch(/^webgl failed to start/);
    expect(info.reason).toBe('webgl failed to start, so auto: no WebGL2, so WASM');
    expect(tf.getBackend()).toBe(info.name);
  });

  it('computes correctly on the backend it picked', async () => {
    const info = await selectBackend('auto', softwareGl);
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(Array.from(await y.data())).toEqual([11]);
    expect(tf.getBackend()).toBe(info.name);
    y.dispose();
  });

  describe('when WebGL can start (a stand-in webgl backend)', () => {
    // Node has no WebGL: register a backend named "webgl" that initializes, so the decision
    // itself (GPU vs software renderer) is what the test sees. It is never used to compute.
    class StandInWebGL extends tf.KernelBackend {
      override dispose(): void {}
    }
    beforeAll(() => {
      expect(tf.findBackendFactory('webgl')).toBeNull();
      tf.registerBackend('webgl', () => new StandInWebGL(), 0);
    });
    afterAll(async () => {
      await tf.setBackend('cpu');
      tf.removeBackend('webgl');
    });

    it('auto starts on wasm even where WebGL would start on a hardware GPU: the race decides later', async () => {
      const info = await selectBackend('auto', hardwareGl);
      expect(info.name).toBe('wasm');
      expect(info.webgl).toBe('hardware');
      expect(tf.getBackend()).toBe('wasm');
    });

    it('webgl asked for on a hardware GPU: "chosen by you", with the renderer', async () => {
      const info = await selectBackend('webgl', hardwareGl);
      expect(info).toEqual({
        name: 'webgl',
        reason: `chosen by you; WebGL2: ${RTX}`,
        renderer: RTX,
        webgl: 'hardware',
      });
    });

    it('auto skips webgl on a software renderer even though it would start', async () => {
      const info = await selectBackend('auto', softwareGl);
      expect(info.name).toBe('wasm');
      expect(info.reason).toBe(`auto: WebGL2 is software (${SWIFTSHADER}), so WASM`);
      expect(info.webgl).toBe('software');
      expect(tf.getBackend()).toBe('wasm');
    });

    it('webgl asked for on a software renderer is honoured, with a warning that it is slow', async () => {
      const info = await selectBackend('webgl', softwareGl);
      expect(info.name).toBe('webgl');
      expect(info.reason).toBe(`chosen by you; software WebGL2: ${SWIFTSHADER}, expect it to be slow`);
    });
  });

  describe('when WASM cannot start either', () => {
    // Swap the wasm factory for one that throws, and put the real one back afterwards.
    let realWasm: ReturnType<typeof tf.findBackendFactory> | null = null;
    let warn: MockInstance<typeof console.warn>;
    beforeAll(async () => {
      await loadBackend('wasm');
      realWasm = tf.findBackendFactory('wasm');
      if (!realWasm) throw new Error('wasm backend not registered');
      // tfjs warns "Initialization of backend wasm failed" with the stack; keep the output clean.
      warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      tf.removeBackend('wasm');
      tf.registerBackend(
        'wasm',
        () => {
          throw new Error('no wasm here');
        },
        2,
      );
    });
    afterAll(() => {
      warn.mockRestore();
      tf.removeBackend('wasm');
      tf.registerBackend('wasm', realWasm as NonNullable<typeof realWasm>, 2);
    });

    it('auto ends on cpu and says both reasons', async () => {
      const info = await selectBackend('auto', softwareGl);
      expect(info.name).toBe('cpu');
      expect(info.reason).toBe(`auto: WASM failed and WebGL2 is software (${SWIFTSHADER}), so CPU`);
      expect(tf.getBackend()).toBe('cpu');
      expect(warn).toHaveBeenCalledWith('Initialization of backend wasm failed');
    });

    it('wasm asked for falls back to cpu with "wasm failed to start"', async () => {
      const info = await selectBackend('wasm', noGl);
      expect(info.name).toBe('cpu');
      expect(info.reason).toBe('wasm failed to start, so auto: WASM failed and no WebGL2, so CPU');
    });

    it('auto takes WebGL on a hardware GPU when WASM fails', async () => {
      class StandInWebGL extends tf.KernelBackend {
        override dispose(): void {}
      }
      tf.registerBackend('webgl', () => new StandInWebGL(), 0);
      try {
        const info = await selectBackend('auto', hardwareGl);
        expect(info.name).toBe('webgl');
        expect(info.reason).toBe(`auto: WASM failed to start, so WebGL2: ${RTX}`);
      } finally {
        await tf.setBackend('cpu');
        tf.removeBackend('webgl');
      }
    });
  });
});
