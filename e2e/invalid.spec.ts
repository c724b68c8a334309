import { expect, test } from '@playwright/test';
import {
  gotoApp,
  node,
  pauseButton,
  readNumber,
  resetButton,
  saveScreenshot,
  selectNode,
  stepButton,
  trainButton,
  waitForReady,
} from './helpers';

test.describe('when things go wrong', () => {
  test('a diverging run pauses itself and says the learning rate is the likely cause', async ({ page }) => {
    test.setTimeout(90_000);
    await gotoApp(page, 'wasm');
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Wave (regression)' });
    // The Output node follows the task: a regression head.
    await expect(node(page, 'output')).toContainText('mean squared error');
    await page.getByRole('combobox', { name: 'Optimizer' }).selectOption({ label: 'SGD' });
    await page.getByLabel('Learning rate').fill('10');
    await expect(page.getByLabel('Learning rate')).toHaveAttribute('aria-invalid', 'false');
    await waitForReady(page);
    // A regression task has no accuracy readout: it shows the test R² instead.
    await expect(page.getByTestId('metric-test-accuracy')).toHaveCount(0);
    await expect(page.getByTestId('metric-test-r2')).toHaveText(/^-?\d+\.\d{3}$/);

    await trainButton(page).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Training paused' }).first();
    await expect(problem).toBeVisible({ timeout: 60_000 });
    await expect(problem).toContainText('learning rate');
    await expect(problem).toContainText(/loss became (NaN|infinite)/);
    // The run stopped by itself: the button says Train again, and stays off until Reset.
    await expect(trainButton(page)).toBeVisible();
    await expect(pauseButton(page)).toHaveCount(0);
    await expect(trainButton(page)).toBeDisabled();
    await expect(stepButton(page)).toBeDisabled();
    const stoppedAt = await readNumber(page, 'metric-step');
    await saveScreenshot(page, 'diverged.png');
    // Still stopped after the screenshot: the step readout has not moved on.
    await expect(page.getByTestId('metric-step')).toHaveText(String(stoppedAt));

    // A sane learning rate and Reset make it trainable again.
    await page.getByLabel('Learning rate').fill('0.01');
    await resetButton(page).click();
    await expect(page.getByTestId('metric-step')).toHaveText('0');
    // The run panel's own message is gone once Reset clears the problem.
    await expect(page.getByRole('complementary', { name: 'Training' }).getByRole('alert')).toHaveCount(0);
    await expect(trainButton(page)).toBeEnabled();
  });

  test('an invalid graph is marked on the canvas and blocks training', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await selectNode(page, 'bn1');
    await page.keyboard.press('Delete');
    await expect(node(page, 'bn1')).toHaveCount(0);
    await expect(trainButton(page)).toBeDisabled();
    await expect(stepButton(page)).toBeDisabled();
    await expect(page.getByTestId('train-blocked-reason')).toHaveText(
      /^Fix the graph first \(\d+ problems, marked in red\): .+ \[\w+\]$/,
    );
    // The button points at its reason for assistive technology.
    const describedBy = await trainButton(page).getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/Fix the graph/);
    await saveScreenshot(page, 'invalid.png');
  });
});
