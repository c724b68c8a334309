import { expect, type Page, test, type Worker } from '@playwright/test';
import { readNumber, saveScreenshot, trainButton, waitForReady } from './helpers';

const badge = (page: Page) => page.getByTestId('backend-badge');

/** Every worker the page starts: the training worker first; a race starts a second instance of it. */
function recordWorkers(page: Page): Worker[] {
  const started: Worker[] = [];
  page.on('worker', (w) => started.push(w));
  return started;
}

test.describe('auto picks the faster backend by measuring it', () => {
  test('on software WebGL (this machine) auto stays on WASM without starting a race', async ({ page }) => {
    const started = recordWorkers(page);
    await page.goto('/?backend=auto&speed=full');
    await waitForReady(page);
    await expect(badge(page)).toContainText(/auto: WebGL2 is software \(.+\), so WASM/);
    await expect(badge(page).locator('strong')).toHaveText('wasm');
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 20_000 }).toBeGreaterThan(200);
    expect(started).toHaveLength(1);
  });

  test('?race=force times SwiftShader WebGL against WASM in a second worker: WASM stays, with both figures', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const started = recordWorkers(page);
    await page.goto('/?backend=auto&speed=full&race=force');
    await waitForReady(page);
    // Training starts at once, on WASM, while the race runs in the background.
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 20_000 }).toBeGreaterThan(50);
    const verdict = /auto: WASM, measured on this model: WebGL ([\d.]+) vs WASM ([\d.]+) steps\/s/;
    await expect(badge(page)).toContainText(verdict, { timeout: 150_000 });
    const [, webgl, wasm] = ((await badge(page).textContent()) ?? '').match(verdict) ?? [];
    console.log(`race on this machine: WebGL (SwiftShader) ${webgl} steps/s, WASM ${wasm} steps/s`);
    expect(Number(wasm)).toBeGreaterThan(1.2 * Number(webgl));
    await expect(badge(page).locator('strong')).toHaveText('wasm');
    expect(started).toHaveLength(2);
    // The racer is terminated once it has answered: only the training worker is left.
    await expect.poll(() => page.workers().length).toBe(1);
    await saveScreenshot(page, 'auto-race-verdict.png');

    // The verdict is remembered for this model size: a reload does not race again.
    await page.reload();
    await waitForReady(page);
    await expect(badge(page)).toContainText('(measured earlier on a model of this size)');
    expect(page.workers()).toHaveLength(1);
  });
});
