import { expect, type Page, test } from '@playwright/test';
import { canvas, edges, gotoApp, inspector, nodesOfKind } from './helpers';

/** A description of the focused element, for matching: tag, React Flow id, accessible name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      id: el?.dataset.id ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      inInspector: Boolean(el?.closest('section[aria-label="Inspector"]')),
    };
  });

type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, back = false, max = 120) {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The focus ring a focused node or connection shows: an outline, or an edge's halo (its wide hit path drawn). */
const ringOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const cs = getComputedStyle(el);
    const halo = el.querySelector('.react-flow__edge-interaction');
    const hs = halo ? getComputedStyle(halo) : null;
    return {
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      halo: hs ? `${hs.stroke} ${hs.strokeOpacity} ${hs.strokeWidth}` : '',
    };
  });

test.describe('building a graph with the keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await gotoApp(page, 'cpu');
    await expect(edges(page)).toHaveCount(7);
  });

  test('add a LayerNorm, Tab to a node, Enter, connect it to the LayerNorm, then remove the connection', async ({
    page,
  }) => {
    // Add a LayerNorm from the palette: Tab to it, Enter.
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.label === 'LayerNorm', 'the LayerNorm palette item');
    await page.keyboard.press('Enter');
    await expect(nodesOfKind(page, 'layernorm')).toHaveCount(1);

    // Tab to BatchNorm bn1 on the canvas: a visible ring marks it; a node without focus has none.
    await tabTo(page, (f) => f.id === 'bn1' && f.label === 'BatchNorm (bn1)', 'node bn1');
    const ring = await ringOf(page, '.react-flow__node[data-id="bn1"]');
    expect(ring.outline).toBe('solid 3px');
    expect((await ringOf(page, '.react-flow__node[data-id="bn2"]')).outline).toMatch(/^none/);

    // Enter selects it and takes focus to its first Inspector field.
    await page.keyboard.press('Enter');
    await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText('(bn1)');
    await expect(inspector(page).getByLabel('Momentum')).toBeFocused();

    // On to "Connect output to…": it lists only nodes bn1 may feed, and says why the others are not listed.
    const target = inspector(page).getByRole('combobox', { name: 'Connect output to…' });
    await tabTo(
      page,
      (f) => f.tag === 'SELECT' && f.inInspector && f.label.includes('Choose a node'),
      'the select',
    );
    await expect(target).toBeFocused();
    const options = await target.locator('option').allTextContents();
    expect(options).toContain('LayerNorm (ln1)');
    expect(options).toContain('Dense (dense2) (replaces its input from ReLU (act1))');
    expect(options.join()).not.toMatch(/Input \(input\)|Dense \(dense1\)/);
    await expect(inspector(page).locator('details.connect-refused')).toContainText(
      'Dense (dense1): That connection would make a loop',
    );

    // Pick LayerNorm by typing its first letter (a closed select's type-ahead), Tab to Connect, Enter.
    await page.keyboard.press('l');
    await expect(target).toHaveValue('ln1');
    await page.keyboard.press('Tab');
    await expect(inspector(page).getByRole('button', { name: 'Connect', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-bn1-ln1"]')).toHaveCount(1);
    await expect(edges(page)).toHaveCount(8);
    await expect(page.getByRole('status')).toContainText('Connected.');
    // Focus went back to the select, which no longer offers ln1.
    await expect(target).toBeFocused();
    await expect(target.locator('option', { hasText: 'LayerNorm (ln1)' })).toHaveCount(0);

    // The connection is listed with a button that removes it.
    const remove = inspector(page).getByRole('button', {
      name: 'Remove connection from BatchNorm (bn1) to LayerNorm (ln1)',
    });
    await tabTo(
      page,
      (f) => f.label === 'Remove connection from BatchNorm (bn1) to LayerNorm (ln1)',
      'Remove',
    );
    await expect(remove).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(canvas(page).locator('.react-flow__edge[data-id^="e-bn1-ln1"]')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(7);
    // Focus stays in the list, on the next connection's button.
    await expect(
      inspector(page).getByRole('button', { name: 'Remove connection from BatchNorm (bn1) to ReLU (act1)' }),
    ).toBeFocused();

    // Escape in the Inspector takes the keyboard back to the node on the canvas.
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('bn1');
  });

  test('a connection takes focus with a ring; Enter selects it and Delete removes it', async ({ page }) => {
    await tabTo(page, (f) => f.label === 'Connection from bn2 to act2', 'the bn2 -> act2 connection');
    const ring = await ringOf(page, '.react-flow__edge[data-id="e-bn2-act2"]');
    // A 20 px wide light-blue halo around the focused connection; none around another one.
    expect(ring.halo).toBe('rgb(138, 180, 248) 0.7 20px');
    const other = await ringOf(page, '.react-flow__edge[data-id="e-bn1-act1"]');
    expect(other.halo).toMatch(/ 0 20px$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(canvas(page).locator('.react-flow__edge[data-id="e-bn2-act2"]')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(6);
  });
});
