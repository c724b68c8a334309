import type { Slide } from '../../export/slideSvg';

/** A problem with a picture that the person should read as it is (it names what to do instead). */
export class PictureError extends Error {
  override name = 'PictureError';
}

/** The slide as an SVG file: an XML declaration, then the SVG. */
export function svgFile(slide: Slide): Blob {
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${slide.svg}\n`], {
    type: 'image/svg+xml;charset=utf-8',
  });
}

/**
 * The slide drawn to a PNG of (width x height) x `pixelRatio` pixels: the SVG is decoded as an
 * image (everything it needs is inside it) and drawn on an offscreen canvas.
 */
export async function slidePng(slide: Slide, pixelRatio = 1): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([slide.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(slide.width, slide.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(slide.width * pixelRatio);
    canvas.height = Math.round(slide.height * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx)
      throw new PictureError('This browser could not draw the picture (no 2D canvas). Use Download SVG.');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob
            ? resolve(blob)
            : reject(new PictureError('This browser could not encode the PNG. Use Download SVG.')),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Why this browser cannot copy an image, or null when it can try. */
export function clipboardRefusal(): string | null {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (typeof ClipboardItem === 'undefined' || typeof clipboard?.write !== 'function') {
    return 'This browser does not let a page copy images (it needs a secure https page and the Clipboard API). Use Download PNG instead.';
  }
  if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports('image/png')) {
    return 'This browser cannot copy PNG images. Use Download PNG instead.';
  }
  return null;
}

/**
 * Puts a PNG on the clipboard. The clipboard write starts at once, in the click that asked for it
 * (browsers want a user gesture), with the PNG still being drawn: ClipboardItem takes a promise.
 * Throws a PictureError saying what to do instead where the browser refuses.
 */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  const refusal = clipboardRefusal();
  if (refusal) {
    png.catch(() => undefined);
    throw new PictureError(refusal);
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  } catch (e) {
    if (e instanceof PictureError) throw e;
    const drawn = await png.then(
      () => null,
      (err: unknown) => err,
    );
    if (drawn instanceof PictureError) throw drawn;
    if (e instanceof DOMException && e.name === 'NotAllowedError') {
      throw new PictureError(
        'The browser refused to copy the image (clipboard permission, or the page was not in front). Use Download PNG instead.',
      );
    }
    throw new PictureError(
      `Could not copy the image: ${e instanceof Error ? e.message : String(e)}. Use Download PNG instead.`,
    );
  }
}
