import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { gotoApp, saveScreenshot, trainButton, waitForReady } from './helpers';

// Issue 10 §7: storage blocked, storage full, and two tabs editing the same lab. Each is detected
// and explained, and nothing is silently lost.

const otherTabBanner = (page: Page): Locator => page.getByRole('region', { name: 'Another tab' });
const storageBanner = (page: Page): Locator => page.getByRole('region', { name: 'Storage' });
const datasetField = (page: Page): Locator => page.getByRole('combobox', { name: 'Dataset' });
const learningRateField = (page: Page): Locator => page.getByRole('textbox', { name: 'Learning rate' });
const restoreButton = (page: Page): Locator =>
  page.getByRole('region', { name: 'Lab' }).getByRole('button', { name: 'Restore my previous lab' });

/** The autosaved lab's dataset and learning rate (what a reload would show). */
async function saved(page: Page): Promise<{ dataset?: string; learningRate?: number } | null> {
  const text = await page.evaluate(() => localStorage.getItem('normlab.lab'));
  return text ? (JSON.parse(text) as { dataset?: string; learningRate?: number }) : null;
}

test.describe('two tabs editing the same lab', () => {
  test('the other tab is told, and asked: "Keep mine" or "Load its version"; nothing is overwritten silently', async ({
    page: a,
    context,
  }) => {
    await gotoApp(a, 'cpu');
    const b = await context.newPage();
    await gotoApp(b, 'cpu');
    await expect(otherTabBanner(a)).toHaveCount(0);
    await expect(otherTabBanner(b)).toHaveCount(0);

    // B changes the dataset: A is told what changed, and its own lab stays on screen.
    await datasetField(b).selectOption({ label: 'XOR' });
    await expect.poll(async () => (await saved(b))?.dataset).toBe('xor');
    await expect(otherTabBanner(a).getByRole('alert')).toHaveText(
      'Another tab changed this lab (dataset XOR). Your changes here are kept aside, not saved over it, until you choose.',
    );
    await expect(datasetField(a)).toHaveValue('circle');

    // A edits on: its change is not saved over B's lab.
    await learningRateField(a).fill('0.1');
    await expect(otherTabBanner(a).getByRole('alert')).toContainText('(dataset XOR; learning rate 0.03)');
    await a.waitForTimeout(800); // well past the autosave's 300 ms
    expect(await saved(a)).toMatchObject({ dataset: 'xor' });
    expect((await saved(a))?.learningRate).toBe(0.03); // B's, not A's 0.1
    await saveScreenshot(a, 'storage-other-tab-banner.png');
    await expectAccessible(a);

    // "Keep mine" in A: A's lab is saved, and B is asked in turn.
    await otherTabBanner(a).getByRole('button', { name: 'Keep mine' }).click();
    await expect(otherTabBanner(a)).toHaveCount(0);
    await expect.poll(async () => (await saved(a))?.dataset).toBe('circle');
    expect((await saved(a))?.learningRate).toBe(0.1);
    await expect(otherTabBanner(b).getByRole('alert')).toContainText(
      'Another tab changed this lab (dataset Circle; learning rate 0.1).',
    );
    await expect(datasetField(b)).toHaveValue('xor');

    // "Load its version" in B: A's lab, with B's own one click away.
    await otherTabBanner(b).getByRole('button', { name: 'Load its version' }).click();
    await expect(otherTabBanner(b)).toHaveCount(0);
    await expect(datasetField(b)).toHaveValue('circle');
    await expect(learningRateField(b)).toHaveValue('0.1');
    await expect(
      b.getByRole('status').filter({ hasText: 'Loaded the lab the other tab saved.' }),
    ).toBeVisible();
    await waitForReady(b);
    await restoreButton(b).click();
    await expect(datasetField(b)).toHaveValue('xor');
    // That is a change like any other: A is asked again, never overwritten.
    await expect(otherTabBanner(a).getByRole('alert')).toContainText('(dataset XOR; learning rate 0.03)');
    await expect(learningRateField(a)).toHaveValue('0.1');
  });

  test('a tab closed before choosing: its lab comes back as "Restore my previous lab"', async ({
    page: a,
    context,
  }) => {
    await gotoApp(a, 'cpu');
    const b = await context.newPage();
    await gotoApp(b, 'cpu');
    await datasetField(b).selectOption({ label: 'Moons' });
    await expect(otherTabBanner(a)).toBeVisible();
    await learningRateField(a).fill('0.2');
    await a.close({ runBeforeUnload: true });
    await b.reload();
    await waitForReady(b);
    await expect(datasetField(b)).toHaveValue('moons');
    await restoreButton(b).click();
    await expect(datasetField(b)).toHaveValue('circle');
    await expect(learningRateField(b)).toHaveValue('0.2');
  });
});

test.describe('storage blocked or full', () => {
  test('a browser that blocks storage: said at once, before any change, and the app still works', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get: () => {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await gotoApp(page, 'cpu');
    const alert = storageBanner(page).getByRole('alert');
    await expect(alert).toHaveText(
      'This browser does not let NormLab keep anything here, so your work will not be kept after you close this tab: use Export → Lab file to keep a copy. (The browser says: Access is denied for this document.)',
    );
    await expect(storageBanner(page)).toHaveAttribute('data-kind', 'blocked');
    await saveScreenshot(page, 'storage-blocked-banner.png');
    await expectAccessible(page);
    await expect(trainButton(page)).toBeEnabled();
    // Shown once: dismissed, it does not come back with the next change.
    await storageBanner(page).getByRole('button', { name: 'Dismiss' }).click();
    await datasetField(page).selectOption({ label: 'XOR' });
    await page.waitForTimeout(800);
    await expect(storageBanner(page)).toHaveCount(0);
  });

  test('a full storage: said at once; the lab on screen is kept', async ({ page }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'normlab.lab')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await gotoApp(page, 'cpu');
    await expect(storageBanner(page).getByRole('alert')).toHaveText(
      'Your lab could not be saved in this browser (the storage is full). Nothing is lost yet: use Export → Lab file to keep a copy.',
    );
    await datasetField(page).selectOption({ label: 'Spiral' });
    await expect(datasetField(page)).toHaveValue('spiral');
  });
});
