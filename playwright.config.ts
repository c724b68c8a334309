import { accessSync, constants } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { BASE_FLAGS, SWIFTSHADER_FLAGS } from './scripts/chromium-flags.mjs';

const CI = Boolean(process.env.CI);
// NORMLAB_E2E_PORT lets two checkouts run their e2e side by side without reusing each other's server.
const PORT = Number(process.env.NORMLAB_E2E_PORT) || 4173;
const BASE_URL = `http://127.0.0.1:${PORT}`;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Same lookup as scripts/find-chromium.mjs (inlined so this file typechecks without allowJs): an env var
// naming a Chromium, else the system one; undefined means Playwright's own bundled browser.
// scripts/run-e2e.mjs sets NORMLAB_CHROMIUM to what it found.
function chromiumExecutable(): string | undefined {
  for (const name of ['NORMLAB_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const value = process.env[name]?.trim();
    if (value && isExecutable(value)) return value;
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(isExecutable);
}

const executablePath = chromiumExecutable();
function launchOptions(extraArgs: string[] = []) {
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [...BASE_FLAGS, ...extraArgs],
  };
}

const WEBGL_SPEC = /webgl\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // 2-core machines, and the training tests are CPU heavy: one test at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // scripts/test-all.mjs sets NORMLAB_E2E_JSON to read the counts back.
  reporter: [['list'], ['json', { outputFile: process.env.NORMLAB_E2E_JSON || 'test-results/e2e.json' }]],
  // A subfolder: Playwright empties outputDir at start, and test-results/ also holds unit.json/e2e.json.
  outputDir: 'test-results/artifacts',
  use: {
    browserName: 'chromium',
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: WEBGL_SPEC,
      use: { launchOptions: launchOptions() },
    },
    {
      // Software WebGL2 (SwiftShader) for the WebGL smoke test in headless Chromium.
      name: 'webgl',
      testMatch: WEBGL_SPEC,
      use: { launchOptions: launchOptions(SWIFTSHADER_FLAGS) },
    },
  ],
  // NORMLAB_NO_SERVER=1 runs specs that need no app (page.setContent) without building it.
  ...(process.env.NORMLAB_NO_SERVER === '1'
    ? {}
    : {
        webServer: {
          command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
          url: BASE_URL,
          reuseExistingServer: !CI,
          timeout: 180_000,
        },
      }),
});
