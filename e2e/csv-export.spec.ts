import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseExport } from './exportMenu';
import { gotoApp, pauseButton, readNumber, readSettled, trainButton, waitForReady } from './helpers';

/** Debian's Python, which python3-torch installs into (a pyenv python may come first on PATH). */
const PYTHON = '/usr/bin/python3';
/** 300 rows: width, height (noise), length, weight, and the class in "kind" (alpha, beta, gamma). */
const FIXTURE = path.join('e2e', 'fixtures', 'four-features.csv');
/** The test accuracy the default graph is trained to on it before exporting. */
const TARGET_ACCURACY = 90;

test('own data to PyTorch: a 4-feature, 3-class CSV trained to 90% gives the same test accuracy under python3-torch', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Loudly, never silently: without PyTorch this fails and says why.
  try {
    execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      `${PYTHON} cannot import torch: install Debian's python3-torch (apt-get install python3-torch).`,
    );
  }
  await gotoApp(page, 'wasm');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  await dialog.getByLabel('CSV file to import').setInputFiles(FIXTURE);
  await dialog.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'kind' });
  await expect(dialog.getByRole('combobox', { name: 'Task' })).toHaveValue('multiclass');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  // The imported lab is built (not the Circle lab it replaces) before Train is pressed.
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
  await expect(page.getByRole('region', { name: 'Network graph' })).toContainText('4 features');
  await expect(page.getByText('203 weights in the model')).toBeVisible();
  await waitForReady(page);

  await trainButton(page).click();
  await expect(pauseButton(page)).toBeVisible();
  await expect
    .poll(() => readNumber(page, 'metric-test-accuracy'), { timeout: 60_000, message: 'test accuracy' })
    .toBeGreaterThanOrEqual(TARGET_ACCURACY);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();
  const step = await readSettled(page, 'metric-step');
  const appAccuracy = (await readSettled(page, 'metric-test-accuracy')) / 100;
  expect(appAccuracy).toBeGreaterThanOrEqual(TARGET_ACCURACY / 100);

  await chooseExport(page, 'PyTorch (.py)', { withWeights: true, withData: true });
  const preview = page.getByRole('dialog', { name: 'PyTorch (.py) preview' });
  await expect(preview).toContainText('length');
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download' }).click();
  const file = testInfo.outputPath('normlab_pytorch.py');
  await (await downloading).saveAs(file);

  const out = execFileSync(PYTHON, [file], { encoding: 'utf8', timeout: 120_000 });
  writeFileSync(testInfo.outputPath('python-output.txt'), out);
  const printed = /test accuracy:?\s*([0-9.]+)/i.exec(out);
  expect(printed, `python printed:\n${out}`).not.toBeNull();
  const pyAccuracy = Number(printed?.[1]);
  testInfo.annotations.push({
    type: 'csv → pytorch',
    description: `step ${step}: app ${appAccuracy.toFixed(3)}, python3-torch ${pyAccuracy.toFixed(4)}`,
  });
  // The app shows accuracy in percent with one decimal: 0.001 apart at most, plus rounding.
  expect(Math.abs(pyAccuracy - appAccuracy)).toBeLessThanOrEqual(0.002);
});
