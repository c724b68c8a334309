/**
 * Sharper canvases in pictures: a chart that draws on a canvas can register a redraw at any scale,
 * so a picture made for a slide draws it anew at the slide's resolution instead of enlarging the
 * few hundred pixels on screen (src/components/picture/capturePicture.ts asks for it).
 */

/** Draws the canvas's picture again on a new canvas `scale` times its CSS size; null when it cannot. */
export type CanvasRedraw = (scale: number) => HTMLCanvasElement | null;

const redraws = new WeakMap<HTMLCanvasElement, CanvasRedraw>();

/** Registers (or, with null, removes) the redraw of a canvas. */
export function setCanvasRedraw(canvas: HTMLCanvasElement, redraw: CanvasRedraw | null): void {
  if (redraw) redraws.set(canvas, redraw);
  else redraws.delete(canvas);
}

/** The redraw registered for a canvas, if any. */
export function canvasRedraw(canvas: HTMLCanvasElement): CanvasRedraw | undefined {
  return redraws.get(canvas);
}
