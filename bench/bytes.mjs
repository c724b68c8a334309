// Sizes of what the browser loads, gzipped at level 9 from the built files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip (level 9) size of a file's bytes. */
export function gzipBytes(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * What a loaded file is: 'html', 'css', 'wasm', 'worker' (the training worker chunk),
 * 'bench' (the benchmark's own worker, never part of the app's load), 'charts' (recharts and the
 * charts, src/charts/chartsChunk.ts, loaded once the canvas is interactive), 'js' (the rest of the
 * main thread's JS: what the first paint needs) or 'other'.
 */
export function classifyAsset(urlPath) {
  const name = path.posix.basename(urlPath);
  if (urlPath === '/' || name.endsWith('.html')) return 'html';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.wasm')) return 'wasm';
  if (/^bareWorker-/.test(name) || /^bareClient-/.test(name)) return 'bench';
  if (/^worker-.*\.js$/.test(name)) return 'worker';
  if (/^chartsChunk-.*\.js$/.test(name)) return 'charts';
  if (name.endsWith('.js')) return 'js';
  return 'other';
}

/**
 * Sums the gzipped sizes of the files a page loaded (URL paths under the served build folder),
 * by kind. Each file counts once.
 */
export function loadedBytes(urlPaths, distDir) {
  const files = [];
  const seen = new Set();
  for (const p of urlPaths) {
    const rel = p === '/' ? 'index.html' : p.replace(/^\//, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    const file = path.join(distDir, rel);
    let raw;
    try {
      raw = readFileSync(file).length;
    } catch {
      continue; // not a built file (e.g. a data: URL or the favicon of another path)
    }
    files.push({ path: rel, kind: classifyAsset(p), raw, gzip: gzipBytes(file) });
  }
  const sum = (kind) => files.filter((f) => f.kind === kind).reduce((a, f) => a + f.gzip, 0);
  return {
    files,
    mainJsGz: sum('js'),
    chartsJsGz: sum('charts'),
    workerJsGz: sum('worker'),
    wasmGz: sum('wasm'),
    cssGz: sum('css'),
    htmlGz: sum('html'),
    // The first load: the charts' chunk comes after the canvas is interactive (chartsJsGz).
    totalGz: files.filter((f) => f.kind !== 'bench' && f.kind !== 'charts').reduce((a, f) => a + f.gzip, 0),
  };
}
