// What every benchmark section needs: a log with the time since the start, the machine, the git
// state, the build, a preview server on a free port, Chromium, and a fresh app page.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { BASE_FLAGS } from '../scripts/chromium-flags.mjs';
import * as cpu from './cpu.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VIEWPORT = { width: 1280, height: 720 };

const started = performance.now();
/** Seconds since the benchmark started. */
export const elapsedSeconds = () => (performance.now() - started) / 1000;
/** Prints a progress line with the time since the start. */
export const log = (...parts) => console.log(`[bench ${elapsedSeconds().toFixed(0)}s]`, ...parts);
export const round2 = (v) => Math.round(v * 100) / 100;
/** The first line of an error's message. */
export const firstLine = (err) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

/** The machine the numbers come from. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map(round2),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** The commit the build comes from, and the paths that differ from it (uncommitted edits). */
export function gitState() {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return null;
  const status = git('status', '--porcelain', '--untracked-files=no');
  const changed = status.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return { commit: head.stdout.trim(), uncommitted: changed };
}

/** Builds the app into its own folder (so a parallel `npm run build` cannot change it mid-run). */
export function build(outDir) {
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status ?? res.signal})`);
  return round2((performance.now() - t0) / 1000);
}

/** Serves the built folder with `vite preview` on a free port of 127.0.0.1. */
export async function serve(outDir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.resume();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('vite preview did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child };
}

/** Launches Chromium; remembers its process id (a new child of this process) for CPU sampling. */
export async function launch(executablePath, name, extraFlags) {
  const before = new Set(cpu.childPids());
  const browser = await chromium.launch({ executablePath, args: [...BASE_FLAGS, ...extraFlags] });
  const pids = cpu.childPids().filter((p) => !before.has(p));
  return { browser, name, flags: [...BASE_FLAGS, ...extraFlags], pid: pids.length === 1 ? pids[0] : null };
}

const INPAGE = readFileSync(path.join(ROOT, 'bench', 'inpage.js'), 'utf8');

/**
 * A fresh context (no saved lab) and page on the app with ?debug=1, the bench helpers loaded;
 * `query` adds to the address (e.g. '&race=force'), `initScript` runs in the page before the app.
 */
export async function openApp(browser, baseUrl, backend = 'auto', query = '', initScript = '') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: INPAGE });
  if (initScript) await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Full speed: the app measured as it trains flat out (slow motion is the first-visit default).
  await page.goto(`${baseUrl}/?debug=1&backend=${backend}&speed=full${query}`);
  await page.waitForFunction(() => window.normlab && window.__bench, null, { timeout: 30_000 });
  await page.evaluate(() => window.__bench.setupLab({}));
  return { context, page, errors };
}
