import { expect, test } from '@playwright/test';
import { edges, gotoApp, inspector, node, selectNode, trainButton } from './helpers';

test.describe('deleting nodes', () => {
  test.beforeEach(async ({ page }) => {
    await gotoApp(page, 'cpu');
  });

  test('Delete removes the selected node and its edges, and blocks training until fixed', async ({
    page,
  }) => {
    await expect(edges(page)).toHaveCount(7);
    await selectNode(page, 'bn1');
    await page.keyboard.press('Delete');

    await expect(node(page, 'bn1')).toHaveCount(0);
    // dense1 -> bn1 and bn1 -> act1 went with it.
    await expect(edges(page)).toHaveCount(5);
    await expect(page.locator('.react-flow__edge[data-id*="bn1"]')).toHaveCount(0);
    // Nothing is selected any more.
    await expect(inspector(page)).toContainText('Select a node on the canvas');

    // Train is disabled, and the reason says the graph needs fixing.
    await expect(trainButton(page)).toBeDisabled();
    await expect(page.getByTestId('train-blocked-reason')).toHaveText(/Fix the graph/);

    // act1 now gets no data: it is marked invalid on the canvas with a visible note.
    const act1 = node(page, 'act1');
    await expect(act1).toHaveAttribute('aria-label', /gets no data/);
    await expect(act1.getByRole('note')).toBeVisible();
    await expect(act1.getByRole('note')).toContainText('gets no data');
    // dense1 now leads nowhere.
    await expect(node(page, 'dense1').getByRole('note')).toContainText('leads nowhere');
    // Input is fine and carries no note (everything after act1 also gets no data).
    await expect(node(page, 'input').getByRole('note')).toHaveCount(0);
  });

  test('Backspace deletes too, and so does the Inspector button', async ({ page }) => {
    await selectNode(page, 'bn2');
    await page.keyboard.press('Backspace');
    await expect(node(page, 'bn2')).toHaveCount(0);

    await selectNode(page, 'act1');
    await inspector(page).getByRole('button', { name: 'Delete node' }).click();
    await expect(node(page, 'act1')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(3);
  });

  test('Input and Output cannot be deleted', async ({ page }) => {
    for (const id of ['input', 'output']) {
      await selectNode(page, id);
      // No delete button for them in the Inspector...
      await expect(inspector(page).getByRole('button', { name: 'Delete node' })).toHaveCount(0);
      // ...and the key does nothing.
      await page.keyboard.press('Delete');
      await page.keyboard.press('Backspace');
      await expect(node(page, id)).toBeVisible();
    }
    await expect(edges(page)).toHaveCount(7);
    await expect(trainButton(page)).toBeEnabled();
  });

  test('a connection is selected by a click and removed with Delete', async ({ page }) => {
    await expect(edges(page)).toHaveCount(7);
    const edge = page.locator('.react-flow__edge[data-id*="bn1-act1"]');
    // A vertical segment: the middle of its path's box lies on the line.
    const box = await edge.locator('.react-flow__edge-path').boundingBox();
    if (!box) throw new Error('the edge bn1 -> act1 is not drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(edge).toHaveClass(/selected/);
    await page.keyboard.press('Delete');
    await expect(edges(page)).toHaveCount(6);
    await expect(page.locator('.react-flow__edge[data-id*="bn1-act1"]')).toHaveCount(0);
    await expect(page.getByTestId('train-blocked-reason')).toHaveText(/Fix the graph/);
  });
});
