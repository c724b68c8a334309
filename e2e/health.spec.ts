import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { withoutNormalization } from '../src/graph/variants';
import { defaultLab, encodeLab } from '../src/share';
import { expectAccessible } from './axe';
import { gotoApp, pauseButton, readNumber, readSettled, trainButton, waitForReady } from './helpers';

// Issue 12 §3: the Training health tab (per-layer norms while training) and the learning-rate sweep.

/** Screenshots for people to judge (the helper's notes), at the tests' 1280x720. */
const SHOTS = '/work/notes/shots/health';

const dock = (page: Page): Locator => page.getByRole('region', { name: 'Analysis' });
const sweepButton = (page: Page) =>
  dock(page).getByRole('button', { name: 'Learning-rate sweep', exact: true });
const sweepSection = (page: Page) => dock(page).getByRole('region', { name: 'Learning-rate sweep' });

async function openHealth(page: Page): Promise<void> {
  await dock(page).getByRole('tab', { name: 'Training health', exact: true }).click();
  await expect(dock(page).getByRole('heading', { level: 2, name: 'Training health' })).toBeVisible();
}

/** Fails the test on any uncaught error in the page (a chart that throws on odd data, say). */
function failOnPageErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return () => expect(errors, 'uncaught errors in the page').toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}` });
}

/** Every data cell of a table body row, as text. */
async function rowTexts(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    out.push(await rows.nth(i).locator('th, td').allTextContents());
  }
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;
/** The drawn lines of a chart (the sweep's ✕ marks ride on lines without a stroke). */
const CURVES = '.recharts-line-curve:not([stroke="none"])';

test.describe('Training health', () => {
  test('shows gradient, weight and update numbers for each Dense layer while training', async ({ page }) => {
    const noErrors = failOnPageErrors(page);
    await gotoApp(page, 'wasm');
    await openHealth(page);
    await expect(dock(page).getByTestId('panel-message')).toContainText('Train, or press Step, to measure');
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(300);
    await pauseButton(page).click();
    await readSettled(page, 'metric-step');
    const table = dock(page).getByTestId('health-table');
    await expect(table).toBeVisible();
    const rows = await rowTexts(table);
    expect(rows.map((r) => r[0])).toEqual(['Dense (dense1)', 'Dense (dense2)', 'Output (output)']);
    for (const [, grad, weight, ratio, effective] of rows) {
      for (const v of [grad, weight, ratio]) expect(v).toMatch(NUMBER);
      expect(Number(weight)).toBeGreaterThan(0);
      expect(effective).toMatch(/^(-?\d+(\.\d+)?(e-?\d+)?|—)$/);
    }
    // Both Dense layers feed a BatchNorm: each has an effective learning rate; the Output has none.
    expect(rows.map((r) => r[4] === '—')).toEqual([false, false, true]);
    await expect(dock(page)).toContainText('BN(a·Wx) = BN(Wx) for any a > 0');
    // The update ratio chart (the default) draws a line per layer, with its 1e-3 guide.
    const chart = dock(page).locator('.health-chart');
    await expect(chart.locator('.recharts-line-curve')).toHaveCount(3);
    await expect(chart).toContainText('1e-3: a healthy step');
    await expect(chart).toHaveAttribute(
      'aria-label',
      /^Update \/ weight ‖ΔW‖\/‖W‖ by step, at step \d+: dense1 /,
    );
    await shot(page, 'health-tab.png');
    await expectAccessible(page, 'the Training health tab');
    await dock(page).getByLabel('Chart').selectOption('effectiveLr');
    await expect(chart.locator('.recharts-line-curve')).toHaveCount(2);
    noErrors();
  });

  test('a learning-rate sweep runs beside the run, finishes, and plots both labs', async ({ page }) => {
    test.setTimeout(240_000);
    const noErrors = failOnPageErrors(page);
    await gotoApp(page, 'wasm');
    await openHealth(page);
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(50);
    await pauseButton(page).click();
    const step = await readSettled(page, 'metric-step');
    await sweepButton(page).click();
    await expect(sweepButton(page)).toBeDisabled();
    await expect(sweepSection(page).getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
    await expect(sweepSection(page)).toContainText(/Run \d+ of 12/);
    await expect(sweepSection(page)).toContainText('200 steps each');
    await expect(sweepSection(page).getByTestId('sweep-summary')).toBeVisible({ timeout: 200_000 });
    const rows = await rowTexts(sweepSection(page).getByTestId('sweep-table'));
    expect(rows.map((r) => r[0])).toEqual(['0.001', '0.00496', '0.0246', '0.122', '0.605', '3']);
    for (const r of rows) {
      expect(r).toHaveLength(3);
      for (const v of r.slice(1)) expect(v).toMatch(/^(\d+(\.\d+)?(e-?\d+)?|diverged)$/);
    }
    const chart = sweepSection(page).locator('.sweep-chart');
    await expect(chart.locator(CURVES)).toHaveCount(2);
    await expect(chart).toContainText('This lab');
    await expect(chart).toContainText('Without normalization');
    await expect(sweepSection(page).getByTestId('sweep-summary')).toContainText('This lab: ');
    await expect(sweepButton(page)).toBeEnabled();
    // The person's run was not touched (same step), and the sweep's own worker is gone.
    expect(await readNumber(page, 'metric-step')).toBe(step);
    await expect.poll(() => page.workers().length).toBe(1);
    await sweepSection(page)
      .locator('.sweep-results')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'sweep.png');
    await expectAccessible(page, 'a finished sweep');
    noErrors();
  });

  test('a sweep can be cancelled at once, and training goes on meanwhile', async ({ page }) => {
    const noErrors = failOnPageErrors(page);
    await gotoApp(page, 'wasm');
    await openHealth(page);
    await trainButton(page).click();
    await sweepButton(page).click();
    await expect(sweepSection(page).getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
    // The sweep runs in a training worker of its own, beside the person's.
    await expect.poll(() => page.workers().length).toBe(2);
    const before = await readNumber(page, 'metric-step');
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(before);
    await sweepSection(page).getByRole('button', { name: 'Cancel sweep' }).click();
    await expect(sweepSection(page)).toContainText(/Sweep cancelled after \d+ of 12 runs/);
    await expect.poll(() => page.workers().length).toBe(1);
    await expect(sweepButton(page)).toBeEnabled();
    await expect(pauseButton(page)).toBeVisible();
    await pauseButton(page).click();
    noErrors();
  });

  test('a graph without normalization sweeps alone and says there is no variant to compare', async ({
    page,
  }) => {
    const noErrors = failOnPageErrors(page);
    const lab = defaultLab();
    const plain = withoutNormalization(lab.graph);
    if (!plain.ok) throw new Error(plain.reason);
    await page.goto(
      `/?backend=wasm&speed=full&sweepSteps=10#lab=${encodeLab({ ...lab, graph: plain.graph })}`,
    );
    await waitForReady(page);
    await openHealth(page);
    await sweepButton(page).click();
    await expect(sweepSection(page)).toContainText(
      'This graph has no BatchNorm or LayerNorm node to remove. So the sweep runs this lab only: there is no variant without normalization to compare.',
    );
    await expect(sweepSection(page).getByTestId('sweep-summary')).toBeVisible({ timeout: 120_000 });
    const rows = await rowTexts(sweepSection(page).getByTestId('sweep-table'));
    expect(rows.every((r) => r.length === 2)).toBe(true);
    await expect(sweepSection(page).locator(`.sweep-chart ${CURVES}`)).toHaveCount(1);
    noErrors();
  });

  test('runs that blow up are marked as diverged, on the chart and in the numbers', async ({ page }) => {
    const noErrors = failOnPageErrors(page);
    // Regression (MSE) with momentum: at the top rates the loss becomes NaN or explodes.
    const base = defaultLab();
    const lab = {
      ...base,
      data: { ...base.data, dataset: 'wave' as const },
      hyper: { ...base.hyper, optimizer: 'momentum' as const },
    };
    await page.goto(`/?backend=wasm&speed=full&sweepSteps=100#lab=${encodeLab(lab)}`);
    await waitForReady(page);
    await openHealth(page);
    await sweepButton(page).click();
    await expect(sweepSection(page).getByTestId('sweep-summary')).toBeVisible({ timeout: 120_000 });
    const rows = await rowTexts(sweepSection(page).getByTestId('sweep-table'));
    const diverged = rows.flatMap((r) => r.slice(1)).filter((v) => v === 'diverged').length;
    expect(diverged).toBeGreaterThanOrEqual(2);
    expect(rows.at(-1)).toEqual(['3', 'diverged', 'diverged']);
    await expect(sweepSection(page).locator('.sweep-diverged')).toHaveCount(diverged);
    await expect(sweepSection(page).getByTestId('sweep-summary')).toContainText('diverged at');
    await sweepSection(page)
      .locator('.sweep-results')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'sweep-diverged.png');
    noErrors();
  });
});
