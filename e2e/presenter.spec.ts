import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  canvas,
  gotoApp,
  node,
  pauseButton,
  readNumber,
  saveScreenshot,
  selectNode,
  trainButton,
} from './helpers';

// Presenter view, keyboard shortcuts, and the layout at projector sizes (1024x768, 1280x720).

const presenterToggle = (page: Page): Locator => page.getByRole('button', { name: 'Presenter view' });
const dock = (page: Page): Locator => page.getByRole('region', { name: 'Analysis' });
const tab = (page: Page, name: string): Locator => dock(page).getByRole('tab', { name, exact: true });
const boundary = (page: Page): Locator => page.getByTestId('decision-boundary');
const shortcutsDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** One piece of text on the page that fails a check, for the failure message. */
interface TextProblem {
  readonly text: string;
  readonly size: number;
  readonly contrast: number;
}

/**
 * Every visible piece of text outside the charts' SVGs and the canvas nodes (zoomed with the canvas),
 * with its font size and its contrast against the background behind it (WCAG 2: (L1 + 0.05) / (L2 + 0.05),
 * relative luminance from linearised sRGB). Disabled controls are left out (WCAG exempts them).
 */
async function textOnPage(page: Page): Promise<TextProblem[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) > 0.5) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: TextProblem[] = [];
    const root = document.querySelector('.app');
    const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      const text = t.textContent?.trim() ?? '';
      if (!el || !text) continue;
      if (el.closest('svg, .react-flow__node, .react-flow__attribution, :disabled, option')) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const [a, b] = [lum(rgb(style.color)), lum(background(el))].sort((x, y) => y - x) as [number, number];
      out.push({
        text: text.slice(0, 40),
        size: Number.parseFloat(style.fontSize),
        contrast: (a + 0.05) / (b + 0.05),
      });
    }
    return out;
  });
}

/** Whether two boxes overlap (touching edges do not count). */
const overlap = (a: DOMRect | null, b: DOMRect | null) =>
  !!a && !!b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<DOMRect | null> {
  return locator.evaluate((el) => el.getBoundingClientRect().toJSON());
}

/** Checks presenter view at the current size: text, contrast, canvas beside a large chart, dock tabs. */
async function checkPresenterLayout(page: Page, size: { width: number; height: number }) {
  const texts = await textOnPage(page);
  expect(texts.length).toBeGreaterThan(20);
  expect(
    texts.filter((t) => t.size < 20),
    'text under 20 px',
  ).toEqual([]);
  expect(
    texts.filter((t) => t.contrast < 4.5),
    'text under 4.5:1 contrast',
  ).toEqual([]);

  const canvasBox = await box(canvas(page));
  const chartBox = await box(boundary(page));
  for (const b of [canvasBox, chartBox]) {
    expect(b).not.toBeNull();
    const r = b as DOMRect;
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(size.width);
    expect(r.y + r.height).toBeLessThanOrEqual(size.height);
  }
  expect(overlap(canvasBox, chartBox), 'canvas and chart overlap').toBe(false);
  // The one large chart: at least 380 px square, the canvas at least as wide.
  expect(chartBox?.width).toBeGreaterThanOrEqual(380);
  expect(canvasBox?.width).toBeGreaterThanOrEqual(chartBox?.width ?? 0);
  // Secondary controls are out of the way; the ones that matter stay.
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Seed' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Learning rate' })).toBeVisible();
}

/** Clicks every analysis tab, then Hide panels; a click on anything covered fails (Playwright checks the hit target). */
async function clickEveryTab(page: Page) {
  for (const name of ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid']) {
    await tab(page, name).click({ timeout: 10_000 });
    await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  }
  await dock(page).getByRole('button', { name: 'Hide panels' }).click({ timeout: 10_000 });
  await expect(dock(page).getByRole('button', { name: 'Show panels' })).toBeVisible();
}

/** Trains for a moment with Space, then pauses with Space. */
async function trainAWhile(page: Page, steps = 300) {
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(steps);
  await page.keyboard.press('Space');
  await expect(trainButton(page)).toBeVisible();
}

