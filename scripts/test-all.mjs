#!/usr/bin/env node
// Every check in order, carrying on past failures: typecheck, lint (Biome, formatting included),
// unit tests (Vitest), end-to-end tests (Playwright). Ends with a per-suite summary and, as the very
// last line, "N passed, N failed[, N skipped]" over all suites; exits 1 when anything failed.
//
//   node scripts/test-all.mjs [--skip-e2e]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const unitJson = path.join(resultsDir, 'unit.json');
const e2eJson = path.join(resultsDir, 'e2e.json');
const skipE2e = process.argv.includes('--skip-e2e');

let currentChild = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    currentChild?.kill(signal);
    process.exit(128 + constants.signals[signal]);
  });
}

/** Runs a command with its output streamed to ours; resolves to its exit code (null if it never ran). */
function run(command, args, env = process.env) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
    currentChild = child;
    child.on('error', (error) => {
      console.error(`test-all: could not start ${command}: ${error.message}`);
      resolve(null);
    });
    child.on('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? 128 + (constants.signals[signal] ?? 1));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function banner(title) {
  console.log(`\n===== ${title} =====`);
}

/** A check that counts as one test. */
async function single(name, command, args) {
  banner(name);
  const start = Date.now();
  const code = await run(command, args);
  const ok = code === 0;
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ms: Date.now() - start, note: '' };
}

async function unit() {
  banner('unit (vitest)');
  const start = Date.now();
  // The PyTorch export's round trip needs python3-torch: installed here as root on Debian, as Chromium is.
  await run('node', ['scripts/find-torch.mjs', '--ensure']);
  rmSync(unitJson, { force: true });
  const code = await run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(root, unitJson)}`,
  ]);
  const report = existsSync(unitJson) ? readJson(unitJson) : null;
  const result = { name: 'unit', passed: 0, failed: 0, skipped: 0, ms: Date.now() - start, note: '' };
  if (!report) {
    result.failed = 1;
    result.note = `crashed (exit ${code}, no JSON report)`;
    return result;
  }
  result.passed = report.numPassedTests ?? 0;
  result.failed = report.numFailedTests ?? 0;
  result.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (code !== 0 && result.failed === 0) {
    // A file that fails to import, an unhandled error, or no test files at all: no failed test, but red.
    result.failed = Math.max(1, report.numFailedTestSuites ?? 0);
    result.note =
      report.numTotalTests === 0 ? `no tests ran (exit ${code})` : `exit ${code} with no failed test`;
  }
  return result;
}

async function e2e() {
  banner('e2e (playwright)');
  const start = Date.now();
  rmSync(e2eJson, { force: true });
  const code = await run('node', ['scripts/run-e2e.mjs'], { ...process.env, NORMLAB_E2E_JSON: e2eJson });
  const report = existsSync(e2eJson) ? readJson(e2eJson) : null;
  const result = { name: 'e2e', passed: 0, failed: 0, skipped: 0, ms: Date.now() - start, note: '' };
  const stats = report?.stats;
  if (!stats) {
    result.failed = 1;
    result.note = `crashed (exit ${code}, no JSON report)`;
    return result;
  }
  result.passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  result.failed = stats.unexpected ?? 0;
  result.skipped = stats.skipped ?? 0;
  if (stats.flaky) result.note = `${stats.flaky} flaky`;
  if (code !== 0 && result.failed === 0) {
    // Web server failed to start, no tests found, a global setup error, forbidOnly…
    result.failed = 1;
    const firstError = report.errors?.[0]?.message?.split('\n')[0];
    result.note = `exit ${code} with no failed test${firstError ? `: ${firstError}` : ''}`;
  }
  return result;
}

mkdirSync(resultsDir, { recursive: true });
const results = [];
results.push(await single('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
results.push(await single('lint', 'npx', ['biome', 'check', '--error-on-warnings', '.']));
results.push(await unit());
if (!skipE2e) results.push(await e2e());

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n===== summary =====');
for (const r of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  const status = r.failed ? 'FAIL' : 'ok  ';
  console.log(
    `${status} ${r.name.padEnd(10)} ${counts.padEnd(32)} ${(r.ms / 1000).toFixed(1).padStart(6)}s${r.note ? `  (${r.note})` : ''}`,
  );
}
if (skipE2e) console.log('-    e2e        not run (--skip-e2e)');
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exitCode = total.failed > 0 ? 1 : 0;
