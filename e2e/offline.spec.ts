import { expect, test } from '@playwright/test';
import { activeBackend, saveScreenshot, waitForReady } from './helpers';
import { TARGET_ACCURACY, trainToTarget, waitForServiceWorker } from './pwaHelpers';
import { DIST, type StaticSite, serveStatic } from './staticServer';

// The build (dist/, made by the e2e web server) on a plain static host under a sub-path, as a
// GitHub Pages project site would serve it.
const SUB_PATH = '/sub/normlab/';

let site: StaticSite;
test.beforeEach(async () => {
  site = await serveStatic(DIST, SUB_PATH);
});
test.afterEach(async () => {
  await site.stop();
});

test.describe('a static host under a sub-path', () => {
  test('the page, worker, .wasm files, manifest and icons all load from the sub-path', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (!r.ok()) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${site.url}?backend=wasm`);
    await waitForReady(page);
    // WASM, not a fallback to CPU: the worker found its .wasm files relative to itself.
    expect(await activeBackend(page)).toBe('wasm');
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/assets\/worker-/));
    for (const worker of page.workers()) expect(worker.url().startsWith(site.url)).toBe(true);
    expect(site.requests.some((p) => /^\/sub\/normlab\/assets\/tfjs-backend-wasm.*\.wasm$/.test(p))).toBe(
      true,
    );

    // The web manifest, its start URL and every icon resolve inside the sub-path.
    const manifest = await page.evaluate(async () => {
      const href = (document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href;
      const json = (await (await fetch(href)).json()) as {
        start_url: string;
        scope: string;
        icons: { src: string; sizes: string; purpose?: string }[];
      };
      const icons = await Promise.all(
        json.icons.map(async (icon) => {
          const url = new URL(icon.src, href).href;
          const r = await fetch(url);
          const bitmap = await createImageBitmap(await r.blob());
          return { url, status: r.status, size: `${bitmap.width}x${bitmap.height}`, sizes: icon.sizes };
        }),
      );
      return {
        href,
        startUrl: new URL(json.start_url, href).href,
        scope: new URL(json.scope, href).href,
        purposes: json.icons.map((i) => i.purpose ?? 'any'),
        icons,
      };
    });
    expect(manifest.href).toBe(`${site.url}manifest.webmanifest`);
    expect(manifest.startUrl).toBe(site.url);
    expect(manifest.scope).toBe(site.url);
    expect(manifest.purposes).toContain('maskable');
    for (const icon of manifest.icons) {
      expect(icon.url.startsWith(site.url)).toBe(true);
      expect(icon.status).toBe(200);
      expect(icon.size, `${icon.url} is as large as the manifest says`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => i.size)).toEqual(expect.arrayContaining(['192x192', '512x512']));

    // The service worker lives in the sub-path and controls only it.
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.url);

    // Chromium would offer to install it: its own manifest parser and installability check agree.
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito profiles, where Chromium installs nothing; nothing else may stand in the way.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    expect(site.requests.filter((p) => !p.startsWith(SUB_PATH))).toEqual([]);
    expect(failed).toEqual([]);
  });

  test(`after one visit it loads and trains to ${TARGET_ACCURACY}% with no network`, async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.goto(`${site.url}?backend=wasm`);
    await waitForReady(page);
    await waitForServiceWorker(page);

    // No network at all: the browser is offline and the host is gone.
    await context.setOffline(true);
    await site.stop();
    const servedBefore = site.requests.length;
    expect(
      await page.evaluate(() =>
        fetch('./not-in-the-cache.txt').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).toBe('unreachable');

    await page.reload();
    await waitForReady(page);
    expect(await activeBackend(page)).toBe('wasm');
    const accuracy = await trainToTarget(page);
    testInfo.annotations.push({ type: 'offline', description: `wasm, offline: ${accuracy}% test accuracy` });
    expect(site.requests.length).toBe(servedBefore);
    await saveScreenshot(page, 'offline-trained.png');
  });
});
