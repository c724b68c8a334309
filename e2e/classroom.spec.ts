import { expect, type Page, test } from '@playwright/test';
import {
  canvas,
  dropFromPalette,
  gotoApp,
  node,
  nodeCount,
  saveScreenshot,
  selectNode,
  waitForReady,
} from './helpers';

const alertWith = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

test.describe('class links', () => {
  test('a class link with "Lock graph" refuses a Delete and a palette drop, says so, and "Make my own copy" unlocks', async ({
    page,
    browser,
  }) => {
    await gotoApp(page, 'cpu');
    await page.getByRole('button', { name: 'Share for class' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share for class' });
    await expect(dialog.getByRole('checkbox', { name: 'Lock graph' })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Lock data' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Lock training settings' }).check();
    await dialog.getByRole('checkbox', { name: 'Hide Backend choice' }).check();
    await dialog.getByRole('checkbox', { name: 'Hide Warped grid tab' }).check();
    const url = await dialog.getByTestId('class-url').inputValue();
    expect(url).toMatch(/#lab=[\w-]+$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    // A student on another machine opens it.
    const student = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await student.goto(url.replace('#', '?backend=cpu#'));
    await waitForReady(student);
    const banner = student.getByTestId('class-banner');
    await expect(banner).toContainText('Locked for this class');
    await expect(banner).toContainText('the graph and the training settings cannot be changed');
    await expect(student.getByRole('combobox', { name: 'Backend' })).toHaveCount(0);
    await expect(student.getByRole('tab', { name: 'Warped grid' })).toHaveCount(0);
    await expect(student.getByRole('textbox', { name: 'Learning rate' })).toBeDisabled();
    await expect(student.getByRole('textbox', { name: 'Noise' })).toBeEnabled();

    // Delete a selected node: refused, with the message; the node stays.
    await selectNode(student, 'bn1');
    await expect(student.getByRole('button', { name: 'Delete node' })).toHaveCount(0);
    await node(student, 'bn1').click();
    await student.keyboard.press('Delete');
    await expect(alertWith(student, /^Locked for this class: the graph cannot be changed/)).toBeVisible();
    await expect(node(student, 'bn1')).toHaveCount(1);
    // A palette drop: refused too.
    const dense = await nodeCount(student, 'dense');
    await dropFromPalette(student, 'Dense', { x: 120, y: 120 });
    await expect(alertWith(student, /^Locked for this class/)).toBeVisible();
    expect(await nodeCount(student, 'dense')).toBe(dense);
    await saveScreenshot(student, 'class-link-locked.png');

    // My own copy: unlocked, and it stays unlocked after a reload.
    await banner.getByRole('button', { name: 'Make my own copy' }).click();
    await expect(banner).toHaveCount(0);
    await node(student, 'bn1').click();
    await student.keyboard.press('Delete');
    await expect(node(student, 'bn1')).toHaveCount(0);
    await student.reload();
    // (Deleting bn1 left the graph unfinished, so Train stays disabled: the point is what was kept.)
    await expect(node(student, 'dense1')).toBeVisible();
    await expect(student.getByTestId('class-banner')).toHaveCount(0);
    await expect(node(student, 'bn1')).toHaveCount(0);
    // The instructor's link still opens the locked original.
    await student.goto(url.replace('#', '?backend=cpu#'));
    await waitForReady(student);
    await expect(student.getByTestId('class-banner')).toBeVisible();
    await expect(node(student, 'bn1')).toHaveCount(1);
    await expect(canvas(student)).toBeVisible();
    await student.context().close();
  });
});
