import { layoutSlide, type SlideText, scaleCapForText } from '../../export/slideLayout';
import { composeSlide, type Slide } from '../../export/slideSvg';
import { capturePicture, findGraphics, largestTextPx } from './capturePicture';
import { PictureError } from './deliverPicture';

/**
 * A slide of the chart drawn inside `container` (its SVGs and canvases, see findGraphics) with the
 * title, labels, legend and caption of `text`. The chart is enlarged to fill the slide, but no more
 * than keeps its largest text at TARGET_TEXT_PX; canvases that can redraw do so at the slide's scale.
 * Throws a PictureError naming `what` when the container is gone or holds nothing drawn.
 */
export function chartSlide(
  container: HTMLElement | null,
  what: string,
  text: SlideText,
  arrange: 'page' | 'row' = 'page',
): Slide {
  if (!container) throw new PictureError(`${capitalize(what)} is not on screen.`);
  const found = findGraphics(container, arrange);
  if (found.graphics.length === 0) {
    throw new PictureError(`${capitalize(what)} has nothing drawn yet: train or step first.`);
  }
  const cap = scaleCapForText(largestTextPx(found));
  const { scale } = layoutSlide(found, text, cap).plot;
  return composeSlide(capturePicture(found, scale), text, { maxScale: cap });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
