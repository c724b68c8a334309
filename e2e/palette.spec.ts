import { expect, test } from '@playwright/test';
import { canvas, gotoApp, nodesOfKind, PALETTE, paletteItem } from './helpers';

test.describe('palette', () => {
  test.beforeEach(async ({ page }) => {
    await gotoApp(page, 'cpu');
  });

  test('dragging each kind onto the canvas adds one node of that kind', async ({ page }) => {
    const box = await canvas(page).boundingBox();
    if (!box) throw new Error('no canvas');
    for (const [i, { kind, label }] of PALETTE.entries()) {
      const before = await nodesOfKind(page, kind).count();
      // Drop along the empty strip under the default graph, a little apart each time.
      const at = { x: 150 + i * 80, y: box.height - 60 };
      await paletteItem(page, label).dragTo(canvas(page), { targetPosition: at });
      await expect(nodesOfKind(page, kind), `${label} dropped`).toHaveCount(before + 1);
    }
    // Six drops, six new nodes on top of the eight of the default graph.
    await expect(canvas(page).locator('article[data-kind]')).toHaveCount(8 + PALETTE.length);
  });

  test('a dropped node lands where it was dropped', async ({ page }) => {
    const box = await canvas(page).boundingBox();
    if (!box) throw new Error('no canvas');
    const at = { x: 120, y: box.height - 50 };
    await paletteItem(page, 'LayerNorm').dragTo(canvas(page), { targetPosition: at });
    const added = nodesOfKind(page, 'layernorm');
    await expect(added).toHaveCount(1);
    const nodeBox = await added.boundingBox();
    if (!nodeBox) throw new Error('no node box');
    // The node is placed so the drop point falls inside it (offset by 80 x 30 flow units).
    const dropX = box.x + at.x;
    const dropY = box.y + at.y;
    expect(dropX).toBeGreaterThanOrEqual(nodeBox.x);
    expect(dropX).toBeLessThanOrEqual(nodeBox.x + nodeBox.width);
    expect(dropY).toBeGreaterThanOrEqual(nodeBox.y);
    expect(dropY).toBeLessThanOrEqual(nodeBox.y + nodeBox.height);
  });

  test('clicking a palette item adds a node and selects it', async ({ page }) => {
    await expect(nodesOfKind(page, 'dense')).toHaveCount(2);
    await paletteItem(page, 'Dense').click();
    await expect(nodesOfKind(page, 'dense')).toHaveCount(3);
    // The new node is selected: the Inspector shows a Dense with its Units field.
    await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Units')).toHaveValue('8');
    await expect(page.getByRole('status')).toContainText('Added Dense');
  });

  test('pressing Enter on a focused palette item adds a node (keyboard)', async ({ page }) => {
    await expect(nodesOfKind(page, 'concatenate')).toHaveCount(0);
    const item = paletteItem(page, 'Concatenate');
    await item.focus();
    await expect(item).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodesOfKind(page, 'concatenate')).toHaveCount(1);
    // Shift+Tab back to the item before it, and add with Space this time (a native button).
    await page.keyboard.press('Shift+Tab');
    await expect(paletteItem(page, 'Add')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(nodesOfKind(page, 'add')).toHaveCount(1);
  });

  test('nodes added by clicks land in free space, in view, never on top of each other or the graph', async ({
    page,
  }) => {
    for (let i = 0; i < 5; i++) await paletteItem(page, 'LayerNorm').click();
    await expect(nodesOfKind(page, 'layernorm')).toHaveCount(5);
    // Where the view ran out of room it zoomed out to show the new node: let it settle.
    await page.waitForTimeout(300);
    const view = await canvas(page).boundingBox();
    if (!view) throw new Error('no canvas');
    const boxes = await canvas(page)
      .locator('.react-flow__node')
      .evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
      );
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `nodes overlap: ${JSON.stringify([a, b])}`).toBe(false);
      }
    }
    const added = await nodesOfKind(page, 'layernorm').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()),
    );
    for (const r of added) {
      expect(r.x).toBeGreaterThanOrEqual(view.x);
      expect(r.y).toBeGreaterThanOrEqual(view.y);
      expect(r.x + r.width).toBeLessThanOrEqual(view.x + view.width);
      expect(r.y + r.height).toBeLessThanOrEqual(view.y + view.height);
    }
  });
});
