import { expect, test } from '@playwright/test';
import { gotoApp, pauseButton, readNumber, saveScreenshot, trainButton } from './helpers';

// Runs in the 'webgl' project only: headless Chromium with SwiftShader, a software WebGL2.
test.describe('WebGL backend (SwiftShader)', () => {
  test('trains on WebGL: the step count grows and the loss moves', async ({ page }, testInfo) => {
    // SwiftShader is slow (tens of steps per second here) and its shaders compile on first use.
    test.setTimeout(180_000);
    await gotoApp(page, 'webgl');
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toContainText('webgl');
    await expect(badge.locator('strong')).toHaveText('webgl');
    // The badge says why it is slow: software rendering.
    await expect(badge).toContainText(/software/i);

    await trainButton(page).click();
    await expect(pauseButton(page)).toBeVisible();
    await expect
      .poll(() => readNumber(page, 'metric-step'), { message: 'steps on WebGL', timeout: 90_000 })
      .toBeGreaterThan(20);

    // Two reads of the train loss a moment apart differ: the model is learning, not stuck.
    const first = await readNumber(page, 'metric-train-loss');
    expect(Number.isFinite(first)).toBe(true);
    await expect
      .poll(() => readNumber(page, 'metric-train-loss'), { message: 'the train loss moves', timeout: 30_000 })
      .not.toBe(first);
    const second = await readNumber(page, 'metric-train-loss');
    expect(Number.isFinite(second)).toBe(true);
    testInfo.annotations.push({
      type: 'webgl',
      description: `step ${await readNumber(page, 'metric-step')}, ${await page.getByTestId('metric-steps-per-second').textContent()} steps/s, loss ${first} -> ${second}`,
    });
    await saveScreenshot(page, 'webgl.png');

    await pauseButton(page).click();
    await expect(trainButton(page)).toBeEnabled();
  });
});
