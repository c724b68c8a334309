import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe on the whole page; fails with each serious or critical violation, its rule and where. */
export async function expectAccessible(page: Page, state = 'this page'): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(grave, `serious or critical axe violations: ${state}`).toEqual([]);
}
