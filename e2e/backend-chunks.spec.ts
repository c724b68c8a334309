import { expect, type Page, test } from '@playwright/test';
import { activeBackend, gotoApp, saveScreenshot } from './helpers';

// The training worker loads a backend's code only when that backend is chosen (issue 13 §3):
// these record what a fresh page fetches, page and worker both. The service worker is blocked so
// its precache downloads (every chunk, after the first paint) do not mix in.
test.use({ serviceWorkers: 'block' });

/** Every file name the page and its workers request from now on. */
function recordFiles(page: Page): string[] {
  const files: string[] = [];
  page.context().on('request', (r) => files.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
  return files;
}

const WEBGL_CODE = /^worker-tfjs-backend-webgl-.*\.js$/;
const WASM_CODE = /^worker-tfjs-backend-wasm-.*\.js$/;
// The cpu backend itself; "worker-tfjs-backend-cpu_tfjs-core-…" holds kernels every backend shares.
const CPU_CODE = /^worker-tfjs-backend-cpu-.*\.js$/;
const WASM_BINARY = /^tfjs-backend-wasm.*\.wasm$/;

test.describe('the first load fetches only the chosen backend', () => {
  test('on WASM: its code and one .wasm variant, no WebGL or CPU backend code', async ({ page }) => {
    const files = recordFiles(page);
    await gotoApp(page, 'wasm');
    expect(await activeBackend(page)).toBe('wasm');
    expect(files.filter((f) => WASM_CODE.test(f))).toHaveLength(1);
    // Threaded SIMD needs cross-origin isolation, which a static host does not give: SIMD here.
    expect(files.filter((f) => WASM_BINARY.test(f))).toEqual([
      expect.stringMatching(/^tfjs-backend-wasm-simd-/),
    ]);
    expect(files.filter((f) => WEBGL_CODE.test(f) || CPU_CODE.test(f))).toEqual([]);
    await saveScreenshot(page, 'first-load-wasm.png');
  });

  test('on CPU: its code, no .wasm and no WebGL or WASM backend code', async ({ page }) => {
    const files = recordFiles(page);
    await gotoApp(page, 'cpu');
    expect(await activeBackend(page)).toBe('cpu');
    expect(files.filter((f) => CPU_CODE.test(f))).toHaveLength(1);
    expect(files.filter((f) => WASM_BINARY.test(f) || WASM_CODE.test(f) || WEBGL_CODE.test(f))).toEqual([]);
  });
});
