import { expect, test } from '@playwright/test';
import { activeBackend, gotoApp } from './helpers';
import { TARGET_ACCURACY, trainToTarget } from './pwaHelpers';
import { recordCspViolations } from './recorders';

test.describe('the Content-Security-Policy', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    test(`lets the app train on ${backend} to ${TARGET_ACCURACY}% with no violation`, async ({ page }) => {
      const violations = await recordCspViolations(page);
      await gotoApp(page, backend);
      expect(await activeBackend(page)).toBe(backend);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'self'");
      expect(await trainToTarget(page)).toBeGreaterThanOrEqual(TARGET_ACCURACY);
      // The analysis panels draw too (SVG charts, canvas heatmap).
      for (const tab of ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      }
      expect(violations).toEqual([]);
    });
  }

  test('blocks a request to another origin and reports it', async ({ page }) => {
    const violations = await recordCspViolations(page);
    await gotoApp(page, 'cpu');
    const outcome = await page.evaluate(async () => {
      // A different port is a different origin. Nothing listens there, so only the reports prove the
      // policy stopped these before the network.
      const fetched = await fetch('http://127.0.0.1:9/data.json').then(
        () => 'reached',
        () => 'blocked',
      );
      const image = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = 'http://127.0.0.1:9/pixel.png';
      });
      return { fetched, image };
    });
    expect(outcome).toEqual({ fetched: 'blocked', image: 'blocked' });
    await expect
      .poll(() => violations.filter((v) => !v.startsWith('console:')))
      .toEqual([
        expect.stringMatching(/^connect-src blocked http:\/\/127\.0\.0\.1:9\/data\.json/),
        expect.stringMatching(/^img-src blocked http:\/\/127\.0\.0\.1:9\/pixel\.png/),
      ]);
  });
});
