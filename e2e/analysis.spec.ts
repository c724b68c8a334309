import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  canvas,
  connect,
  dropFromPalette,
  edges,
  fitView,
  gotoApp,
  inspector,
  node,
  pauseButton,
  readNumber,
  readSettled,
  saveScreenshot,
  selectNode,
  trainButton,
} from './helpers';

// Issue 3: the analysis panels, and the claim they exist to show: BatchNorm at inference is affine, so
// Dense + BatchNorm stacks collapse into one affine map; ReLU or LayerNorm break the collapse.

/** The dock under the canvas, and the open panel's controls. */
const dock = (page: Page): Locator => page.getByRole('region', { name: 'Analysis' });
const tab = (page: Page, name: string): Locator => dock(page).getByRole('tab', { name, exact: true });
const panelMessage = (page: Page): Locator => dock(page).getByTestId('panel-message');
const banner = (page: Page): Locator => page.getByTestId('collapse-banner');

/** Opens a panel by its tab and waits for its heading. */
async function openPanel(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  await expect(dock(page).getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** Fails the test on any uncaught error in the page (a panel that throws while drawing, say). */
function failOnPageErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return () => expect(errors, 'uncaught errors in the page').toEqual([]);
}

/** Deletes a node the way a person does: click it, press Delete. */
async function deleteNode(page: Page, id: string): Promise<void> {
  await selectNode(page, id);
  await page.keyboard.press('Delete');
  await expect(node(page, id)).toHaveCount(0);
}

/** Sets a Dense node's width through the Inspector. */
async function setUnits(page: Page, id: string, units: number): Promise<void> {
  await selectNode(page, id);
  await inspector(page).getByLabel('Units').fill(String(units));
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  await expect(node(page, id)).toContainText(`${units} units`);
}

/**
 * Waits until the engine has rebuilt the model after a graph edit: every edit clears the readouts
 * and the rebuilt model's step-0 test accuracy comes back with it. (A Train click while a graph
 * that was invalid is still waiting to be rebuilt is dropped: see the report of issue 3's tests.)
 */
async function waitForModel(page: Page): Promise<void> {
  await expect(trainButton(page)).toBeEnabled();
  await expect
    .poll(() => readNumber(page, 'metric-test-accuracy'), { message: 'the rebuilt model is evaluated' })
    .not.toBeNaN();
}

/** Trains until the step counter reaches `steps`, then pauses and waits for the final report. */
async function trainSteps(page: Page, steps: number, timeout = 40_000): Promise<number> {
  await trainButton(page).click();
  await expect
    .poll(() => readNumber(page, 'metric-step'), { timeout, intervals: [250], message: `step >= ${steps}` })
    .toBeGreaterThanOrEqual(steps);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();
  return readSettled(page, 'metric-step');
}

/** Trains until test accuracy (in %) reaches `target`, then pauses; returns the steps it took. */
async function trainToAccuracy(page: Page, target: number, timeout = 45_000): Promise<number> {
  await trainButton(page).click();
  await expect
    .poll(() => readNumber(page, 'metric-test-accuracy'), {
      timeout,
      intervals: [250],
      message: `test accuracy reaches ${target}%`,
    })
    .toBeGreaterThanOrEqual(target);
  const steps = await readNumber(page, 'metric-step');
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();
  await readSettled(page, 'metric-step');
  return steps;
}

/** Gives the canvas the whole column while editing the graph, and shows every node. */
async function roomToEdit(page: Page): Promise<void> {
  const hide = dock(page).getByRole('button', { name: 'Hide panels' });
  if (await hide.isVisible()) await hide.click();
  await fitView(page);
}

test.describe('a network without activations collapses into one affine map', () => {
  test('Dense(8) -> BatchNorm -> Dense(8) -> BatchNorm -> Output on Circle is affine and fails', async ({
    page,
  }, testInfo) => {
    const noPageErrors = failOnPageErrors(page);
    await gotoApp(page, 'cpu');
    await expect(banner(page)).toHaveCount(0);
    await roomToEdit(page);

    // Remove both ReLUs and close the gaps they leave.
    await deleteNode(page, 'act1');
    await deleteNode(page, 'act2');
    await connect(page, 'bn1', 'dense2');
    await connect(page, 'bn2', 'output');
    await expect(edges(page)).toHaveCount(5);
    await waitForModel(page);
    // Known from the graph alone, before any training.
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText('one affine map');

    const steps = await trainSteps(page, 600);
    await expect(banner(page)).toBeVisible();

    await openPanel(page, 'Equivalent affine map');
    await expect(page.getByTestId('affine-max-error')).toHaveText(/^\d\.\d\de[-+]\d+$/);
    // The folded map is computed from the weights at the pause (its note names the step).
    await expect(dock(page)).toContainText(`Live weights at step ${steps}`);
    const maxError = Number(await page.getByTestId('affine-max-error').textContent());
    expect(maxError).toBeLessThan(1e-4);

    await expect(page.getByTestId('nonlinearity-score')).toHaveText(/^\d\.\d{3}$/);
    const r2 = await readNumber(page, 'nonlinearity-score');
    expect(r2).toBeGreaterThanOrEqual(0.99);
    const accuracy = await readNumber(page, 'metric-test-accuracy');
    expect(accuracy).toBeLessThan(75);

    testInfo.annotations.push({
      type: 'affine net',
      description: `step ${steps}: test accuracy ${accuracy}%, max error ${maxError}, R² ${r2}`,
    });
    await saveScreenshot(page, 'analysis-affine-collapsed.png');
    noPageErrors();
  });
});

test.describe('LayerNorm is a nonlinearity', () => {
  /** Seed found by a sweep of seeds 1..10 (3000 steps each, cpu backend): see the report. */
  const XOR_SEED = 2;

  test('Dense(3) -> LayerNorm -> Dense(3) -> LayerNorm -> Output fits XOR', async ({ page }, testInfo) => {
    const noPageErrors = failOnPageErrors(page);
    await gotoApp(page, 'cpu');
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'XOR' });
    await page.getByRole('textbox', { name: 'Seed' }).fill(String(XOR_SEED));
    await roomToEdit(page);

    // Where the BatchNorms sit, so the LayerNorms can take their places.
    const box = await canvas(page).boundingBox();
    if (!box) throw new Error('no canvas');
    const spotOf = async (id: string) => {
      const b = await node(page, id).boundingBox();
      if (!b) throw new Error(`${id} is not on screen`);
      return { x: b.x - box.x + b.width / 2, y: b.y - box.y + b.height / 2 };
    };
    const spot1 = await spotOf('bn1');
    const spot2 = await spotOf('bn2');
    for (const id of ['act1', 'act2', 'bn1', 'bn2']) await deleteNode(page, id);
    await dropFromPalette(page, 'LayerNorm', spot1);
    await expect(node(page, 'ln1')).toBeVisible();
    await dropFromPalette(page, 'LayerNorm', spot2);
    await expect(node(page, 'ln2')).toBeVisible();
    await fitView(page);
    await connect(page, 'dense1', 'ln1');
    await connect(page, 'ln1', 'dense2');
    await connect(page, 'dense2', 'ln2');
    await connect(page, 'ln2', 'output');
    await expect(edges(page)).toHaveCount(5);
    await setUnits(page, 'dense1', 3);
    await setUnits(page, 'dense2', 3);
    await waitForModel(page);
    // 2*3+3, 2*3 (gamma, beta), 3*3+3, 2*3, 3+1: exactly the network meant.
    await expect(page.getByText('37 weights in the model')).toBeVisible();
    await expect(banner(page)).toHaveCount(0);

    // Trained past 95% (to 97%), so the model the pause settles on a few steps later is still above 95%:
    // right at the crossing, the accuracy of the next steps wobbles by a point or two.
    const steps = await trainToAccuracy(page, 97);
    await expect(banner(page)).toHaveCount(0);
    const accuracy = await readNumber(page, 'metric-test-accuracy');
    expect(accuracy).toBeGreaterThanOrEqual(95);
    const r2 = await readNumber(page, 'nonlinearity-score');
    expect(r2).toBeLessThan(0.99);
    testInfo.annotations.push({
      type: 'layernorm net',
      description: `seed ${XOR_SEED}: >= 97% after ${steps} steps; ${accuracy}% after pause, R² ${r2}`,
    });
    noPageErrors();
  });
});

