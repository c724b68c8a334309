import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { gotoApp, pauseButton, readNumber, readSettled, trainButton, waitForReady } from './helpers';

/** The fixture: 300 rows, features width, height (noise), length, weight (they separate the classes), target kind. */
const FIXTURE = path.join('e2e', 'fixtures', 'four-features.csv');
/** The accuracy the default graph reaches on it: its three classes are well apart in length and weight. */
const TARGET_ACCURACY = 90;
const SHOTS = process.env.NORMLAB_SHOTS ?? path.join('test-results', 'screenshots', 'csv');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import CSV' });

async function importFixture(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByLabel('CSV file to import').setInputFiles(FIXTURE);
  await expect(dialog(page).getByRole('combobox', { name: 'Target' })).toBeVisible();
}

test.describe('your own data (CSV)', () => {
  test('imports a 4-feature, 3-class file, trains to 90% and shows a slice of the boundary', async ({
    page,
  }) => {
    await gotoApp(page, 'wasm');
    await importFixture(page);
    const d = dialog(page);
    await d.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'kind' });
    for (const name of ['width', 'height', 'length', 'weight']) {
      await expect(d.getByRole('checkbox', { name, exact: true })).toBeChecked();
    }
    await expect(d.getByRole('combobox', { name: 'Task' })).toHaveValue('multiclass');
    await expect(d).toContainText('0 = alpha');
    await expect(d.getByRole('table', { name: /Standardization/ })).toContainText('weight');
    await shot(page, 'import-dialog.png');
    await expectAccessible(page, 'the column chooser');
    await d.getByRole('button', { name: 'Import' }).click();
    await expect(d).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
    await waitForReady(page);

    await page.getByRole('combobox', { name: 'Horizontal feature' }).selectOption({ label: 'length' });
    await page.getByRole('combobox', { name: 'Vertical feature' }).selectOption({ label: 'weight' });
    await expect(page.getByTestId('slice-text')).toHaveText(
      'Across: length, up: weight. A slice: the other 2 features are held at their mean (0 after standardization), and points are projected onto it.',
    );
    await trainButton(page).click();
    await expect
      .poll(() => readNumber(page, 'metric-test-accuracy'), { timeout: 60_000, message: 'test accuracy' })
      .toBeGreaterThanOrEqual(TARGET_ACCURACY);
    await pauseButton(page).click();
    await readSettled(page, 'metric-step');
    expect(await readNumber(page, 'metric-test-accuracy')).toBeGreaterThanOrEqual(TARGET_ACCURACY);
    await expect(page.getByTestId('decision-boundary')).not.toHaveAttribute('data-step', '');
    await shot(page, 'boundary-slice.png');
    await expectAccessible(page, 'trained on imported data');
    // The warped grid pushes the same slice through the network, and says so.
    const dock = page.getByRole('region', { name: 'Analysis' });
    await dock.getByRole('tab', { name: 'Warped grid', exact: true }).click();
    await expect(dock).toContainText(
      'The input plane is the decision boundary’s slice: length across, weight up',
    );

    // Reload: the rows come back from this browser's storage, and the lab trains on at once.
    await page.reload();
    await waitForReady(page);
    await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
    await expect(page.getByTestId('csv-missing')).toHaveCount(0);
    // The trained weights kept with the autosave go back in once the rows are there.
    await expect
      .poll(() => readNumber(page, 'metric-step'), { message: 'the step restored' })
      .toBeGreaterThan(0);
    expect(await readNumber(page, 'metric-test-accuracy')).toBeGreaterThanOrEqual(TARGET_ACCURACY);
  });

  test('a bad file gets one clear message and the lab stays as it was', async ({ page }) => {
    await gotoApp(page, 'wasm');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    // A spreadsheet saved as .xlsx but named .csv: a ZIP archive.
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    await dialog(page)
      .getByLabel('CSV file to import')
      .setInputFiles({ name: 'grades.csv', mimeType: 'text/csv', buffer: xlsx });
    await expect(dialog(page).getByRole('alert')).toHaveText(
      '“grades.csv” is not a CSV text file: it holds binary data (a ZIP archive, such as an Excel .xlsx workbook). Save it as CSV (comma-separated text) first. Your lab is unchanged.',
    );
    const ragged = Buffer.from('a,b,c\n1,2,3\n4,5\n');
    await dialog(page)
      .getByLabel('CSV file to import')
      .setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: ragged });
    await expect(dialog(page).getByRole('alert')).toHaveText(
      /^Row 3 has 2 values, but the header has 3 columns/,
    );
    await shot(page, 'bad-file.png');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog(page)).toBeHidden();

    // A .csv dropped on the page opens the dialog with it: an empty one is refused, by name.
    const drop = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([''], 'empty.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
    await expect(dialog(page).getByRole('alert')).toHaveText(
      '“empty.csv” is empty: it holds no rows at all. Your lab is unchanged.',
    );
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('circle');
    await waitForReady(page);
  });

  test('the bundled Iris example imports through the same path, and a link asks for its file', async ({
    page,
    browser,
  }) => {
    await gotoApp(page, 'wasm');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await dialog(page)
      .getByRole('button', { name: /Example: Fisher’s Iris/ })
      .click();
    await expect(dialog(page).getByRole('combobox', { name: 'Target' })).toHaveValue('4');
    await expect(dialog(page)).toContainText('0 = Iris-setosa');
    await dialog(page).getByRole('button', { name: 'Import' }).click();
    await waitForReady(page);
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByTestId('share-url').inputValue();
    expect(link).toMatch(/\/#lab=[\w-]+$/);

    // Another browser opens the link: the lab names iris.csv and asks for it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const other = await context.newPage();
    await other.goto(link.replace('/#lab=', '/?backend=wasm&speed=full#lab='));
    await expect(other.getByTestId('csv-missing')).toContainText('This lab trains on “iris.csv” (150 rows');
    await expect(other.getByTestId('train-blocked-reason')).toContainText('Import “iris.csv” to train');
    await shot(other, 'missing-file-banner.png');
    await context.close();
  });
});
