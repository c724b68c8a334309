import { expect, type Page, test } from '@playwright/test';
import { pauseButton, readNumber, saveScreenshot, trainButton, waitForReady } from './helpers';
import { waitForServiceWorker } from './pwaHelpers';
import { DIST, type StaticSite, serveStatic } from './staticServer';

/** Which deploy the host serves: 0 is the build as made; n > 0 a new sw.js (what a deploy changes). */
let deploy = 0;
let site: StaticSite;
test.beforeEach(async () => {
  deploy = 0;
  site = await serveStatic(DIST, '/normlab/', {
    rewrite: (file, body) =>
      file === 'sw.js' && deploy > 0 ? Buffer.concat([body, Buffer.from(`\n// deploy ${deploy}\n`)]) : body,
  });
});
test.afterEach(async () => {
  await site.stop();
});

const updatePrompt = (page: Page) => page.getByRole('status', { name: 'New version' });

/** Marks the page's document: the mark is gone once the page reloads. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
}
const sameDocument = (page: Page) => page.evaluate(() => 'sameDocument' in window);

/** Asks the browser to look for a new service worker now (it would on its own at the next visit). */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
}

test('a new deploy is offered, not forced: training goes on until Reload, which opens the new version', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${site.url}?backend=wasm`);
  await waitForReady(page);
  await waitForServiceWorker(page);
  // A returning visitor: the page loads under the installed service worker.
  await page.reload();
  await waitForReady(page);
  await expect(updatePrompt(page)).toHaveCount(0);
  await markDocument(page);

  await trainButton(page).click();
  await expect(pauseButton(page)).toBeVisible();
  deploy = 1;
  await checkForUpdate(page);
  await expect(updatePrompt(page)).toContainText('A new version of NormLab is ready.');
  await expect(updatePrompt(page)).toContainText('Reloading stops the training run; your lab is kept.');
  await saveScreenshot(page, 'update-prompt.png');

  // Nothing reloads by itself: the same document keeps training.
  const stepAtPrompt = await readNumber(page, 'metric-step');
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 10_000 }).toBeGreaterThan(stepAtPrompt);
  expect(await sameDocument(page)).toBe(true);
  await expect(pauseButton(page)).toBeVisible();

  const reloaded = page.waitForEvent('load');
  await updatePrompt(page).getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  expect(await sameDocument(page)).toBe(false);
  await waitForReady(page);
  await waitForServiceWorker(page);
  // The new version is the one in control: nothing waits any more, so no offer comes back.
  const pending = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(r?.waiting), installing: Boolean(r?.installing) };
  });
  expect(pending).toEqual({ waiting: false, installing: false });
  await expect(updatePrompt(page)).toHaveCount(0);
});

test('Later hides the offer and keeps the page', async ({ page }) => {
  await page.goto(`${site.url}?backend=cpu`);
  await waitForReady(page);
  await waitForServiceWorker(page);
  deploy = 1;
  await checkForUpdate(page);
  await expect(updatePrompt(page)).toBeVisible();
  await markDocument(page);
  await updatePrompt(page).getByRole('button', { name: 'Later' }).click();
  await expect(updatePrompt(page)).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
});

test('Reload in another tab does not reload a tab that is training; that tab reloads on its own Reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${site.url}?backend=wasm`);
  await waitForReady(page);
  await waitForServiceWorker(page);
  // Loaded under the installed worker, like every visit after the first.
  await page.reload();
  await waitForReady(page);
  const other = await context.newPage();
  await other.goto(`${site.url}?backend=cpu`);
  await waitForReady(other);
  await markDocument(page);
  await trainButton(page).click();
  await expect(pauseButton(page)).toBeVisible();

  deploy = 1;
  await checkForUpdate(other);
  await expect(updatePrompt(other)).toBeVisible();
  await expect(updatePrompt(page)).toBeVisible();
  const otherReloaded = other.waitForEvent('load');
  await updatePrompt(other).getByRole('button', { name: 'Reload' }).click();
  await otherReloaded;
  await waitForReady(other);

  // The training tab now runs under the new service worker, but keeps its document and its run.
  const step = await readNumber(page, 'metric-step');
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 10_000 }).toBeGreaterThan(step);
  expect(await sameDocument(page)).toBe(true);
  await expect(updatePrompt(page)).toBeVisible();

  const reloaded = page.waitForEvent('load');
  await updatePrompt(page).getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  expect(await sameDocument(page)).toBe(false);
  await waitForReady(page);
  await expect(updatePrompt(page)).toHaveCount(0);
});
