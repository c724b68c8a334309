import { readFileSync } from 'node:fs';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { chooseExport } from './exportMenu';
import {
  canvas,
  connect,
  dropFromPalette,
  edges,
  fitView,
  gotoApp,
  inspector,
  node,
  nodesOfKind,
  paletteItem,
  pauseButton,
  readNumber,
  readSettled,
  resetButton,
  saveScreenshot,
  selectNode,
  stepButton,
  trainButton,
  waitForReady,
} from './helpers';

/** The budget for the default lab's link. */
const DEFAULT_LINK_LIMIT = 500;

const labRegion = (page: Page): Locator => page.getByRole('region', { name: 'Lab' });
const labButton = (page: Page, name: string): Locator =>
  labRegion(page).getByRole('button', { name, exact: true });
const undoButton = (page: Page): Locator => labButton(page, 'Undo');
const redoButton = (page: Page): Locator => labButton(page, 'Redo');
const restoreButton = (page: Page): Locator => labButton(page, 'Restore my previous lab');
const datasetField = (page: Page): Locator => page.getByRole('combobox', { name: 'Dataset' });
const learningRateField = (page: Page): Locator => page.getByRole('textbox', { name: 'Learning rate' });
const seedField = (page: Page): Locator => page.getByRole('textbox', { name: 'Seed' });
const unitsField = (page: Page): Locator => inspector(page).getByLabel('Units');
const statusNotice = (page: Page, text: string | RegExp): Locator =>
  page.getByRole('status').filter({ hasText: text });

/**
 * Everything of the lab that the page shows: each node's id, kind, position on the canvas (flow
 * coordinates, independent of the viewport) and text (parameters, output width, weights); the
 * edges' ids; and every toolbar setting by its label.
 */
async function labOnScreen(page: Page) {
  const nodes = await canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((els) =>
      els
        .map((el) => {
          const article = el.querySelector('article[data-kind]');
          return {
            id: article?.getAttribute('data-testid') ?? '',
            kind: article?.getAttribute('data-kind') ?? '',
            at: (el as HTMLElement).style.transform,
            text: article?.textContent ?? '',
          };
        })
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  const edgeIds = await edges(page).evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-id') ?? '').sort(),
  );
  const settings = await page
    .getByRole('banner')
    .locator('input, select')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => {
          const field = el as HTMLInputElement | HTMLSelectElement;
          return [field.labels?.[0]?.textContent?.trim() ?? field.id, field.value];
        }),
      ),
    );
  return { nodes, edges: edgeIds, settings };
}

