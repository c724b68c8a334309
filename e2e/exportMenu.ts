import { expect, type Locator, type Page } from '@playwright/test';

/** The Export menu's button, in the Lab region. */
export const exportButton = (page: Page): Locator =>
  page.getByRole('region', { name: 'Lab' }).getByRole('button', { name: 'Export', exact: true });

/** The open Export menu. */
export const exportMenu = (page: Page): Locator => page.getByRole('menu', { name: 'Export' });

/** The Export menu's options, as their checkable items are named. */
export interface ExportChoice {
  readonly withWeights?: boolean;
  readonly withData?: boolean;
}

/**
 * Opens Export, sets the options asked for (the others stay as they are), then chooses `item`
 * ("Lab file", "PyTorch (.py)", "Keras (.py)", "TF.js model (.zip)").
 */
export async function chooseExport(page: Page, item: string, choice: ExportChoice = {}): Promise<void> {
  await exportButton(page).click();
  const menu = exportMenu(page);
  await expect(menu).toBeVisible();
  const wanted: [string, boolean | undefined][] = [
    ['with trained weights', choice.withWeights],
    ['with the data', choice.withData],
  ];
  for (const [name, want] of wanted) {
    if (want === undefined) continue;
    const option = menu.getByRole('menuitemcheckbox', { name });
    if ((await option.getAttribute('aria-checked')) !== String(want)) await option.click();
    await expect(option).toHaveAttribute('aria-checked', String(want));
  }
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
  await expect(menu).toHaveCount(0);
}
