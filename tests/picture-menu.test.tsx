// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PictureError } from '../src/components/picture/deliverPicture';
import { ImageMenu } from '../src/components/picture/ImageMenu';
import { composeSlide, type Slide } from '../src/export/slideSvg';
import { appStore } from '../src/store/store';

// jsdom cannot decode an SVG image: the PNG step is replaced by a tiny PNG-typed blob.
vi.mock('../src/components/picture/deliverPicture', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/components/picture/deliverPicture')>();
  return { ...real, slidePng: vi.fn(async () => new Blob(['png'], { type: 'image/png' })) };
});

const SLIDE: Slide = composeSlide(
  { width: 10, height: 10, markup: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' },
  { title: 'Test chart', xLabel: 'Step' },
);

/** The downloads offered: file name and content, captured from the link the menu clicks. */
let downloads: { name: string; blob: Blob }[] = [];
let blobs = new Map<string, Blob>();

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  let n = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
  appStore.getState().dismissNotice();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const notice = () => appStore.getState().notice;

function renderMenu(makeSlide: () => Slide = () => SLIDE) {
  render(
    <ImageMenu
      label="Image of the test chart"
      what="the test chart"
      fileTitle="test chart"
      makeSlide={makeSlide}
    />,
  );
  return screen.getByRole('button', { name: 'Image of the test chart' });
}

/** Clicks a menu item and lets its promise chain settle. */
async function choose(button: HTMLElement, item: string) {
  fireEvent.click(button);
  await act(async () => {
    fireEvent.click(screen.getByRole('menuitem', { name: item }));
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('ImageMenu: keyboard and names', () => {
  it('is a menu button whose menu takes the keyboard and gives it back', () => {
    const button = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'Image of the test chart' });
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Download PNG', 'Download SVG', 'Copy image']);
    expect(document.activeElement).toBe(items[0]);

    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[2]);

    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on the last item with ArrowUp and closes on a press outside', () => {
    const button = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Copy image');
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('ImageMenu: actions', () => {
  it('downloads the slide as an SVG file with a name made from the title', async () => {
    await choose(renderMenu(), 'Download SVG');
    expect(downloads.map((d) => d.name)).toEqual(['normlab-test-chart.svg']);
    const text = await downloads[0]?.blob.text();
    expect(text?.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toContain('<title>Test chart</title>');
    expect(downloads[0]?.blob.type).toBe('image/svg+xml;charset=utf-8');
    expect(notice()?.text).toBe('Saved the test chart as normlab-test-chart.svg (1920 × 1080).');
  });

  it('downloads the PNG', async () => {
    await choose(renderMenu(), 'Download PNG');
    expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([['normlab-test-chart.png', 'image/png']]);
  });

  it('says why when there is nothing to picture', async () => {
    await choose(
      renderMenu(() => {
        throw new PictureError('The test chart has nothing drawn yet: train or step first.');
      }),
      'Download PNG',
    );
    expect(downloads).toEqual([]);
    expect(notice()).toMatchObject({
      kind: 'error',
      text: 'The test chart has nothing drawn yet: train or step first.',
    });
  });

  it('copies a PNG to the clipboard where the browser allows', async () => {
    const written: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly data: Record<string, unknown>) {
          written.push(data);
        }
      },
    );
    const write = vi.fn(async (items: { data: Record<string, Promise<Blob>> }[]) => {
      await items[0]?.data['image/png'];
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    await choose(renderMenu(), 'Copy image');
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(written[0] ?? {})).toEqual(['image/png']);
    const png = (await written[0]?.['image/png']) as Blob | undefined;
    expect(png?.type).toBe('image/png');
    expect(notice()).toMatchObject({
      kind: 'info',
      text: 'Copied the test chart to the clipboard as a 1920 × 1080 image.',
    });
  });

  it('says so plainly where the browser cannot copy images', async () => {
    vi.stubGlobal('ClipboardItem', undefined);
    await choose(renderMenu(), 'Copy image');
    expect(notice()?.kind).toBe('error');
    expect(notice()?.text).toMatch(
      /^This browser does not let a page copy images.*Use Download PNG instead\.$/,
    );
  });

  it('says so plainly where the browser refuses the copy', async () => {
    vi.stubGlobal('ClipboardItem', class {});
    const write = vi.fn(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    await choose(renderMenu(), 'Copy image');
    expect(notice()?.kind).toBe('error');
    expect(notice()?.text).toMatch(/^The browser refused to copy the image .*Use Download PNG instead\.$/);
  });
});
