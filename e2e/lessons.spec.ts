import { expect, type Page, test } from '@playwright/test';
import { readNumber, saveScreenshot, trainButton } from './helpers';

const checks = (page: Page) => page.getByTestId('lesson-check');

/** Opens a lesson through its link, on the cpu backend, and waits for the engine. */
async function openLessonLink(page: Page, n: number) {
  await page.goto(`/?backend=cpu&speed=full#lesson=${n}`);
  await expect(page.getByTestId('backend-badge')).toContainText('cpu', { timeout: 45_000 });
}

test.describe('lessons', () => {
  test('lesson 1 from a link: predict first, train, the checks pass with their numbers', async ({ page }) => {
    await openLessonLink(page, 1);
    await expect(page.getByRole('heading', { name: 'Can BatchNorm replace ReLU?' })).toBeVisible();
    // The prediction comes first: Train waits for an answer, and says why.
    await expect(page.getByTestId('train-blocked-reason')).toHaveText(/^Predict first/);
    await expect(trainButton(page)).toBeDisabled();
    await expect(checks(page)).toHaveCount(3);
    for (const c of await checks(page).all()) await expect(c).toHaveAttribute('data-state', 'pending');
    await page.getByRole('radio', { name: /No better than a straight line/ }).check();
    await expect(trainButton(page)).toBeEnabled({ timeout: 30_000 });
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(100);
    await saveScreenshot(page, 'lesson-in-progress.png');
    // Training stops by itself at the budget, where the checks are decided.
    await expect(page.getByTestId('metric-step')).toHaveText('600', { timeout: 60_000 });
    for (const c of await checks(page).all()) await expect(c).toHaveAttribute('data-state', 'pass');
    await expect(checks(page).first()).toHaveText(/accuracy .*\d\.\d+.*✓/);
    await expect(page.getByTestId('lesson-reveal')).toContainText('You predicted right.');
    await expect(page.getByTestId('collapse-banner')).toBeVisible();
    await saveScreenshot(page, 'lesson-passed.png');
    // The lesson is remembered as passed in this browser.
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'Lessons' })
        .getByRole('button', { name: /Can BatchNorm replace ReLU\?.*passed/ }),
    ).toBeVisible();
  });

  test('a lesson link that names no lesson gets a message, and the lab stays', async ({ page }) => {
    await page.goto('/?backend=cpu');
    await expect(trainButton(page)).toBeEnabled({ timeout: 45_000 });
    await page.goto('/?backend=cpu#lesson=42');
    await expect(page.getByRole('alert')).toContainText('There is no lesson 42; NormLab has lessons 1 to 8.');
    await page.goto('/?backend=cpu#lesson=AAAA-not-a-lesson');
    await expect(page.getByRole('alert')).toContainText('The lesson link could not be opened');
    await expect(page.getByRole('heading', { level: 2, name: /Lesson/ })).toHaveCount(0);
  });
});
