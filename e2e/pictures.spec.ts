import { readFileSync } from 'node:fs';
import { type Download, expect, type Locator, type Page, test } from '@playwright/test';
import { DEFAULT_IDS, gotoApp, pauseButton, readNumber, saveScreenshot, trainButton } from './helpers';
import { recordCspViolations, recordRequests, staysOnOrigin } from './recorders';

// Pictures of the charts and of the graph: PNG and SVG slides, and the clipboard copy.

const menuButton = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
const notice = (page: Page, text: string): Locator => page.getByRole('status').filter({ hasText: text });
const LOSS = 'Image of the loss chart';
const BOUNDARY = 'Image of the decision boundary';
const GRAPH = 'Image of the graph';

/** Opens a picture menu and picks an item; returns the download it starts. */
async function download(page: Page, menu: string, item: string): Promise<Download> {
  await menuButton(page, menu).click();
  const started = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return started;
}

async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync(await d.path());
}

/** Width and height from a PNG's IHDR chunk, after checking its 8-byte signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The texts of an SVG parsed by the browser (throws on an XML error), and whether it refers outside itself. */
async function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('not well-formed XML');
    const hrefs = Array.from(doc.querySelectorAll('image'), (i) => i.getAttribute('href') ?? '');
    return {
      root: doc.documentElement.localName,
      size: [doc.documentElement.getAttribute('width'), doc.documentElement.getAttribute('height')],
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      external: hrefs.filter((h) => !h.startsWith('data:image/png;base64,')),
      nodes: Array.from(doc.querySelectorAll('g.graph-node'), (g) => g.getAttribute('data-id')),
      edges: doc.querySelectorAll('path.graph-edge').length,
    };
  }, svg);
}

/**
 * Samples a PNG in the browser: the share of near-white pixels in the corner, of dark "ink" pixels
 * in the title band, and of pixels close to `rgb` inside `box` (the picture area).
 */
async function samplePng(
  page: Page,
  png: Buffer,
  rgb: [number, number, number],
  box: [number, number, number, number],
) {
  return page.evaluate(
    async ({ data, rgb, box }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const share = (
        x: number,
        y: number,
        w: number,
        h: number,
        test: (p: Uint8ClampedArray, i: number) => boolean,
      ) => {
        const d = ctx.getImageData(x, y, w, h).data;
        let hits = 0;
        for (let i = 0; i < d.length; i += 4) if (test(d, i)) hits++;
        return hits / (w * h);
      };
      const near = (d: Uint8ClampedArray, i: number, [r, g, b]: number[]) =>
        Math.abs((d[i] ?? 0) - (r ?? 0)) +
          Math.abs((d[i + 1] ?? 0) - (g ?? 0)) +
          Math.abs((d[i + 2] ?? 0) - (b ?? 0)) <
        60;
      return {
        white: share(0, 0, 40, 40, (d, i) => near(d, i, [255, 255, 255])),
        titleInk: share(60, 50, 400, 90, (d, i) => (d[i] ?? 255) < 80 && (d[i + 1] ?? 255) < 80),
        colour: share(box[0], box[1], box[2], box[3], (d, i) => near(d, i, rgb)),
      };
    },
    { data: png.toString('base64'), rgb, box },
  );
}

