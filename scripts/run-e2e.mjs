#!/usr/bin/env node
// Runs the Playwright end-to-end tests against a Chromium found (or installed) by find-chromium.mjs.
// Extra arguments go to `playwright test` as they are: npm run test:e2e -- e2e/foo.spec.ts --headed
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import process from 'node:process';
import { ensureChromium } from './find-chromium.mjs';

const executable = ensureChromium();
const env = { ...process.env };
if (executable) {
  env.NORMLAB_CHROMIUM = executable;
  console.log(`run-e2e: using Chromium at ${executable}`);
} else {
  console.log("run-e2e: using Playwright's bundled Chromium");
}

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });

// Let Ctrl-C / a CI timeout reach Playwright so it can stop its web server; don't die before it does.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => {
  console.error(`run-e2e: could not start "npx playwright test": ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});
