import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { gotoApp, pauseButton, readNumber, saveScreenshot, trainButton } from './helpers';

// Compare runs (issue 12 §2): pin the default run, run "Without normalization" beside it, both on
// one chart and in the Runs table; the runs survive a reload; a variant that makes no sense says so.

const dock = (page: Page): Locator => page.getByRole('region', { name: 'Analysis' });
const runsTable = (page: Page): Locator => page.getByTestId('runs-table');
/** The table's data rows (its header row left out). */
const dataRows = (page: Page): Locator => runsTable(page).locator('tbody').getByRole('row');
const notice = (page: Page): Locator => page.locator('.notice');

/** Where the pictures for people go besides test-results/screenshots (NORMLAB_SHOTS_DIR, when set). */
function keepShot(file: string) {
  const dir = process.env.NORMLAB_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, path.join(dir, path.basename(file)));
}

test('pin the default run, run it without normalization, compare both on one chart and in the table', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await gotoApp(page, 'wasm');
  await trainButton(page).click();
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(300);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeVisible();

  await dock(page).getByRole('tab', { name: 'Runs', exact: true }).click();
  await dock(page).getByRole('button', { name: 'Pin run' }).click();
  await expect(dataRows(page)).toHaveCount(1);
  const steps = Number(await dataRows(page).first().locator('td').nth(3).textContent());
  expect(steps).toBeGreaterThanOrEqual(300);

  await dock(page).getByRole('button', { name: 'Without normalization' }).click();
  // It trains the variant to the same step on the same data and seed, then pins it.
  await expect(dataRows(page)).toHaveCount(2, { timeout: 90_000 });
  await expect(runsTable(page).getByRole('row')).toHaveCount(3); // with the header row
  const second = dataRows(page).nth(1);
  await expect(second.getByRole('rowheader')).toHaveText('Without normalization');
  await expect(second.locator('td').nth(1)).toHaveText('2 Dense, ReLU');
  await expect(second.locator('td').nth(3)).toHaveText(String(steps));
  await expect(page.getByTestId('metric-step')).toHaveText(String(steps));

  // Both runs on one chart: the loss chart draws both pinned runs beside the live one.
  const charts = page.getByRole('region', { name: 'Charts' });
  const loss = charts.getByRole('img', { name: /^Loss by step/ });
  await expect(loss).toHaveAttribute(
    'aria-label',
    /pinned: Run 1 test [\d.e-]+ at step \d+; Without normalization test/,
  );
  await expect(charts.locator('.loss-chart .curve-run0 path.recharts-line-curve')).toHaveCount(1);
  await expect(charts.locator('.loss-chart .curve-run1 path.recharts-line-curve')).toHaveCount(1);
  await expect(charts.getByRole('checkbox', { name: 'Without normalization (test)' })).toBeChecked();
  const accuracy = charts.getByRole('img', { name: /^Test accuracy by step/ });
  // The Runs tab shows the same comparison, wide.
  await expect(
    dock(page).getByRole('img', { name: /^Test loss by step: .*pinned: Run 1 .*; Without normalization/ }),
  ).toBeVisible();
  await expect(
    dock(page).getByRole('img', { name: /^Test accuracy by step: .*; Run 1 .*; Without normalization/ }),
  ).toBeVisible();
  await expect(accuracy).toHaveAttribute(
    'aria-label',
    /Run 1 [\d.]+% at step \d+; Without normalization [\d.]+%/,
  );

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(1, 700);
  // The charts redraw together at most twice a second: let the live curves catch up for the picture.
  await page.waitForTimeout(700);
  keepShot(await saveScreenshot(page, 'compare-1280.png'));
  // The table under the charts, scrolled into view.
  await runsTable(page).scrollIntoViewIfNeeded();
  keepShot(await saveScreenshot(page, 'compare-table-1280.png'));

  // The Runs tab with its charts and table: no serious or critical accessibility violation (axe).
  await expectAccessible(page, 'the Runs tab with two pinned runs');

  // A variant that makes no sense says so plainly: this lab has no normalization left.
  await dock(page).getByRole('button', { name: 'Without normalization' }).click();
  await expect(notice(page)).toContainText('This graph has no BatchNorm or LayerNorm node to remove.');
  await expect(dataRows(page)).toHaveCount(2);

  // The runs survive a reload.
  await page.reload();
  await expect(trainButton(page)).toBeEnabled({ timeout: 45_000 });
  await dock(page).getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(dataRows(page)).toHaveCount(2);
  await expect(
    page.getByRole('region', { name: 'Charts' }).getByRole('img', { name: /^Loss by step/ }),
  ).toHaveAttribute('aria-label', /Without normalization test/);
});
