import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { strFromU8, unzipSync } from 'fflate';
import { chooseExport, exportButton, exportMenu } from './exportMenu';
import {
  canvas,
  gotoApp,
  node,
  pauseButton,
  readNumber,
  readSettled,
  selectNode,
  trainButton,
} from './helpers';

/** Debian's Python, which python3-torch installs into (a pyenv python may come first on PATH). */
const PYTHON = '/usr/bin/python3';

/** Trains the default graph on Circle a little, pauses, and returns the step and shown test accuracy (0..1). */
async function trainABit(page: Page, steps = 60): Promise<{ step: number; accuracy: number; loss: number }> {
  await trainButton(page).click();
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(steps);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();
  const step = await readSettled(page, 'metric-step');
  const accuracy = (await readSettled(page, 'metric-test-accuracy')) / 100;
  expect(accuracy).toBeGreaterThan(0.5);
  return { step, accuracy, loss: await readNumber(page, 'metric-test-loss') };
}

/** Rows of a CSV export (header, then numbers), as features and targets. */
function readCsv(text: string): { x: number[][]; y: number[] } {
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(',').map(Number));
  return { x: rows.map((r) => r.slice(0, -1)), y: rows.map((r) => r.at(-1) as number) };
}

test.describe('Export', () => {
  test('TF.js model (.zip): model.json and weights.bin that tf.loadLayersModel reads, with the app’s test accuracy', async ({
    page,
  }, testInfo) => {
    await gotoApp(page, 'wasm');
    const { step, accuracy, loss } = await trainABit(page);

    const downloading = page.waitForEvent('download');
    await chooseExport(page, 'TF.js model (.zip)', { withWeights: true, withData: true });
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('normlab-model-tfjs.zip');
    const file = testInfo.outputPath('model.zip');
    await download.saveAs(file);

    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'model.json',
      'test.csv',
      'train.csv',
      'weights.bin',
    ]);
    const modelJson = JSON.parse(strFromU8(files['model.json'] as Uint8Array));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(modelJson.userDefinedMetadata.normlab).toMatchObject({ task: 'binary', trainedToStep: step });
    const bin = files['weights.bin'] as Uint8Array;
    const model = await loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
      }),
    );
    // The exported copy ends in a sigmoid: predict() gives P(class 1).
    const { x, y } = readCsv(strFromU8(files['test.csv'] as Uint8Array));
    const p = tf.tidy(() => (model.predict(tf.tensor2d(x)) as tf.Tensor).dataSync());
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...p)).toBeLessThanOrEqual(1);
    const right = y.filter((label, i) => ((p[i] as number) > 0.5 ? 1 : 0) === label).length;
    const loaded = right / y.length;
    // Binary cross-entropy of those probabilities: the app's test loss (shown to 3 decimals).
    const clip = (q: number) => Math.min(1 - 1e-7, Math.max(1e-7, q));
    const bce =
      -y.reduce((s, t, i) => s + Math.log(t === 1 ? clip(p[i] as number) : 1 - clip(p[i] as number)), 0) /
      y.length;
    testInfo.annotations.push({
      type: 'tfjs export',
      description: `step ${step}: app test accuracy ${accuracy.toFixed(3)} and loss ${loss}; loaded model ${loaded.toFixed(3)} and ${bce.toFixed(5)}`,
    });
    expect(Math.abs(loaded - accuracy)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(bce - loss)).toBeLessThanOrEqual(0.0006 + 0.01 * loss);
    model.dispose();
  });

  test('the menu by keyboard: Enter opens it on the first item, arrows move, Escape closes and gives focus back', async ({
    page,
  }) => {
    await gotoApp(page, 'wasm');
    await exportButton(page).focus();
    await page.keyboard.press('Enter');
    const menu = exportMenu(page);
    await expect(menu.getByRole('menuitem', { name: 'Lab file' })).toBeFocused();
    await expectAccessible(page, 'the open Export menu');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'PyTorch (.py)' })).toBeFocused();
    await page.keyboard.press('End');
    const data = menu.getByRole('menuitemcheckbox', { name: 'with the data' });
    await expect(data).toBeFocused();
    await page.keyboard.press(' ');
    await expect(data).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('metric-step')).toHaveText('0'); // Space did not start training
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(exportButton(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemcheckbox', { name: 'with the data' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    await page.keyboard.press('Escape');
  });

  test('an invalid graph: TF.js and PyTorch exports are refused with its problems, and nothing is lost', async ({
    page,
  }) => {
    await gotoApp(page, 'wasm');
    await selectNode(page, 'bn1');
    await page.keyboard.press('Delete');
    await expect(node(page, 'bn1')).toHaveCount(0);
    const nodes = await canvas(page).locator('article').count();
    for (const item of ['TF.js model (.zip)', 'PyTorch (.py)']) {
      await chooseExport(page, item);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(`${item} export refused: fix the graph first`);
      await expect(alert).toContainText('[act1]');
      await expect(alert).toContainText('Your lab is unchanged.');
      await page.getByRole('button', { name: 'Dismiss message' }).click();
    }
    expect(await canvas(page).locator('article').count()).toBe(nodes);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('PyTorch (.py) with trained weights: preview, Copy, Download; python3 prints the app’s test accuracy', async ({
    page,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoApp(page, 'wasm');
    const { accuracy } = await trainABit(page);
    await chooseExport(page, 'PyTorch (.py)', { withWeights: true, withData: true });
    const dialog = page.getByRole('dialog', { name: 'PyTorch (.py) preview' });
    await expect(dialog).toBeVisible();
    const code = dialog.getByRole('region', { name: /^Code of .+\.py$/ });
    await expect(code).toContainText('torch');
    await expectAccessible(page, 'the PyTorch preview');

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.py$/);
    const file = testInfo.outputPath('model.py');
    await download.saveAs(file);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    // Loudly, never silently: without PyTorch this fails and says why.
    try {
      execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'pipe' });
    } catch {
      throw new Error(
        `${PYTHON} cannot import torch: install Debian's python3-torch (apt-get install python3-torch).`,
      );
    }
    const out = execFileSync(PYTHON, [file], { encoding: 'utf8', timeout: 180_000 });
    writeFileSync(testInfo.outputPath('python-output.txt'), out);
    const printed = /test accuracy:?\s*([0-9.]+)/i.exec(out);
    expect(printed, `python printed:\n${out}`).not.toBeNull();
    const pyAccuracy = Number(printed?.[1]);
    testInfo.annotations.push({
      type: 'pytorch export',
      description: `app ${accuracy.toFixed(3)}, python3 ${pyAccuracy.toFixed(4)}`,
    });
    expect(Math.abs(pyAccuracy - accuracy)).toBeLessThanOrEqual(0.01);
  });
});
