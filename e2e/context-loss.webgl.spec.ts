import { expect, test } from '@playwright/test';

// Runs in the 'webgl' project (SwiftShader WebGL2). ?debug=1 exposes window.normlab.loseGpuContext(),
// which calls WEBGL_lose_context on the worker's tfjs context: a real context loss, not a mock.
test('a lost GPU context moves training to WASM, says so, and training goes on', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?backend=webgl&debug=1');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toContainText('webgl', { timeout: 60_000 });
  const train = page.getByRole('button', { name: 'Train' });
  await expect(train).toBeEnabled({ timeout: 60_000 });
  await train.click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 60_000 })
    .toBeGreaterThan(5);

  const lost = await page.evaluate(() =>
    (window as unknown as { normlab: { loseGpuContext: () => Promise<boolean> } }).normlab.loseGpuContext(),
  );
  expect(lost).toBe(true);

  await expect(page.getByRole('alert').filter({ hasText: 'GPU (WebGL) context was lost' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(badge).toContainText('wasm');
  await expect(badge).toContainText('context was lost');
  // The model restarted from its initial weights; training can continue on the new backend.
  await page.getByRole('button', { name: 'Train' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 30_000 })
    .toBeGreaterThan(50);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});
