// Types for bytes.mjs.
export function gzipBytes(file: string): number;
export function classifyAsset(
  urlPath: string,
): 'html' | 'css' | 'wasm' | 'worker' | 'bench' | 'charts' | 'js' | 'other';
export function loadedBytes(
  urlPaths: readonly string[],
  distDir: string,
): {
  files: { path: string; kind: string; raw: number; gzip: number }[];
  mainJsGz: number;
  chartsJsGz: number;
  workerJsGz: number;
  wasmGz: number;
  cssGz: number;
  htmlGz: number;
  totalGz: number;
};
