#!/usr/bin/env node
// Finds a Chromium for Playwright to drive.
//
// Order: an env var (NORMLAB_CHROMIUM, CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), then the
// system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser), then Playwright's own bundled build
// (`npx playwright install chromium`). Playwright cannot download browsers on every machine we run on,
// so Debian's `chromium` package is the usual answer.
//
//   node scripts/find-chromium.mjs            prints the chosen executable, exits 1 when there is none
//   node scripts/find-chromium.mjs --ensure   same, but installs Debian's chromium when root and missing
//
// playwright.config.ts inlines the same env-var/system lookup (it cannot import this file and still
// typecheck); keep the two in step.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_ENV_VARS = ['NORMLAB_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const require = createRequire(import.meta.url);

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of Playwright's bundled Chromium when it is installed on disk, else null. */
export function bundledChromiumPath() {
  for (const pkg of ['playwright-core', '@playwright/test']) {
    try {
      const file = require(pkg).chromium.executablePath();
      if (file && existsSync(file)) return file;
    } catch {
      // package missing or no registry entry for this platform: try the next one
    }
  }
  return null;
}

/**
 * Where the browser would come from, without installing anything.
 * @returns {{ source: 'env' | 'system' | 'bundled' | 'none', path: string | null, envVar?: string }}
 */
export function locateChromium() {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = process.env[name]?.trim();
    if (!value) continue;
    if (isExecutable(value)) return { source: 'env', path: value, envVar: name };
    console.warn(`find-chromium: ${name}=${value} is not an executable file; ignoring it.`);
  }
  for (const file of SYSTEM_CHROMIUM_PATHS) {
    if (isExecutable(file)) return { source: 'system', path: file };
  }
  const bundled = bundledChromiumPath();
  if (bundled) return { source: 'bundled', path: bundled };
  return { source: 'none', path: null };
}

/**
 * The Chromium executable Playwright should launch, or null. Null means either "use Playwright's
 * bundled browser" (it is installed) or "there is none": ensureChromium() tells the two apart.
 */
export function findChromium() {
  const found = locateChromium();
  return found.source === 'env' || found.source === 'system' ? found.path : null;
}

function isDebianLike() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

function hasAptGet() {
  return ['/usr/bin/apt-get', '/bin/apt-get', '/usr/local/bin/apt-get'].some(isExecutable);
}

/**
 * Like findChromium(), but when there is no browser at all: installs Debian's chromium with apt-get
 * when running as root on Debian/Ubuntu, or else prints the command to run and exits non-zero.
 * @returns {string | null} an executable path, or null to use Playwright's bundled Chromium
 */
export function ensureChromium() {
  const found = locateChromium();
  if (found.source === 'bundled') return null;
  if (found.path) return found.path;

  const isRoot = process.getuid?.() === 0;
  const debian = isDebianLike();
  if (isRoot && debian && hasAptGet()) {
    console.log('find-chromium: no Chromium found; installing Debian package "chromium" with apt-get…');
    const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (result.status === 0 && installed) return installed;
    console.error(
      `find-chromium: "apt-get install -y chromium" ${result.status === 0 ? 'did not provide /usr/bin/chromium' : `failed (exit ${result.status ?? result.signal})`}.`,
    );
    process.exit(1);
  }

  console.error('find-chromium: no Chromium browser found for the end-to-end tests. Install one with:');
  if (debian) console.error(`  ${isRoot ? '' : 'sudo '}apt-get install -y chromium`);
  console.error(`  ${debian ? 'or: ' : ''}npx playwright install chromium`);
  console.error(`or point ${CHROMIUM_ENV_VARS[0]} at a Chromium/Chrome executable.`);
  process.exit(1);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  if (process.argv.includes('--ensure')) {
    // ensureChromium() exits non-zero itself when it cannot provide a browser.
    console.log(ensureChromium() ?? bundledChromiumPath());
  } else {
    const found = locateChromium();
    if (!found.path) {
      console.error(
        'find-chromium: no Chromium found; "node scripts/find-chromium.mjs --ensure" installs one.',
      );
      process.exit(1);
    }
    console.log(found.path);
  }
}
