import { layoutSlide, MAX_SCALE, SLIDE_SIZE, type SlideLayout, type SlideText } from './slideLayout';

/** A picture to put on a slide: a standalone SVG document drawn in a width x height box (its units). */
export interface Picture {
  readonly width: number;
  readonly height: number;
  /** `<svg ...>...</svg>`: every style it needs is in its own attributes (no stylesheet, no fonts). */
  readonly markup: string;
}

/** A finished slide: an SVG document of width x height slide pixels. */
export interface Slide {
  readonly width: number;
  readonly height: number;
  readonly svg: string;
}

/** The page's system font stack: nothing to download, so no request leaves the page. */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Slide text colours: ink 16.6:1 and muted 9.8:1 on white (WCAG asks 4.5:1). */
export const SLIDE_INK = '#1b1f24';
export const SLIDE_MUTED = '#3d4450';

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A number for an SVG attribute: at most 2 decimals, no "-0". */
export const num = (v: number): string => String(Math.round(v * 100) / 100 + 0);

function textEl(
  box: { x: number; y: number; size: number },
  content: string,
  attrs = '',
  fill = SLIDE_INK,
): string {
  return `<text x="${num(box.x)}" y="${num(box.y)}" font-size="${num(box.size)}" fill="${fill}"${attrs}>${escapeXml(content)}</text>`;
}

/** The SVG elements of a laid-out slide's text (everything but the background and the picture). */
function slideText(lay: SlideLayout, text: SlideText): string[] {
  const out = [textEl(lay.title, text.title, ' font-weight="700"')];
  if (lay.subtitle && text.subtitle) out.push(textEl(lay.subtitle, text.subtitle, '', SLIDE_MUTED));
  const { size, y } = lay.legend;
  for (const item of lay.legend.items) {
    const lineY = y - 0.32 * size;
    const dash = item.dashed ? ` stroke-dasharray="${num(0.45 * size)} ${num(0.3 * size)}"` : '';
    out.push(
      `<line x1="${num(item.x)}" x2="${num(item.x + 1.6 * size)}" y1="${num(lineY)}" y2="${num(lineY)}" stroke="${escapeXml(item.color)}" stroke-width="${num(0.22 * size)}"${dash}/>`,
      textEl({ x: item.labelX, y, size }, item.label),
    );
  }
  if (lay.xLabel && text.xLabel) out.push(textEl(lay.xLabel, text.xLabel, ' text-anchor="middle"'));
  if (lay.yLabel && text.yLabel) {
    const { x, y: cy } = lay.yLabel;
    out.push(
      textEl(lay.yLabel, text.yLabel, ` text-anchor="middle" transform="rotate(-90 ${num(x)} ${num(cy)})"`),
    );
  }
  if (lay.caption) {
    const { x, y: first, size: cs, lines } = lay.caption;
    lines.forEach((line, i) => {
      out.push(textEl({ x, y: first + i * 1.3 * cs, size: cs }, line, '', SLIDE_MUTED));
    });
  }
  return out;
}

/**
 * One standalone SVG slide: a `background` rectangle, the title and the other text of `text`, and
 * the picture scaled to fit (at most `maxScale` times) between them. Everything the slide needs is
 * inside it: the system font stack, no external reference.
 */
export function composeSlide(
  picture: Picture,
  text: SlideText,
  options: {
    readonly maxScale?: number;
    readonly background?: string;
    readonly size?: { readonly width: number; readonly height: number };
  } = {},
): Slide {
  const size = options.size ?? SLIDE_SIZE;
  const lay = layoutSlide(picture, text, options.maxScale ?? MAX_SCALE, size);
  const { x, y, scale } = lay.plot;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" font-family="${FONT_STACK}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="${size.width}" height="${size.height}" fill="${escapeXml(options.background ?? '#ffffff')}"/>`,
    ...slideText(lay, text),
    `<g transform="translate(${num(x)} ${num(y)}) scale(${Math.round(scale * 10000) / 10000})">`,
    picture.markup,
    '</g>',
    '</svg>',
  ].join('\n');
  return { width: size.width, height: size.height, svg };
}
