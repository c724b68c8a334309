import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { waitForReady } from './helpers';

// `npm start` serves the sources: no service worker to cache stale modules, no Content-Security-Policy
// to block React Refresh's inline preamble and the CSS the dev server injects as <style> elements.
let server: ViteDevServer;
test.beforeAll(async () => {
  server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
});
test.afterAll(async () => {
  await server?.close();
});

test('the dev server runs the app with no service worker and no Content-Security-Policy', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const url = server.resolvedUrls?.local[0];
  expect(url).toBeTruthy();
  await page.goto(`${url}?backend=cpu`);
  await waitForReady(page, 90_000);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(0);
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});
