import { expect, test } from '@playwright/test';
import {
  activeBackend,
  gotoApp,
  pauseButton,
  readNumber,
  readSettled,
  trainButton,
  waitForReady,
} from './helpers';

/** Regressions of issue 10 §1-2: crashes a new user hit in two clicks, and work lost without a word. */
test.describe('nothing breaks, nothing is lost', () => {
  test('L2 above 0, then a new seed (a rebuild), then Train: it trains', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await page.getByRole('textbox', { name: 'L2' }).fill('0.001');
    await page.getByRole('textbox', { name: 'Seed' }).fill('3');
    await waitForReady(page);
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 45_000 }).toBeGreaterThan(50);
    await pauseButton(page).click();
    await expect(page.locator('.training-problem')).toHaveCount(0);
    await expect(trainButton(page)).toBeEnabled();
  });

  test('a backend change mid-training carries the run over; a reload goes on from the same step', async ({
    page,
  }) => {
    await gotoApp(page, 'cpu');
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 20_000 }).toBeGreaterThan(100);
    await page.getByRole('combobox', { name: 'Backend' }).selectOption('wasm');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /^Moved to WASM with the trained weights: the run goes on from step \d+\./ }),
    ).toBeVisible({ timeout: 30_000 });
    expect(await activeBackend(page)).toBe('wasm');
    // It kept training from where it was, not from 0.
    await expect(pauseButton(page)).toBeVisible();
    await pauseButton(page).click();
    const step = await readSettled(page, 'metric-step');
    expect(step).toBeGreaterThan(100);
    const accuracy = await page.getByTestId('metric-test-accuracy').textContent();

    await page.reload();
    await waitForReady(page);
    await expect(page.getByTestId('metric-step')).toHaveText(String(step), { timeout: 15_000 });
    await expect(page.getByTestId('metric-test-accuracy')).toHaveText(accuracy ?? '');
    await expect(page.getByRole('status').filter({ hasText: `trained to step ${step}` })).toBeVisible();
  });

  test('a data change while training says the run restarts, and Undo brings the data back', async ({
    page,
  }) => {
    await gotoApp(page, 'cpu');
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 20_000 }).toBeGreaterThan(50);
    await page.getByRole('textbox', { name: 'Noise' }).fill('0.3');
    await expect(
      page.getByRole('status').filter({
        hasText:
          /^The noise changed, so training starts again from step 0 on the new data \(the run was at step \d+/,
      }),
    ).toBeVisible();
    await expect(page.getByTestId('metric-step')).toHaveText('0');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('textbox', { name: 'Noise' })).toHaveValue('0.1');
  });
});
