#!/usr/bin/env node
// Draws the app icons in public/ (committed; rerun only when the logo changes): the logo of
// public/favicon.svg rendered by headless Chromium at each size the web manifest and iOS ask for.
//   node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BASE_FLAGS } from './chromium-flags.mjs';
import { findChromium } from './find-chromium.mjs';

const PUBLIC = path.join(import.meta.dirname, '..', 'public');
const BLUE = '#1967d2';
/** The curve of favicon.svg, drawn in a 32 x 32 box. */
const CURVE = readFileSync(path.join(PUBLIC, 'favicon.svg'), 'utf8').match(/<path [^>]+\/>/)?.[0];
if (!CURVE) throw new Error('public/favicon.svg has no <path>: cannot draw the icons');

/** The favicon as it is: a rounded square on a transparent background ("any" purpose). */
const rounded = `<rect width="32" height="32" rx="6" fill="${BLUE}"/>${CURVE}`;
/**
 * Maskable and Apple icons: full-bleed colour (the platform cuts its own shape), the curve shrunk
 * to 75% around the middle: its far corners, (±7.5, ±4.5) from the centre in a 32 box, stay well inside
 * the maskable safe zone (a circle of radius 0.4 × 32 = 12.8).
 */
const fullBleed = `<rect width="32" height="32" fill="${BLUE}"/><g transform="translate(16 16) scale(0.75) translate(-16 -16)">${CURVE}</g>`;

const ICONS = [
  { file: 'pwa-192x192.png', size: 192, body: rounded },
  { file: 'pwa-512x512.png', size: 512, body: rounded },
  { file: 'maskable-512x512.png', size: 512, body: fullBleed },
  { file: 'apple-touch-icon-180x180.png', size: 180, body: fullBleed },
];

const executablePath = findChromium() ?? undefined;
const browser = await chromium.launch({ executablePath, args: BASE_FLAGS });
try {
  const page = await browser.newPage();
  for (const { file, size, body } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${body}</svg>`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(PUBLIC, file), omitBackground: true });
    console.log(`make-icons: public/${file} (${size} x ${size})`);
  }
} finally {
  await browser.close();
}