/** The autosaved lab, parsed (null when nothing is saved). */
async function savedLab(page: Page): Promise<Record<string, unknown> | null> {
  const text = await page.evaluate(() => localStorage.getItem('normlab.lab'));
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** One parameter of one node as autosaved (undefined when it has its default value). */
async function savedParam(page: Page, id: string, key: string): Promise<unknown> {
  const lab = await savedLab(page);
  const rows = (lab?.nodes ?? []) as unknown[][];
  const row = rows.find((r) => r[0] === id);
  return (row?.[4] as Record<string, unknown> | undefined)?.[key];
}

/** Sets a node's parameter through the Inspector and waits until the canvas shows it. */
async function setUnits(page: Page, id: string, units: number): Promise<void> {
  await selectNode(page, id);
  await unitsField(page).fill(String(units));
  await expect(node(page, id)).toContainText(`${units} units`);
}

/**
 * Clicks "Share link" and returns the link shown in the popover. The link leaves out the
 * sharer's query (?backend=cpu is theirs, not the lab's); the returned copy puts it back so
 * the tests' own visits stay on the fast CPU backend.
 */
async function shareLink(page: Page): Promise<string> {
  const url = await sharedLinkAsShown(page);
  return url.replace('/#lab=', '/?backend=cpu#lab=');
}

async function sharedLinkAsShown(page: Page): Promise<string> {
  await labButton(page, 'Share link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const url = await dialog.getByTestId('share-url').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#lab=[\w-]+$/);
  await expect(dialog).toContainText(`Link to this lab (${url.length} characters)`);
  return url;
}

async function closeShare(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** The address without any #lab= part (the app drops it once the link is read). */
async function expectNoLabInAddress(page: Page): Promise<void> {
  await expect.poll(() => new URL(page.url()).hash).toBe('');
}

/** A page in a new browser context: no storage, no autosaved lab, nothing shared with `page`. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

/**
 * Drops a LayerNorm on the canvas (by default in the empty strip under the default graph) and
 * brings every node into view.
 */
async function addLayerNorm(page: Page, at?: { x: number; y: number }): Promise<void> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('no canvas');
  await dropFromPalette(page, 'LayerNorm', at ?? { x: 200, y: box.height - 70 });
  await expect(nodesOfKind(page, 'layernorm')).toHaveCount(1);
  await expect(node(page, 'ln1')).toBeVisible();
  await fitView(page);
}

/** Where a node's middle is, in the canvas's own coordinates (for a drop onto the same spot). */
async function spotOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await node(page, id).boundingBox();
  const pane = await canvas(page).boundingBox();
  if (!box || !pane) throw new Error(`node ${id} is not on screen`);
  return { x: box.x + box.width / 2 - pane.x, y: box.y + box.height / 2 - pane.y };
}

/**
 * The element is really in sight: inside the window and on top at its middle (not clipped by a
 * scrolling column or covered by another element), so a person can see and click it.
 * toBeVisible() does not check either.
 */
async function expectInSight(locator: Locator, what: string): Promise<void> {
  await expect(locator).toBeVisible();
  await expect
    .poll(
      () =>
        locator.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const inWindow = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return inWindow && hit !== null && el.contains(hit);
        }),
      { message: `${what} is in sight, on top of the page`, timeout: 3000 },
    )
    .toBe(true);
}

/** The node's position as React Flow places it (flow coordinates). */
const nodeAt = (page: Page, id: string): Promise<string> =>
  canvas(page)
    .locator(`.react-flow__node[data-id="${id}"]`)
    .evaluate((el) => (el as HTMLElement).style.transform);

/** Drags a node by its middle by (dx, dy) screen pixels, optionally holding still half way. */
async function dragNode(page: Page, id: string, dx: number, dy: number, pauseMs = 0): Promise<void> {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 8 });
  if (pauseMs) await page.waitForTimeout(pauseMs); // a person holding the node still mid-drag
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

