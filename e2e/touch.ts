import { expect, type Locator, type Page } from '@playwright/test';

/** A point on the screen, in CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

type TouchType = 'touchStart' | 'touchMove' | 'touchEnd';

/**
 * Real touch events through the Chrome DevTools Protocol (Playwright's touchscreen only taps):
 * React Flow and d3 see touchstart/touchmove/touchend and the pointer events Chromium makes of them.
 */
async function touchEvents(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  return (type: TouchType, points: readonly Point[]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
}

/** One finger down at `from`, moved in `steps` steps (a frame apart) to `to`, lifted. */
export async function touchDrag(page: Page, from: Point, to: Point, steps = 12): Promise<void> {
  const send = await touchEvents(page);
  await send('touchStart', [from]);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await send('touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }]);
    await page.waitForTimeout(16);
  }
  await send('touchEnd', []);
}

/** Two fingers `startGap` px apart around `center`, spread horizontally to `endGap` px apart (a pinch). */
export async function pinch(
  page: Page,
  center: Point,
  startGap: number,
  endGap: number,
  steps = 10,
): Promise<void> {
  const send = await touchEvents(page);
  const at = (gap: number) => [
    { x: center.x - gap / 2, y: center.y },
    { x: center.x + gap / 2, y: center.y },
  ];
  await send('touchStart', at(startGap));
  for (let i = 1; i <= steps; i++) {
    await send('touchMove', at(startGap + ((endGap - startGap) * i) / steps));
    await page.waitForTimeout(16);
  }
  await send('touchEnd', []);
}

/** The middle of an element on screen (it must be visible). */
export async function centerOf(locator: Locator): Promise<Point> {
  await expect(locator).toBeVisible();
  // A finger taps what is on screen: bring it there first (the page scrolls on a phone).
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no bounding box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Taps the middle of an element with one finger. */
export async function tapCenter(page: Page, locator: Locator): Promise<void> {
  const p = await centerOf(locator);
  await page.touchscreen.tap(p.x, p.y);
}

/** The canvas's zoom, from React Flow's viewport transform ("translate(..) scale(z)"). */
export async function canvasZoom(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const match = /scale\(([\d.]+)\)/.exec(style);
  if (!match) throw new Error(`no scale in the viewport transform: ${style}`);
  return Number(match[1]);
}
