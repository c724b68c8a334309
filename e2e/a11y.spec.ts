import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { gotoApp, pauseButton, readNumber, trainButton } from './helpers';

// Issue 10 §8: axe-core on the main states of the app. No serious or critical violation anywhere:
// first visit, trained, each analysis tab, each dialog, an open lesson.

const dock = (page: Page): Locator => page.getByRole('region', { name: 'Analysis' });
const labButton = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: 'Lab' }).getByRole('button', { name, exact: true });

test.describe('accessibility (axe): no serious or critical violations', () => {
  test('first visit, trained, and each analysis tab', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await expectAccessible(page, 'first visit');

    await trainButton(page).click();
    await expect
      .poll(() => readNumber(page, 'metric-step'), { timeout: 60_000, message: 'step >= 300' })
      .toBeGreaterThanOrEqual(300);
    await pauseButton(page).click();
    await expect(trainButton(page)).toBeEnabled();
    await expectAccessible(page, 'trained');

    for (const name of ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid']) {
      await dock(page).getByRole('tab', { name, exact: true }).click();
      await expect(dock(page).getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
      // The panel's probe readings arrive from the engine: wait until its busy note is gone.
      await expect(dock(page).getByTestId('panel-message')).toHaveCount(0, { timeout: 30_000 });
      await expectAccessible(page, `the ${name} tab`);
    }
  });

  test('each dialog: Share link, Share for class, Lessons, keyboard shortcuts', async ({ page }) => {
    await gotoApp(page, 'cpu');

    await labButton(page, 'Share link').click();
    const share = page.getByRole('dialog');
    await expect(share.getByTestId('share-url')).toBeVisible();
    await expectAccessible(page, 'the Share link popover');
    await share.getByRole('button', { name: 'Close' }).click();

    await labButton(page, 'Share for class').click();
    const classDialog = page.getByRole('dialog', { name: 'Share for class' });
    await expect(classDialog).toBeVisible();
    await expectAccessible(page, 'the Share for class dialog');
    await classDialog.getByRole('button', { name: 'Close' }).click();
    await expect(classDialog).toHaveCount(0);

    await page.getByRole('button', { name: 'Lessons' }).click();
    const lessons = page.getByRole('dialog', { name: 'Lessons' });
    await expect(lessons).toBeVisible();
    await expectAccessible(page, 'the Lessons list');
    await lessons.getByRole('button', { name: 'Make a lesson from this lab' }).click();
    await expectAccessible(page, 'the Make a lesson form');
    await lessons.getByRole('button', { name: 'Close' }).click();
    await expect(lessons).toHaveCount(0);

    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await expectAccessible(page, 'the keyboard shortcuts dialog');
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
  });

  test('an open lesson, before and after its prediction', async ({ page }) => {
    await page.goto('/?backend=cpu#lesson=1');
    await expect(page.getByRole('heading', { name: 'Can BatchNorm replace ReLU?' })).toBeVisible();
    await expect(page.getByTestId('backend-badge')).toContainText('cpu', { timeout: 45_000 });
    await expectAccessible(page, 'lesson 1, waiting for a prediction');
    await page.getByRole('radio', { name: /No better than a straight line/ }).check();
    await expect(trainButton(page)).toBeEnabled({ timeout: 30_000 });
    await expectAccessible(page, 'lesson 1, predicted');
  });
});