test.describe('the lab: share link, autosave, undo, files', () => {
  test('a hand-built lab survives "Share link" into a fresh browser; the default link is short', async ({
    page,
    browser,
  }, testInfo) => {
    await gotoApp(page, 'cpu');
    const defaultLink = await sharedLinkAsShown(page);
    testInfo.annotations.push({ type: 'link length', description: `default lab: ${defaultLink.length}` });
    expect(defaultLink.length).toBeLessThan(DEFAULT_LINK_LIMIT);
    await closeShare(page);

    // By hand: replace bn2 by a LayerNorm (dense2 -> ln1 -> act2), widen dense1, XOR, a new learning rate.
    const bn2Spot = await spotOf(page, 'bn2');
    await selectNode(page, 'bn2');
    await page.keyboard.press('Delete');
    await expect(node(page, 'bn2')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(5);
    await addLayerNorm(page, bn2Spot);
    await connect(page, 'dense2', 'ln1');
    await connect(page, 'ln1', 'act2');
    await expect(edges(page)).toHaveCount(7);
    await setUnits(page, 'dense1', 16);
    await datasetField(page).selectOption({ label: 'XOR' });
    await learningRateField(page).fill('0.01');
    await waitForReady(page);

    const link = await shareLink(page);
    testInfo.annotations.push({ type: 'link length', description: `edited 8-node lab: ${link.length}` });
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText(
      /^(Copied to the clipboard\.|The browser refused the clipboard: .*copy it by hand)/,
    );
    // The link is in the field, not in this page's own address.
    await expectNoLabInAddress(page);
    const added = statusNotice(page, 'Connected');
    if (await added.count()) await added.getByRole('button', { name: 'Dismiss message' }).click();
    await saveScreenshot(page, 'lab-share-popover.png');
    const sent = await labOnScreen(page);
    expect(sent.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual([
      'node-act1:activation',
      'node-act2:activation',
      'node-bn1:batchnorm',
      'node-dense1:dense',
      'node-dense2:dense',
      'node-input:input',
      'node-ln1:layernorm',
      'node-output:output',
    ]);
    expect(sent.settings).toMatchObject({ Dataset: 'xor', 'Learning rate': '0.01' });

    const other = await freshPage(browser);
    try {
      await other.goto(link);
      await expect(statusNotice(other, 'Opened the lab from the link.')).toBeVisible();
      await waitForReady(other);
      await expectNoLabInAddress(other);
      // A first visit has no work of its own to keep.
      await expect(restoreButton(other)).toHaveCount(0);

      const received = await labOnScreen(other);
      expect(received.nodes).toEqual(sent.nodes);
      expect(received.edges).toHaveLength(7);
      expect(received.edges).toEqual(sent.edges);
      expect(received.settings).toEqual(sent.settings);
      await expect(datasetField(other)).toHaveValue('xor');
      await expect(learningRateField(other)).toHaveValue('0.01');
      await selectNode(other, 'dense1');
      await expect(unitsField(other)).toHaveValue('16');
      await expect(node(other, 'ln1')).toHaveAttribute('data-kind', 'layernorm');
    } finally {
      await other.context().close();
    }
  });

  test('the share popover is in sight, and its link can be selected and copied by hand', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await labButton(page, 'Share link').click();
    const dialog = page.getByRole('dialog');
    await expectInSight(dialog.getByTestId('share-url'), 'the link field');
    await expectInSight(dialog.getByRole('status'), 'the clipboard status');
    await expectInSight(dialog.getByRole('button', { name: 'Close' }), 'the Close button');
    // The link is focused and selected, ready for Ctrl+C.
    const url = await dialog.getByTestId('share-url').inputValue();
    const selected = await dialog.getByTestId('share-url').evaluate((el) => {
      const input = el as HTMLInputElement;
      const focused = document.activeElement === input;
      return focused ? input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0) : '';
    });
    expect(selected).toBe(url);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('a garbage or truncated link: an alert, the own lab kept, and the app still trains', async ({
    page,
  }) => {
    await gotoApp(page, 'cpu');
    await setUnits(page, 'dense1', 16);
    await expect.poll(() => savedParam(page, 'dense1', 'units')).toBe(16);
    const own = await labOnScreen(page);
    const ownLink = await shareLink(page);
    await closeShare(page);

    const expectOwnLabWorks = async (how: string) => {
      const alert = page.getByRole('alert');
      await expect(alert, how).toHaveText(/^The link could not be opened: .+Your own lab is unchanged\./);
      await expectNoLabInAddress(page);
      expect(await labOnScreen(page), how).toEqual(own);
      await waitForReady(page);
      const before = await readNumber(page, 'metric-step');
      await stepButton(page).click();
      await expect(page.getByTestId('metric-step'), how).toHaveText(String(before + 1));
    };

    // In the open page (a hashchange)...
    await page.goto('/?backend=cpu#lab=garbage!!');
    await expectOwnLabWorks('#lab=garbage!! in the open page');
    await page.getByRole('button', { name: 'Dismiss message' }).click();

    // ...and as a fresh visit, with a link cut short (a mail client wrapped it, a copy missed the end).
    const truncated = ownLink.slice(0, ownLink.indexOf('#lab=') + 5 + 40);
    await page.goto('about:blank');
    await page.goto(truncated);
    await expectOwnLabWorks('a truncated link on a fresh visit');
    await saveScreenshot(page, 'lab-garbage-link-alert.png');

    await page.goto('about:blank');
    await page.goto('/?backend=cpu#lab=');
    await expectOwnLabWorks('an empty #lab=');

    // The own lab is still what is saved.
    await page.reload();
    await waitForReady(page);
    expect(await labOnScreen(page)).toEqual(own);
  });

  test('a link opened over own work keeps it one click away: "Restore my previous lab"', async ({ page }) => {
    await gotoApp(page, 'cpu');
    // The lab someone shares: Moons, dense2 narrowed to 4.
    await datasetField(page).selectOption({ label: 'Moons' });
    await setUnits(page, 'dense2', 4);
    const link = await shareLink(page);
    await closeShare(page);
    const shared = await labOnScreen(page);

    // Then my own work, different from it: back to Circle, dense1 widened to 16.
    await datasetField(page).selectOption({ label: 'Circle' });
    await setUnits(page, 'dense1', 16);
    await expect.poll(() => savedParam(page, 'dense1', 'units')).toBe(16);
    await expect.poll(async () => (await savedLab(page))?.dataset).toBe('circle');
    const own = await labOnScreen(page);
    expect(own).not.toEqual(shared);

    await page.goto('about:blank');
    await page.goto(link);
    await expect(statusNotice(page, 'Opened the lab from the link.')).toContainText(
      'Restore my previous lab',
    );
    await waitForReady(page);
    await expectNoLabInAddress(page);
    expect(await labOnScreen(page)).toEqual(shared);
    await expect(restoreButton(page)).toBeVisible();

    // The way back survives a reload.
    await page.reload();
    await waitForReady(page);
    expect(await labOnScreen(page)).toEqual(shared);
    await expect(restoreButton(page)).toBeVisible();

    await restoreButton(page).click();
    await expect(statusNotice(page, 'Your previous lab is back.')).toBeVisible();
    await expect(restoreButton(page)).toHaveCount(0);
    expect(await labOnScreen(page)).toEqual(own);
    await waitForReady(page);
  });

  test('a reload restores the lab (after the autosave, and at once through pagehide)', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await paletteItem(page, 'LayerNorm').click();
    await expect(node(page, 'ln1')).toBeVisible();
    await setUnits(page, 'dense1', 12);
    await datasetField(page).selectOption({ label: 'Spiral' });
    await learningRateField(page).fill('0.1');
    await seedField(page).fill('7');
    const edited = await labOnScreen(page);
    // Autosave runs ~300 ms after the last change.
    await expect.poll(async () => (await savedLab(page))?.seed).toBe(7);

    await page.reload();
    // ln1 leads nowhere, so Train stays blocked: wait for the canvas, not for the engine.
    await expect(node(page, 'ln1')).toBeVisible();
    expect(await labOnScreen(page)).toEqual(edited);
    await expect(seedField(page)).toHaveValue('7');
    await selectNode(page, 'dense1');
    await expect(unitsField(page)).toHaveValue('12');

    // A change made just before the page goes away is not lost (saved on pagehide, no waiting).
    await datasetField(page).selectOption({ label: 'Moons' });
    await page.reload();
    await expect(datasetField(page)).toHaveValue('moons');
  });

  test('undo and redo step through a sequence of graph edits, by button and keyboard', async ({ page }) => {
    await gotoApp(page, 'cpu');
    await expect(undoButton(page)).toBeDisabled();
    await expect(redoButton(page)).toBeDisabled();
    const start = await labOnScreen(page);

    // 1. add a node, 2. connect it, 3. change units, 4. delete a node.
    await addLayerNorm(page);
    const added = await labOnScreen(page);
    await connect(page, 'act2', 'ln1');
    await expect(edges(page)).toHaveCount(8);
    const connected = await labOnScreen(page);
    await setUnits(page, 'dense1', 16);
    const widened = await labOnScreen(page);
    await selectNode(page, 'bn1');
    await inspector(page).getByRole('button', { name: 'Delete node' }).click();
    await expect(node(page, 'bn1')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(6);
    const deleted = await labOnScreen(page);
    await expect(redoButton(page)).toBeDisabled();

    // Undo x4, one edit each.
    await undoButton(page).click();
    await expect(node(page, 'bn1')).toBeVisible();
    await expect(edges(page)).toHaveCount(8);
    expect((await labOnScreen(page)).nodes).toEqual(widened.nodes);
    await undoButton(page).click();
    await expect(node(page, 'dense1')).toContainText('8 units');
    expect((await labOnScreen(page)).nodes).toEqual(connected.nodes);
    await undoButton(page).click();
    await expect(edges(page)).toHaveCount(7);
    expect(await labOnScreen(page)).toEqual(added);
    await undoButton(page).click();
    await expect(node(page, 'ln1')).toHaveCount(0);
    expect(await labOnScreen(page)).toEqual(start);
    await expect(undoButton(page)).toBeDisabled();
    await expect(redoButton(page)).toBeEnabled();

    // Redo x2: the node and its edge come back, the units stay 8.
    await redoButton(page).click();
    await expect(node(page, 'ln1')).toBeVisible();
    await redoButton(page).click();
    await expect(edges(page)).toHaveCount(8);
    expect(await labOnScreen(page)).toEqual(connected);
    await expect(node(page, 'dense1')).toContainText('8 units');

    // The keyboard: Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z (focus on a button, not in a text field).
    await expect(redoButton(page)).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(edges(page)).toHaveCount(7);
    await page.keyboard.press('Control+y');
    await expect(edges(page)).toHaveCount(8);
    await page.keyboard.press('Control+Shift+z');
    await expect(node(page, 'dense1')).toContainText('16 units');
    await page.keyboard.press('Control+Shift+z');
    await expect(node(page, 'bn1')).toHaveCount(0);
    expect(await labOnScreen(page)).toEqual(deleted);
    await expect(redoButton(page)).toBeDisabled();

    // In a text field Ctrl+Z belongs to the field, not to the graph.
    await learningRateField(page).focus();
    await page.keyboard.press('Control+z');
    await expect(node(page, 'bn1')).toHaveCount(0);

    // A data change is an undo step too (it restarts a run: undo brings the settings back).
    await datasetField(page).selectOption({ label: 'XOR' });
    await undoButton(page).click();
    await expect(datasetField(page)).toHaveValue('circle');
    await expect(node(page, 'bn1')).toHaveCount(0);
    await undoButton(page).click();
    await expect(node(page, 'bn1')).toBeVisible();

    // A drag (dozens of moves) is one step; a new edit clears what could be redone.
    const before = await nodeAt(page, 'dense2');
    await dragNode(page, 'dense2', 120, 40);
    const after = await nodeAt(page, 'dense2');
    expect(after).not.toBe(before);
    await expect(redoButton(page)).toBeDisabled();
    await undoButton(page).click();
    await expect.poll(() => nodeAt(page, 'dense2')).toBe(before);
    await expect(node(page, 'bn1')).toBeVisible();
    await redoButton(page).click();
    await expect.poll(() => nodeAt(page, 'dense2')).toBe(after);
  });

  test('deleting a node with the Delete key is one undo step', async ({ page }) => {
    await gotoApp(page, 'cpu');
    const start = await labOnScreen(page);
    await selectNode(page, 'bn1');
    await page.keyboard.press('Delete');
    await expect(node(page, 'bn1')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(5);
    await undoButton(page).click();
    await expect(node(page, 'bn1')).toBeVisible();
    await expect(edges(page), 'one Undo brings the node back with its two edges').toHaveCount(7);
    expect(await labOnScreen(page)).toEqual(start);
    await expect(undoButton(page)).toBeDisabled();
  });

  test('a drag is one undo step however it is paced', async ({ page }) => {
    await gotoApp(page, 'cpu');
    const dense2 = await nodeAt(page, 'dense2');
    // A learner holds the node still for a second half way, then goes on.
    await dragNode(page, 'dense2', 120, 40, 1200);
    const moved = await nodeAt(page, 'dense2');
    expect(moved).not.toBe(dense2);
    await undoButton(page).click();
    await expect.poll(() => nodeAt(page, 'dense2'), 'one Undo takes back the whole drag').toBe(dense2);
    await expect(undoButton(page)).toBeDisabled();
    await redoButton(page).click();
    await expect.poll(() => nodeAt(page, 'dense2')).toBe(moved);

    // Two drags one right after the other (tidying up) are two steps.
    const act2 = await nodeAt(page, 'act2');
    const act1 = await nodeAt(page, 'act1');
    await dragNode(page, 'act1', 100, 0);
    const movedAct1 = await nodeAt(page, 'act1');
    await dragNode(page, 'act2', 100, 0);
    await undoButton(page).click();
    await expect.poll(() => nodeAt(page, 'act2')).toBe(act2);
    expect(await nodeAt(page, 'act1'), 'the first of the two drags stays').toBe(movedAct1);
    expect(movedAct1).not.toBe(act1);
  });

  test('Export → Lab file then Import lab gives the same lab; a file that is not JSON changes nothing', async ({
    page,
  }, testInfo) => {
    await gotoApp(page, 'cpu');
    await datasetField(page).selectOption({ label: 'XOR' });
    await setUnits(page, 'dense1', 16);
    await learningRateField(page).fill('0.01');
    const exported = await labOnScreen(page);

    const downloading = page.waitForEvent('download');
    await chooseExport(page, 'Lab file');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('normlab-lab.json');
    const file = testInfo.outputPath('normlab-lab.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ dataset: 'xor', learningRate: 0.01 });

    // Change the graph and settings, then import the file.
    await selectNode(page, 'act1');
    await page.keyboard.press('Delete');
    await expect(node(page, 'act1')).toHaveCount(0);
    await datasetField(page).selectOption({ label: 'Moons' });
    const changed = await labOnScreen(page);
    const fileInput = page.getByLabel('Lab file to import');
    await fileInput.setInputFiles(file);
    await expect(statusNotice(page, 'Opened “normlab-lab.json”.')).toBeVisible();
    expect(await labOnScreen(page)).toEqual(exported);
    await waitForReady(page);
    // What the file replaced is one click away.
    await expect(restoreButton(page)).toBeVisible();

    // A file that is not JSON: one alert naming the file, nothing changes.
    await fileInput.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('these are my notes, not a lab'),
    });
    await expect(page.getByRole('alert')).toHaveText(/^“notes\.txt” could not be opened: .+/);
    expect(await labOnScreen(page)).toEqual(exported);
    await waitForReady(page);
    await page.getByRole('button', { name: 'Dismiss message' }).click();

    // Restore, then drop the exported file on the canvas: the same lab again.
    await restoreButton(page).click();
    expect(await labOnScreen(page)).toEqual(changed);
    const dataTransfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped-lab.json', { type: 'application/json' }));
      return dt;
    }, text);
    await canvas(page).dispatchEvent('drop', { dataTransfer });
    await expect(statusNotice(page, 'Opened “dropped-lab.json”.')).toBeVisible();
    expect(await labOnScreen(page)).toEqual(exported);
  });

  test('a lab exported with trained weights imports with the same test accuracy', async ({
    page,
  }, testInfo) => {
    await gotoApp(page, 'cpu');
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step')).toBeGreaterThanOrEqual(40);
    await pauseButton(page).click();
    await expect(trainButton(page)).toBeEnabled();
    const steps = await readSettled(page, 'metric-step');
    const accuracy = await page.getByTestId('metric-test-accuracy').textContent();
    const testLoss = await page.getByTestId('metric-test-loss').textContent();
    expect(accuracy).toMatch(/%$/);

    const downloading = page.waitForEvent('download');
    await chooseExport(page, 'Lab file', { withWeights: true });
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('normlab-lab-with-weights.json');
    const file = testInfo.outputPath('normlab-lab-with-weights.json');
    await download.saveAs(file);
    const fileInput = page.getByLabel('Lab file to import');

    const expectTrainedModel = async (how: string) => {
      await expect(
        statusNotice(
          page,
          `Loaded the trained weights (trained to step ${steps}); training goes on from there.`,
        ),
        how,
      ).toBeVisible();
      await expect(page.getByTestId('metric-test-accuracy'), how).toHaveText(accuracy ?? '');
      await expect(page.getByTestId('metric-test-loss'), how).toHaveText(testLoss ?? '');
      await expect(page.getByTestId('metric-step'), how).toHaveText(String(steps));
    };

    // Another seed (other data, other initial weights), then the file: its data and its weights.
    await seedField(page).fill('5');
    await expect(page.getByTestId('metric-step')).toHaveText('0');
    await fileInput.setInputFiles(file);
    await expect(seedField(page)).toHaveValue('1');
    await expectTrainedModel('after changing the seed');

    // Reset to the initial weights of this very graph: the file still brings the trained ones back.
    await resetButton(page).click();
    await expect(page.getByTestId('metric-step')).toHaveText('0');
    await expect(page.getByTestId('metric-test-loss')).not.toHaveText(testLoss ?? '');
    await fileInput.setInputFiles(file);
    await expectTrainedModel(`after Reset (the file was saved after ${steps} steps)`);
  });
});