test.describe('presenter view', () => {
  test('at 1280x720: 20 px text, canvas beside a large chart, remembered on reload', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await gotoApp(page, 'cpu');
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await presenterToggle(page).click();
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'true');
    // Entering it collapses the dock to its tab strip.
    await expect(dock(page).getByRole('tabpanel')).toHaveCount(0);
    await trainAWhile(page);
    await checkPresenterLayout(page, { width: 1280, height: 720 });
    // No focus ring on the clicked toggle in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await saveScreenshot(page, 'presenter-1280.png');

    await page.reload();
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('p');
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'false');
    // The normal view's controls are back.
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  });

  test('at 1024x768: the same checks, and every analysis tab can be clicked', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await gotoApp(page, 'cpu');
    await page.keyboard.press('p');
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'true');
    await trainAWhile(page);
    await checkPresenterLayout(page, { width: 1024, height: 768 });
    await saveScreenshot(page, 'presenter-1024.png');
    await clickEveryTab(page);
  });
});

test.describe('normal view at 1024x768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('every analysis tab and Hide panels can be clicked', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await clickEveryTab(page);
  });

  test('the minimap covers no node, and node warnings are shown in full', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await trainAWhile(page, 200);
    const minimap = canvas(page).locator('.react-flow__minimap');
    const minimapBox = (await minimap.isVisible()) ? await box(minimap) : null;
    for (const id of ['input', 'dense1', 'bn1', 'act1', 'dense2', 'bn2', 'act2', 'output']) {
      expect(overlap(minimapBox, await box(node(page, id))), `minimap over ${id}`).toBe(false);
    }
    await saveScreenshot(page, 'normal-1024.png');

    // Cut the chain: every node after it gets a warning; each shows all of its text.
    await selectNode(page, 'bn1');
    await page.keyboard.press('Delete');
    const warnings = canvas(page).getByRole('note');
    await expect(warnings.first()).toBeVisible();
    expect(await warnings.count()).toBeGreaterThanOrEqual(5);
    for (const w of await warnings.all()) {
      const clipped = await w.evaluate(
        (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
      );
      expect(clipped, (await w.textContent()) ?? '').toBe(false);
    }
    await expect(node(page, 'output').getByRole('note')).toHaveText(
      '⚠ Output gets no data: Activation (act1) above it is cut off from Input.',
    );
    await saveScreenshot(page, 'warnings-1024.png');
  });
});

test.describe('keyboard shortcuts', () => {
  test('Space trains and pauses, ? opens the shortcuts dialog, Escape closes it', async ({ page }) => {
    await gotoApp(page, 'wasm');
    await page.keyboard.press('Space');
    await expect(pauseButton(page)).toBeVisible();
    await expect.poll(() => readNumber(page, 'metric-step')).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(trainButton(page)).toBeVisible();

    await page.keyboard.press('?');
    await expect(shortcutsDialog(page)).toBeVisible();
    await expect(shortcutsDialog(page)).toContainText('Presenter view on or off');
    // Keys inside the dialog do not reach the app.
    await page.keyboard.press('Space');
    await expect(trainButton(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(shortcutsDialog(page)).toBeHidden();
    // The toolbar's ? button opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(shortcutsDialog(page)).toBeVisible();
    await shortcutsDialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(shortcutsDialog(page)).toBeHidden();
  });

  test('S steps once, R resets; nothing happens while typing in a field', async ({ page }) => {
    await gotoApp(page, 'wasm');
    await page.keyboard.press('s');
    await expect(page.getByTestId('metric-step')).toHaveText('1');
    await page.keyboard.press('r');
    await expect(page.getByTestId('metric-step')).toHaveText('0');

    const noise = page.getByRole('textbox', { name: 'Noise' });
    await noise.fill('');
    await noise.pressSequentially('0.2 sp');
    await expect(noise).toHaveValue('0.2 sp');
    await expect(trainButton(page)).toBeVisible();
    await expect(page.getByTestId('metric-step')).toHaveText('0');
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await noise.fill('0.2');
  });

  test('after a click on a button, Space means Train; after Tab to it, Space presses it', async ({
    page,
  }) => {
    await gotoApp(page, 'wasm');
    await presenterToggle(page).click();
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(pauseButton(page)).toBeVisible();
    await expect(presenterToggle(page)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(trainButton(page)).toBeVisible();

    // Keyboard users: Tab onto the Step button, Space presses Step (one step), it does not train.
    const stepAt = await readNumber(page, 'metric-step');
    await page.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('metric-step')).toHaveText(String(stepAt + 1));
    await expect(trainButton(page)).toBeVisible();
  });
});
