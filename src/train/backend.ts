import * as tf from '../compile/tf';
import type { BackendInfo, BackendName, BackendPref, WebglKind } from './protocol';

export interface WebGLProbe {
  readonly webgl2: boolean;
  readonly renderer: string;
  /** True for software rasterizers (SwiftShader, llvmpipe, ...): WebGL there is slower than WASM. */
  readonly software: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

/** True when a WebGL renderer string names a software rasterizer rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** Probes WebGL2 on an OffscreenCanvas (works inside a worker) and reads the unmasked renderer. */
export function probeWebGL(): WebGLProbe {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { webgl2: false, renderer: '', software: false };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { webgl2: false, renderer: '', software: false };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl2: true, renderer, software: isSoftwareRenderer(renderer) };
  } catch {
    return { webgl2: false, renderer: '', software: false };
  }
}

/** The WebGL context of the active tfjs webgl backend, or null on another backend. */
function activeGl(): WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  return backend.gpgpu?.gl ?? null;
}

/**
 * Calls `onLost` once if the active WebGL backend loses its context (driver reset, GPU
 * reclaimed). Listens for webglcontextlost and also polls isContextLost() twice a second:
 * Chromium does not dispatch the event on a worker's OffscreenCanvas, and ops on a lost
 * context fail silently. Returns a function that stops watching.
 */
export function watchContextLoss(onLost: () => void): () => void {
  const gl = activeGl();
  if (!gl) return () => {};
  const canvas = gl.canvas as OffscreenCanvas | HTMLCanvasElement;
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    onLost();
  };
  const onEvent = (e: Event) => {
    e.preventDefault();
    fire();
  };
  const timer = setInterval(() => {
    if (gl.isContextLost()) fire();
  }, 500);
  const stop = () => {
    clearInterval(timer);
    canvas.removeEventListener('webglcontextlost', onEvent);
  };
  canvas.addEventListener('webglcontextlost', onEvent);
  return stop;
}

/** Forces a context loss on the active WebGL backend (diagnostics); false when not on WebGL. */
export function loseContext(): boolean {
  const ext = activeGl()?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return Boolean(ext);
}

let wasmPaths: Record<string, string> | null = null;

/**
 * Where the bundled .wasm files are served (the worker passes Vite's asset URLs). Applied when
 * the wasm backend's code is first loaded, before it initializes; only the variant the browser
 * can run (threaded SIMD, SIMD or plain) is then fetched.
 */
export function configureWasm(paths: Record<string, string>): void {
  wasmPaths = paths;
}

/**
 * Each backend's code, fetched on first use only: the dynamic imports become their own chunks,
 * so a session on WASM never downloads WebGL's shaders and kernels, and the reverse. Importing a
 * backend registers it with tfjs (a module side effect, run once).
 */
const BACKEND_CODE: Record<BackendName, () => Promise<unknown>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Once, and before the first initialization: setWasmPaths throws after a failed one.
    if (wasmPaths) wasm.setWasmPaths(wasmPaths);
    wasmPaths = null;
  },
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/** Loads a backend's code (once; later calls resolve at once) so tf.setBackend can find it. */
export async function loadBackend(name: BackendName): Promise<void> {
  await BACKEND_CODE[name]();
}

async function trySet(name: BackendName): Promise<boolean> {
  try {
    await loadBackend(name);
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** What WebGL2 a probe found, as BackendInfo.webgl says it. */
export function webglKindOf(probe: WebGLProbe): WebglKind {
  return !probe.webgl2 ? 'none' : probe.software ? 'software' : 'hardware';
}

/**
 * Picks and activates the backend. "auto": WASM (SIMD) at once, whatever the GPU: the store
 * then times WebGL against it on the built model where WebGL2 runs on a hardware GPU
 * (store/autoBackend.ts) and moves only when WebGL is clearly faster. When WASM fails: WebGL on
 * a hardware GPU, else CPU. Software WebGL counts as no GPU. An explicit choice is honoured when
 * it initializes, and falls back in the same order, saying why, when it does not.
 */
export async function selectBackend(
  pref: BackendPref,
  probe: WebGLProbe = probeWebGL(),
): Promise<BackendInfo> {
  const gpu = probe.webgl2
    ? `${probe.software ? 'software WebGL2' : 'WebGL2'}: ${probe.renderer || 'unknown renderer'}`
    : 'no WebGL2';
  const seen = { renderer: probe.renderer || undefined, webgl: webglKindOf(probe) };
  if (pref !== 'auto') {
    if (await trySet(pref)) {
      const gl = pref === 'webgl' ? `; ${gpu}${probe.software ? ', expect it to be slow' : ''}` : '';
      return { name: pref, reason: `chosen by you${gl}`, ...seen };
    }
    const fallback = await selectBackend('auto', probe);
    return { ...fallback, reason: `${pref} failed to start, so ${fallback.reason}` };
  }
  const hardwareGl = probe.webgl2 && !probe.software;
  if (await trySet('wasm')) {
    const why = hardwareGl
      ? `WASM first; WebGL2 on a hardware GPU (${probe.renderer || 'unknown renderer'}) is timed against it once a model is built`
      : !probe.webgl2
        ? 'no WebGL2, so WASM'
        : `WebGL2 is software (${probe.renderer}), so WASM`;
    return { name: 'wasm', reason: `auto: ${why}`, ...seen };
  }
  if (hardwareGl && (await trySet('webgl'))) {
    return { name: 'webgl', reason: `auto: WASM failed to start, so ${gpu}`, ...seen };
  }
  const whyNotGl = !probe.webgl2
    ? 'no WebGL2'
    : probe.software
      ? `WebGL2 is software (${probe.renderer})`
      : 'WebGL failed to start';
  await trySet('cpu');
  return { name: 'cpu', reason: `auto: WASM failed and ${whyNotGl}, so CPU`, ...seen };
}