test.describe('the default graph (ReLU after each BatchNorm)', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let noPageErrors: () => void;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    noPageErrors = failOnPageErrors(page);
    await gotoApp(page, 'cpu');
  });
  test.afterAll(async () => {
    await page.close();
  });
  test.afterEach(() => noPageErrors());

  test('on Circle: no banner, >= 95% test accuracy, the affine map names both ReLUs', async () => {
    await expect(banner(page)).toHaveCount(0);
    const steps = await trainToAccuracy(page, 95);
    await expect(banner(page)).toHaveCount(0);
    const accuracy = await readNumber(page, 'metric-test-accuracy');
    const r2 = await readNumber(page, 'nonlinearity-score');
    test.info().annotations.push({
      type: 'default net',
      description: `>= 95% after ${steps} steps; ${accuracy}% after pause, R² ${r2}`,
    });
    expect(r2).toBeLessThan(0.99);

    await openPanel(page, 'Equivalent affine map');
    await expect(page.getByTestId('affine-max-error')).toHaveCount(0);
    const list = dock(page).getByRole('listitem');
    await expect(list).toHaveCount(2);
    await expect(list.filter({ hasText: 'act1' })).toHaveCount(1);
    await expect(list.filter({ hasText: 'act2' })).toHaveCount(1);
  });

  test('Distributions: before/after histograms, both modes, a click on act1 shows its dead region', async () => {
    await openPanel(page, 'Distributions');
    const nodePicker = dock(page).getByRole('combobox', { name: 'Node' });
    const histograms = dock(page).getByRole('img', { name: /^Histogram of/ });
    // The first normalization node by default.
    await expect(nodePicker).toHaveValue('bn1');
    await expect(histograms).toHaveCount(2);
    await expect(dock(page).getByRole('table', { name: 'BatchNorm statistics per unit' })).toBeVisible();

    const mode = dock(page).getByRole('combobox', { name: 'Mode' });
    await mode.selectOption({ label: 'Training (batch statistics)' });
    await expect(dock(page)).toContainText('training mode');
    await expect(histograms).toHaveCount(2);
    await dock(page).getByRole('combobox', { name: 'Unit' }).selectOption({ label: 'Unit 3' });
    await expect(histograms).toHaveCount(2);
    await expect(
      dock(page).getByRole('table', { name: 'BatchNorm statistics per unit' }).locator('tr.highlight'),
    ).toHaveCount(1);
    await saveScreenshot(page, 'analysis-distributions.png');

    await node(page, 'act1').click();
    await expect(nodePicker).toHaveValue('act1');
    await expect(page.getByTestId('region-share')).toBeVisible();
    await expect(page.getByTestId('region-share')).toContainText(/\d+(\.\d)?%/);
    await expect(histograms).toHaveCount(2);
    await mode.selectOption({ label: 'Inference (running statistics)' });
    await expect(page.getByTestId('region-share')).toBeVisible();
  });

  test('Batch dependence: the point moves in training mode, not at inference; a click moves it', async () => {
    await openPanel(page, 'Batch dependence');
    await expect(dock(page).getByRole('combobox', { name: 'Node' })).toHaveValue('bn1');
    await expect(page.getByTestId('batch-training-spread')).toBeVisible();
    const training = await readNumber(page, 'batch-training-spread');
    const inference = await readNumber(page, 'batch-inference-spread');
    expect(training).toBeGreaterThan(0);
    expect(inference).toBe(0);

    const x = dock(page).getByRole('textbox', { name: 'Point x' });
    const y = dock(page).getByRole('textbox', { name: 'Point y' });
    await expect(page.getByTestId('probe-point')).toBeVisible();
    const before = { x: await x.inputValue(), y: await y.inputValue() };
    const marker = await page.getByTestId('probe-point').boundingBox();
    // Click near the lower-left corner of the decision boundary: far from the default point.
    const heatmap = page.getByTestId('decision-boundary');
    const hb = await heatmap.boundingBox();
    if (!hb || !marker) throw new Error('no decision boundary');
    await heatmap.click({ position: { x: hb.width * 0.2, y: hb.height * 0.8 } });
    await expect.poll(async () => x.inputValue()).not.toBe(before.x);
    expect(Number(await x.inputValue())).toBeLessThan(0);
    expect(Number(await y.inputValue())).toBeLessThan(0);
    expect(await y.inputValue()).not.toBe(before.y);
    await expect(dock(page)).toContainText(`(${await x.inputValue()}, ${await y.inputValue()})`);
    const moved = await page.getByTestId('probe-point').boundingBox();
    expect(moved?.x).toBeLessThan(marker.x);
    expect(moved?.y).toBeGreaterThan(marker.y);
    // Still batch dependent in training mode only, at the new point.
    expect(await readNumber(page, 'batch-training-spread')).toBeGreaterThan(0);
    expect(await readNumber(page, 'batch-inference-spread')).toBe(0);
    await saveScreenshot(page, 'analysis-batch.png');
  });

  test('Warped grid: straight after the first Dense, bent after act2', async () => {
    await openPanel(page, 'Warped grid');
    const nodePicker = dock(page).getByRole('combobox', { name: 'Node' });
    await nodePicker.selectOption('dense1');
    await expect(page.getByTestId('warp-bend')).toHaveText('0.0%');
    await expect(dock(page)).toContainText('Lines stay straight');

    await nodePicker.selectOption('act2');
    await expect(dock(page)).toContainText('Lines bend');
    expect(await readNumber(page, 'warp-bend')).toBeGreaterThan(0.5);
    await saveScreenshot(page, 'analysis-warp.png');
  });
});

