import { expect, type Page, test } from '@playwright/test';
import {
  canvas,
  edges,
  gotoApp,
  handle,
  inspector,
  node,
  nodesOfKind,
  paletteItem,
  readNumber,
  readSettled,
  saveScreenshot,
  trainButton,
} from './helpers';
import { canvasZoom, centerOf, pinch, tapCenter, touchDrag } from './touch';

/** The four analysis tabs, by the heading each panel shows. */
const TABS = ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid'] as const;

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/** Taps a handle: the first tap starts a connection, a tap on a second handle finishes it. */
const tapHandle = (page: Page, id: string, type: 'source' | 'target') => handle(page, id, type).tap();

/** Taps Train, waits for `steps` steps, taps Pause; returns the step count it stopped at. */
async function trainByTouch(page: Page, steps: number): Promise<number> {
  await trainButton(page).tap();
  await expect
    .poll(() => readNumber(page, 'metric-step'), { timeout: 60_000, message: `${steps} steps` })
    .toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).tap();
  await expect(trainButton(page)).toBeVisible();
  return readSettled(page, 'metric-step');
}

/** Taps each analysis tab and checks its panel opens. */
async function openEachTab(page: Page): Promise<void> {
  for (const title of TABS) {
    const tab = page.getByRole('tab', { name: title });
    await tab.tap();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').getByRole('heading', { name: title })).toBeVisible();
  }
}

test.describe('a tablet in portrait (820 x 1180), by touch', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

  test('add, connect, move, edit, zoom, train and open every panel with a finger', async ({ page }) => {
    await gotoApp(page, 'cpu');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // A handle is hit well beyond its drawn dot (12 px to the side of it, or 12 px outside the
    // node), but not over the node's title, where a tap selects the node.
    const handleAt = (p: { x: number; y: number }) =>
      page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__handle')?.className ?? '',
        p,
      );
    const dot = await centerOf(handle(page, 'dense1', 'source'));
    expect(await handleAt({ x: dot.x + 12, y: dot.y })).toContain('source');
    expect(await handleAt({ x: dot.x, y: dot.y + 12 })).toContain('source');
    const top = await centerOf(handle(page, 'dense1', 'target'));
    expect(await handleAt({ x: top.x, y: top.y - 12 })).toContain('target');
    expect(await handleAt(await centerOf(node(page, 'dense1').locator('.layer-node-title')))).toBe('');

    // Tap a palette item: a LayerNorm appears on the canvas, in view.
    await tapCenter(page, paletteItem(page, 'LayerNorm'));
    await expect(nodesOfKind(page, 'layernorm')).toHaveCount(1);
    await expect(node(page, 'ln1')).toBeInViewport();

    // Tap a handle, then another: bn1 -> ln1, then ln1 -> act1 (which replaces bn1 -> act1).
    await tapHandle(page, 'bn1', 'source');
    await expect(page.getByRole('status')).toContainText('Now tap (or click) the top handle');
    await tapHandle(page, 'ln1', 'target');
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-bn1-ln1"]')).toHaveCount(1);
    await tapHandle(page, 'ln1', 'source');
    await tapHandle(page, 'act1', 'target');
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-ln1-act1"]')).toHaveCount(1);
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-bn1-act1"]')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(8);

    // Drag ln1 by its body with a finger: it follows (less the browser's touch slop of a few px).
    const before = await node(page, 'ln1').boundingBox();
    if (!before) throw new Error('ln1 is not on screen');
    const grab = { x: before.x + before.width * 0.2, y: before.y + before.height / 2 };
    await touchDrag(page, grab, { x: grab.x + 70, y: grab.y + 50 });
    const after = await node(page, 'ln1').boundingBox();
    if (!after) throw new Error('ln1 is gone');
    expect(after.x - before.x).toBeGreaterThan(45);
    expect(after.x - before.x).toBeLessThan(72);
    expect(after.y - before.y).toBeGreaterThan(30);
    expect(after.y - before.y).toBeLessThan(52);

    // Tap a node, edit a value in the Inspector.
    await tapCenter(page, node(page, 'dense1').locator('.layer-node-title'));
    await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText('(dense1)');
    await expect(canvas(page).locator('.react-flow__handle.clickconnecting')).toHaveCount(0);
    const units = inspector(page).getByLabel('Units');
    await units.tap();
    await units.fill('12');
    await expect(node(page, 'dense1')).toContainText('12 units');

    // Pinch out on empty canvas: the graph zooms in.
    const box = await canvas(page).boundingBox();
    if (!box) throw new Error('no canvas');
    const spot = { x: box.x + box.width * 0.7, y: box.y + box.height - 40 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.className, spot)).toContain(
      'react-flow__pane',
    );
    const zoom = await canvasZoom(page);
    await pinch(page, spot, 40, 200);
    expect(await canvasZoom(page)).toBeGreaterThan(zoom * 1.5);
    await canvas(page).getByRole('button', { name: 'Fit View' }).tap();

    // Train on the edited graph to a step count, by touch; the loss falls.
    const startLoss = await readNumber(page, 'metric-train-loss');
    expect(await trainByTouch(page, 300)).toBeGreaterThanOrEqual(300);
    expect(await readNumber(page, 'metric-train-loss')).toBeLessThan(startLoss);

    await openEachTab(page);
    await page.getByRole('tab', { name: 'Distributions' }).tap();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'tablet-820.png');
  });
});

test.describe('a phone (390 x 844) opening the lab', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('one column, no sideways scrolling, trainable by touch', async ({ page }) => {
    await gotoApp(page, 'cpu');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The whole graph is on the first screen, under the toolbar.
    await expect(node(page, 'input')).toBeInViewport();
    await expect(node(page, 'output')).toBeInViewport();
    await saveScreenshot(page, 'phone-390.png');

    // Train, the metrics and the decision boundary are reachable by scrolling down.
    const train = trainButton(page);
    await train.scrollIntoViewIfNeeded();
    await expect(train).toBeInViewport();
    const steps = await trainByTouch(page, 200);
    expect(steps).toBeGreaterThanOrEqual(200);
    const metrics = page.getByRole('region', { name: 'Training metrics' });
    await metrics.scrollIntoViewIfNeeded();
    await expect(metrics).toBeInViewport();
    await expect(page.getByTestId('metric-step')).toHaveText(String(steps));
    const boundary = page
      .getByRole('region', { name: 'Charts' })
      .getByRole('heading', { name: 'Decision boundary' });
    await boundary.scrollIntoViewIfNeeded();
    await expect(boundary).toBeInViewport();
    await expect(page.locator('.heatmap canvas').first()).toBeInViewport();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await train.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'phone-390-training.png');

    // The palette and inspector fold away under the canvas; unfolded, a tap adds a layer.
    const fold = page.getByRole('button', { name: /Layers, inspector and lab/ });
    await expect(fold).toHaveAttribute('aria-expanded', 'false');
    await expect(paletteItem(page, 'Dense')).toBeHidden();
    await fold.tap();
    await expect(fold).toHaveAttribute('aria-expanded', 'true');
    await tapCenter(page, paletteItem(page, 'Dense'));
    await expect(nodesOfKind(page, 'dense')).toHaveCount(3);
    await expect(inspector(page).getByLabel('Units')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Every analysis panel opens, and none makes the page wider than the phone.
    await openEachTab(page);
    for (const title of TABS) {
      await page.getByRole('tab', { name: title }).tap();
      await expect(page.getByRole('tabpanel').getByRole('heading', { name: title })).toBeVisible();
      expect(await horizontalOverflow(page), `${title} fits`).toBeLessThanOrEqual(0);
    }
  });
});