test.describe('pictures', () => {
  test('the loss chart, the decision boundary and the graph download as slides', async ({
    page,
    context,
  }) => {
    const requests = recordRequests(context);
    const violations = await recordCspViolations(page);
    await gotoApp(page, 'wasm');
    const origin = new URL(page.url()).origin;
    await trainButton(page).click();
    await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
    await pauseButton(page).click();

    // The menu, as it looks at 1280x720.
    await menuButton(page, LOSS).click();
    await expect(page.getByRole('menu', { name: LOSS })).toBeVisible();
    await saveScreenshot(page, 'pictures-loss-menu.png');
    await page.keyboard.press('Escape');

    // Loss chart, PNG: a 1920 x 1080 slide with dark title text and the blue test line drawn.
    const png = await bytesOf(await download(page, LOSS, 'Download PNG'));
    expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
    const loss = await samplePng(page, png, [25, 103, 210], [200, 180, 1520, 700]);
    expect(loss.white).toBe(1);
    expect(loss.titleInk).toBeGreaterThan(0.02);
    expect(loss.colour).toBeGreaterThan(0.002);
    await expect(notice(page, 'Saved the loss chart as normlab-loss-chart.png (1920 × 1080).')).toBeVisible();

    // Loss chart, SVG: well-formed, with its title, axis labels, legend and tick labels, nothing outside it.
    const svgDownload = await download(page, LOSS, 'Download SVG');
    expect(svgDownload.suggestedFilename()).toBe('normlab-loss-chart.svg');
    const svgText = (await bytesOf(svgDownload)).toString('utf8');
    expect(svgText).not.toMatch(/var\(|currentcolor|style="|@font-face|url\(http/i);
    const svg = await parseSvg(page, svgText);
    expect(svg.root).toBe('svg');
    expect(svg.size).toEqual(['1920', '1080']);
    expect(svg.texts).toEqual(expect.arrayContaining(['Loss', 'Step', 'Loss (log scale)', 'train', 'test']));
    expect(svg.texts.some((t) => /^Circle dataset · step \d+$/.test(t))).toBe(true);
    // The chart's own tick labels came along (0, 20, ... on the step axis).
    expect(svg.texts).toContain('0');

    // Decision boundary, PNG: the canvases are in it (the orange and blue of the prediction).
    const boundary = await bytesOf(await download(page, BOUNDARY, 'Download PNG'));
    expect(pngSize(boundary)).toEqual({ width: 1920, height: 1080 });
    const heat = await samplePng(page, boundary, [232, 140, 60], [660, 220, 600, 600]);
    expect(heat.colour).toBeGreaterThan(0.05);
    const boundarySvg = await parseSvg(
      page,
      (await bytesOf(await download(page, BOUNDARY, 'Download SVG'))).toString(),
    );
    expect(boundarySvg.external).toEqual([]);
    expect(boundarySvg.texts).toEqual(expect.arrayContaining(['Decision boundary', 'x1 (from -6 to 6)']));

    // The graph, SVG: every node with its label, every connection.
    const graphSvg = await download(page, GRAPH, 'Download SVG');
    expect(graphSvg.suggestedFilename()).toBe('normlab-graph.svg');
    const graph = await parseSvg(page, (await bytesOf(graphSvg)).toString('utf8'));
    expect(graph.nodes).toEqual([...DEFAULT_IDS]);
    expect(graph.edges).toBe(DEFAULT_IDS.length - 1);
    for (const label of ['Input', 'Dense', 'BatchNorm', 'Activation', 'Output', '8 units', 'ReLU']) {
      expect(graph.texts).toContain(label);
    }
    const graphPng = await bytesOf(await download(page, GRAPH, 'Download PNG'));
    expect(pngSize(graphPng)).toEqual({ width: 1920, height: 1080 });
    expect((await samplePng(page, graphPng, [25, 103, 210], [0, 150, 1920, 930])).colour).toBeGreaterThan(
      0.0005,
    );

    expect(violations).toEqual([]);
    expect(requests.filter((r) => !staysOnOrigin(r.url, origin))).toEqual([]);
  });

  test('the menu works from the keyboard, and Copy image puts a PNG on the clipboard', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoApp(page, 'wasm');
    const button = menuButton(page, GRAPH);
    await button.focus();
    await page.keyboard.press('Enter');
    const items = page.getByRole('menuitem');
    await expect(items).toHaveText(['Download PNG', 'Download SVG', 'Copy image']);
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(button).toBeFocused();

    await page.keyboard.press('ArrowUp');
    await expect(items.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(notice(page, 'Copied the graph to the clipboard as a 1920 × 1080 image.')).toBeVisible();
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const blob = await item.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied).toEqual({ types: ['image/png'], width: 1920, height: 1080 });
  });

  test('Copy image says what to do where the browser cannot copy images', async ({ page }) => {
    await page.addInitScript(() => {
      // A browser without the asynchronous Clipboard API's images (older Firefox, an http page).
      Reflect.deleteProperty(window, 'ClipboardItem');
    });
    await gotoApp(page, 'wasm');
    await menuButton(page, GRAPH).click();
    await page.getByRole('menuitem', { name: 'Copy image' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: 'This browser does not let a page copy images' })
        .filter({ hasText: 'Use Download PNG instead.' }),
    ).toBeVisible();
  });
});