test.describe('panels with nothing to show say why', () => {
  test('no BatchNorm, a 1-unit Output, and an invalid graph', async ({ page }) => {
    const noPageErrors = failOnPageErrors(page);
    await gotoApp(page, 'cpu');
    await roomToEdit(page);
    await deleteNode(page, 'bn1');
    await deleteNode(page, 'bn2');
    await connect(page, 'dense1', 'act1');
    await connect(page, 'dense2', 'act2');
    await expect(edges(page)).toHaveCount(5);
    await waitForModel(page);

    await openPanel(page, 'Batch dependence');
    await expect(panelMessage(page)).toContainText('There is no BatchNorm node');
    await expect(dock(page).getByRole('combobox', { name: 'Node' })).toHaveCount(0);

    await openPanel(page, 'Warped grid');
    await dock(page).getByRole('combobox', { name: 'Node' }).selectOption('output');
    await expect(panelMessage(page)).toContainText('has 1 unit');
    await expect(panelMessage(page)).toContainText('no grid to draw');

    // Break the graph. (A single connection cannot be selected on the canvas, so delete a node: dense1
    // then leads nowhere and dense2 gets no data.)
    await roomToEdit(page);
    await deleteNode(page, 'act1');
    await expect(edges(page)).toHaveCount(3);
    await expect(trainButton(page)).toBeDisabled();
    for (const name of ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid']) {
      await openPanel(page, name);
      await expect(panelMessage(page)).toContainText('Fix the graph first');
    }
    await expect(banner(page)).toHaveCount(0);
    noPageErrors();
  });
});
