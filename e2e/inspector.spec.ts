import { expect, test } from '@playwright/test';
import { gotoApp, inspector, node, selectNode, trainButton } from './helpers';

test.describe('inspector', () => {
  test.beforeEach(async ({ page }) => {
    await gotoApp(page, 'cpu');
  });

  test('Units refuses bad values next to the field and applies a good one', async ({ page }) => {
    await selectNode(page, 'dense1');
    const units = inspector(page).getByLabel('Units');
    await expect(units).toHaveValue('8');
    const dense1 = node(page, 'dense1');
    await expect(dense1).toContainText('8 units');

    for (const bad of ['0', '-3', '1e9', 'abc', '2.5', '513']) {
      await units.fill(bad);
      const alert = inspector(page).getByRole('alert');
      await expect(alert, `Units "${bad}"`).toHaveText(
        /^Not applied: Units must be a whole number from 1 to 512/,
      );
      await expect(units).toHaveAttribute('aria-invalid', 'true');
      // What was typed stays in the field; the last good value stays in force.
      await expect(units).toHaveValue(bad);
      await expect(dense1).toContainText('8 units');
      await expect(dense1).toContainText('→ [8]');
    }
    // A refused value never blocks training: the graph still has 8 units.
    await expect(trainButton(page)).toBeEnabled();

    await units.fill('16');
    await expect(inspector(page).getByRole('alert')).toHaveCount(0);
    await expect(units).toHaveAttribute('aria-invalid', 'false');
    await expect(dense1).toContainText('16 units');
    await expect(dense1).toContainText('→ [16]');
    // Weights follow: 2 inputs x 16 + 16 biases.
    await expect(dense1).toContainText('48 weights');
    await expect(inspector(page)).toContainText('Output width: 16');
    // The next layer's width follows too.
    await expect(node(page, 'bn1')).toContainText('→ [16]');
  });

  test('BatchNorm refuses Momentum 1 and Epsilon 0', async ({ page }) => {
    await selectNode(page, 'bn1');
    const bn1 = node(page, 'bn1');
    await expect(bn1).toContainText('momentum 0.9, eps 0.001');

    const momentum = inspector(page).getByLabel('Momentum');
    await momentum.fill('1');
    await expect(inspector(page).getByRole('alert')).toHaveText(/^Not applied: Momentum must be a number/);
    await expect(bn1).toContainText('momentum 0.9');
    await momentum.fill('0.99');
    await expect(inspector(page).getByRole('alert')).toHaveCount(0);
    await expect(bn1).toContainText('momentum 0.99');

    const epsilon = inspector(page).getByLabel('Epsilon');
    await epsilon.fill('0');
    await expect(inspector(page).getByRole('alert')).toHaveText(/^Not applied: Epsilon must be a number/);
    await expect(bn1).toContainText('eps 0.001');
    await epsilon.fill('1e-5');
    await expect(inspector(page).getByRole('alert')).toHaveCount(0);
    await expect(bn1).toContainText('eps 0.00001');
  });

  test('the activation function select changes the node summary', async ({ page }) => {
    await selectNode(page, 'act1');
    const act1 = node(page, 'act1');
    await expect(act1).toContainText('ReLU');
    const fn = inspector(page).getByRole('combobox', { name: 'Activation function' });
    await expect(fn).toHaveValue('relu');
    // Alpha only matters for Leaky ReLU.
    await expect(inspector(page).getByLabel('Alpha')).toHaveCount(0);

    await fn.selectOption({ label: 'tanh' });
    await expect(act1).toContainText('tanh');
    await expect(act1).not.toContainText('ReLU');

    await fn.selectOption({ label: 'Leaky ReLU' });
    await expect(act1).toContainText('Leaky ReLU, alpha 0.2');
    const alpha = inspector(page).getByLabel('Alpha');
    await alpha.fill('2');
    await expect(inspector(page).getByRole('alert')).toHaveText(
      /^Not applied: Alpha must be a number from 0 to 1/,
    );
    await alpha.fill('0.05');
    await expect(act1).toContainText('Leaky ReLU, alpha 0.05');
  });

  test("a fresh selection shows that node's own values, not the previous draft", async ({ page }) => {
    await selectNode(page, 'dense1');
    await inspector(page).getByLabel('Units').fill('abc');
    await expect(inspector(page).getByRole('alert')).toBeVisible();
    await selectNode(page, 'dense2');
    await expect(inspector(page).getByLabel('Units')).toHaveValue('8');
    await expect(inspector(page).getByRole('alert')).toHaveCount(0);
    await expect(inspector(page).getByRole('combobox', { name: 'Initializer' })).toHaveValue('glorotUniform');
  });

  test('a refused toolbar value says which value is in force, and leaving the field puts it back', async ({
    page,
  }) => {
    await gotoApp(page, 'cpu');
    const lr = page.getByRole('textbox', { name: 'Learning rate' });
    const batch = page.getByRole('textbox', { name: 'Batch size' });
    await lr.fill('-1');
    await expect(page.getByRole('banner').getByRole('alert')).toHaveText(
      /^Not applied: .* Still using 0\.03\.$/,
    );
    await batch.fill('0');
    // Only the field being edited shows its popover: no two overlap.
    await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(1);
    await expect(lr).toHaveValue('0.03');
    await batch.blur();
    await expect(batch).toHaveValue('32');
    await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);
  });
});
