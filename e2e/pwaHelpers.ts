import { expect, type Page } from '@playwright/test';
import { pauseButton, readNumber, trainButton } from './helpers';

/** The test accuracy the default graph must reach on Circle (as in train.spec.ts). */
export const TARGET_ACCURACY = 95;

/**
 * Waits until an activated service worker controls the page. Activation follows a complete install,
 * so by then every precached file (app shell, worker chunk, .wasm files, icons) is in the cache.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
      message: 'a service worker controls the page',
      timeout: 30_000,
    })
    .toBe('activated');
}

/** Presses Train, waits for the default graph to reach TARGET_ACCURACY on the test set, pauses. */
export async function trainToTarget(page: Page): Promise<number> {
  await trainButton(page).click();
  await expect(pauseButton(page)).toBeVisible();
  await expect
    .poll(() => readNumber(page, 'metric-test-accuracy'), {
      message: `test accuracy reaches ${TARGET_ACCURACY}%`,
      timeout: 60_000,
      intervals: [250],
    })
    .toBeGreaterThanOrEqual(TARGET_ACCURACY);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();
  return readNumber(page, 'metric-test-accuracy');
}
