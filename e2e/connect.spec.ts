import { expect, type Page, test } from '@playwright/test';
import {
  canvas,
  connect,
  connectToBody,
  DEFAULT_IDS,
  dropFromPalette,
  edges,
  fitView,
  gotoApp,
  node,
  nodesOfKind,
} from './helpers';

/** Drops a LayerNorm and an Activation side by side in the empty strip under the default graph. */
async function addLayerNormAndActivation(page: Page): Promise<void> {
  // The whole height for the canvas, so the new nodes land clear of the default chain.
  await page.getByRole('button', { name: 'Hide panels' }).click();
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('no canvas');
  await dropFromPalette(page, 'LayerNorm', { x: 200, y: box.height - 70 });
  await dropFromPalette(page, 'Activation', { x: 500, y: box.height - 70 });
}

test.describe('connecting nodes by dragging between handles', () => {
  test.beforeEach(async ({ page }) => {
    await gotoApp(page, 'cpu');
    // The default chain: 8 nodes, 7 edges.
    for (const id of DEFAULT_IDS) await expect(node(page, id)).toBeVisible();
    await expect(edges(page)).toHaveCount(7);
  });

  test('LayerNorm -> Activation draws one new edge', async ({ page }) => {
    await addLayerNormAndActivation(page);
    const ln = nodesOfKind(page, 'layernorm');
    const act = nodesOfKind(page, 'activation');
    await expect(ln).toHaveCount(1);
    await expect(act).toHaveCount(3);
    const lnId = (await ln.getAttribute('data-testid'))?.replace(/^node-/, '') ?? '';
    const actId = (await act.last().getAttribute('data-testid'))?.replace(/^node-/, '') ?? '';
    expect(lnId).toBe('ln1');
    expect(actId).toBe('act3');

    // The new nodes grow with their "gets no data" notes; bring everything into view first.
    await fitView(page);
    await connect(page, lnId, actId);
    await expect(edges(page)).toHaveCount(8);
    // React Flow tags each edge with its id: the new one runs from ln1 to act3.
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-ln1-act3"]')).toHaveCount(1);
    await expect(page.getByRole('status')).toContainText('Connected');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('an edge that would make a loop is refused with a message', async ({ page }) => {
    // act2 feeds Output; dense1 is upstream of act2, so act2 -> dense1 closes a loop.
    await connect(page, 'act2', 'dense1');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Connection refused');
    await expect(alert).toContainText('loop');
    await expect(edges(page)).toHaveCount(7);
    // The message can be dismissed.
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(alert).toHaveCount(0);
  });

  test('connecting two nodes that are already connected is refused', async ({ page }) => {
    await connect(page, 'input', 'dense1');
    await expect(page.getByRole('alert')).toContainText(
      /Connection refused: These nodes are already connected/,
    );
    await expect(edges(page)).toHaveCount(7);
  });

  test('dropping a connection onto the Input node is refused with a message', async ({ page }) => {
    await connectToBody(page, 'act2', 'input');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Connection refused');
    await expect(alert).toContainText('Input is where data enters');
    await expect(edges(page)).toHaveCount(7);
  });

  test("dropping a connection onto a node's body connects to that node", async ({ page }) => {
    await addLayerNormAndActivation(page);
    await fitView(page);
    await connectToBody(page, 'ln1', 'act3');
    await expect(edges(page)).toHaveCount(8);
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-ln1-act3"]')).toHaveCount(1);
  });
});
