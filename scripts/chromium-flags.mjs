// The Chromium flags every browser test and the benchmark start with (one list, two users:
// playwright.config.ts and bench/run.mjs).

/** Quiet, reproducible headless runs; Chromium refuses its sandbox as root (CI runs as root). */
export const BASE_FLAGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** WebGL on the CPU (SwiftShader), for the WebGL e2e project where no GPU exists. */
export const SWIFTSHADER_FLAGS = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
