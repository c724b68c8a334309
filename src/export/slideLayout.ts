/**
 * Where the parts of a picture go on a slide: title, subtitle, legend, the chart itself, its axis
 * labels and a caption. Pure numbers (no DOM): text widths are estimated from the font size.
 */

/** The logical size of a slide: 16:9 full HD, what projectors and slide programs expect. */
export const SLIDE_SIZE = { width: 1920, height: 1080 } as const;

/**
 * The largest any chart text should become on the slide, in slide pixels (1/27 of its height: about
 * 30 pt on a 1080-line slide, the size of a slide's body text, legible from the back row of a
 * classroom), as large as the axis labels.
 */
export const TARGET_TEXT_PX = 40;

/** The most a picture is enlarged even when it has no text (lines and points would turn blotchy). */
export const MAX_SCALE = 8;

/** One line of a legend: a line sample in `color` (dashed when `dashed`) and its label. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
}

/** The words around a picture on its slide. */
export interface SlideText {
  readonly title: string;
  readonly subtitle?: string;
  /** Under the picture, centred on it. */
  readonly xLabel?: string;
  /** Left of the picture, read bottom to top. */
  readonly yLabel?: string;
  readonly legend?: readonly LegendEntry[];
  /** One or two lines at the foot of the slide. */
  readonly caption?: string;
}

/** A text's anchor point (SVG baseline) and font size, in slide pixels. */
export interface TextBox {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** A legend item placed on the slide: the sample line starts at x, the label follows it. */
export interface PlacedLegendEntry extends LegendEntry {
  readonly x: number;
  readonly labelX: number;
}

/** Every part's place on the slide, in slide pixels. */
export interface SlideLayout {
  readonly width: number;
  readonly height: number;
  readonly title: TextBox;
  readonly subtitle: TextBox | null;
  readonly legend: {
    readonly y: number;
    readonly size: number;
    readonly items: readonly PlacedLegendEntry[];
  };
  /** The picture: drawn at (x, y), `scale` slide pixels per picture unit. */
  readonly plot: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly scale: number;
  };
  readonly xLabel: TextBox | null;
  /** Anchored at its middle; drawn rotated by -90 degrees about (x, y). */
  readonly yLabel: TextBox | null;
  readonly caption: (TextBox & { readonly lines: readonly string[] }) | null;
}

/**
 * Average advance of a character of the system sans-serif fonts, in em (measured over English
 * text in DejaVu Sans, Segoe UI and Roboto: 0.50 to 0.56). Used to wrap and place text.
 */
export const CHAR_EM = 0.56;

/** The estimated width of `text` at `size` px. */
export const textWidth = (text: string, size: number): number => text.length * size * CHAR_EM;

/** Length of a legend's sample line, and the gaps beside it, in multiples of the legend font size. */
const SAMPLE_EM = 1.6;
const SAMPLE_GAP_EM = 0.35;
const ITEM_GAP_EM = 1.1;

/**
 * Greedy word wrap of `text` into at most `maxLines` lines of at most `maxWidth` px at `size`;
 * text beyond the last line is cut with an ellipsis. A word longer than a line is cut too.
 */
export function wrapText(text: string, size: number, maxWidth: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / (size * CHAR_EM)));
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if (lines.length === maxLines) {
      // No room left: end the last line with an ellipsis.
      const last = lines[maxLines - 1] as string;
      lines[maxLines - 1] = last.length < perLine ? `${last}…` : `${last.slice(0, perLine - 1)}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) return lines.slice(0, maxLines);
  return lines;
}

/**
 * The largest scale at which the largest text of a picture (`textPx`, its size on screen) is still
 * at most `target` slide pixels; never below 1 (a picture is not shrunk for its text) and at most
 * MAX_SCALE. A picture without text (`textPx` <= 0) gets MAX_SCALE.
 */
export function scaleCapForText(textPx: number, target = TARGET_TEXT_PX): number {
  if (!(textPx > 0)) return MAX_SCALE;
  return Math.min(MAX_SCALE, Math.max(1, target / textPx));
}

/** The scale that fits a w x h picture into a boxW x boxH box, at most `cap` (1 for an empty picture). */
export function fitScale(w: number, h: number, boxW: number, boxH: number, cap = MAX_SCALE): number {
  if (!(w > 0 && h > 0)) return 1;
  return Math.max(0, Math.min(boxW / w, boxH / h, cap));
}

/** Places the legend items left to right, ending at `right`. Returns them and their total width. */
function placeLegend(legend: readonly LegendEntry[], size: number, right: number) {
  const widths = legend.map((e) => (SAMPLE_EM + SAMPLE_GAP_EM) * size + textWidth(e.label, size));
  const total = widths.reduce((a, b) => a + b, 0) + Math.max(0, legend.length - 1) * ITEM_GAP_EM * size;
  let x = right - total;
  const items = legend.map((e, i) => {
    const placed = { ...e, x, labelX: x + (SAMPLE_EM + SAMPLE_GAP_EM) * size };
    x += (widths[i] as number) + ITEM_GAP_EM * size;
    return placed;
  });
  return { items, total };
}

/**
 * Lays out a slide of `size` for a picture of content.width x content.height units, enlarged at
 * most `maxScale` times. Top: title, then subtitle (left) and legend (right, on its own row when
 * both do not fit). Bottom: the caption. Between them the picture, as large as fits and centred,
 * with the x label under it and the y label left of it.
 */
export function layoutSlide(
  content: { readonly width: number; readonly height: number },
  text: SlideText,
  maxScale = MAX_SCALE,
  size: { readonly width: number; readonly height: number } = SLIDE_SIZE,
): SlideLayout {
  const { width: W, height: H } = size;
  const unit = H / 1080;
  const margin = Math.round(60 * unit);
  const titleSize = Math.round(56 * unit);
  const smallSize = Math.round(30 * unit);
  const labelSize = Math.round(40 * unit);
  const captionSize = Math.round(30 * unit);
  const gap = Math.round(16 * unit);
  const inner = W - 2 * margin;

  const title = { x: margin, y: margin + 0.8 * titleSize, size: titleSize };
  let cursor = margin + 1.2 * titleSize;
  const legendEntries = text.legend ?? [];
  let subtitle: TextBox | null = null;
  let legendY = 0;
  let placed: PlacedLegendEntry[] = [];
  if (text.subtitle || legendEntries.length > 0) {
    const row = cursor + gap / 2 + 0.8 * smallSize;
    const legend = placeLegend(legendEntries, smallSize, W - margin);
    if (text.subtitle) subtitle = { x: margin, y: row, size: smallSize };
    const shared =
      !text.subtitle || textWidth(text.subtitle, smallSize) + legend.total + 2 * smallSize <= inner;
    legendY = row;
    cursor = row + 0.4 * smallSize;
    if (!shared) {
      legendY = row + 1.4 * smallSize;
      cursor = legendY + 0.4 * smallSize;
    }
    placed = legend.items;
  }
  const top = cursor + 2 * gap;

  let bottom = H - margin;
  let caption: SlideLayout['caption'] = null;
  if (text.caption) {
    const lines = wrapText(text.caption, captionSize, inner, 2);
    const lineH = 1.3 * captionSize;
    caption = {
      x: margin,
      y: bottom - (lines.length - 1) * lineH - 0.25 * captionSize,
      size: captionSize,
      lines,
    };
    bottom -= lines.length * lineH + 2 * gap;
  }
  const labelBand = 1.3 * labelSize + gap;
  if (text.xLabel) bottom -= labelBand;
  const left = margin + (text.yLabel ? labelBand : 0);

  const scale = fitScale(content.width, content.height, W - margin - left, bottom - top, maxScale);
  const plotW = content.width * scale;
  const plotH = content.height * scale;
  const plot = {
    x: left + (W - margin - left - plotW) / 2,
    y: top + (bottom - top - plotH) / 2,
    width: plotW,
    height: plotH,
    scale,
  };
  const xLabel = text.xLabel
    ? { x: plot.x + plotW / 2, y: plot.y + plotH + gap + 0.85 * labelSize, size: labelSize }
    : null;
  const yLabel = text.yLabel
    ? { x: plot.x - gap - 0.2 * labelSize, y: plot.y + plotH / 2, size: labelSize }
    : null;
  return {
    width: W,
    height: H,
    title,
    subtitle,
    legend: { y: legendY, size: smallSize, items: placed },
    plot,
    xLabel,
    yLabel,
    caption,
  };
}

/**
 * A file name for a picture: "normlab-" and the title in lower case, letters and digits only
 * (accents dropped, everything else a hyphen, at most 60 characters), then the extension.
 */
export function pictureFileName(title: string, ext: 'png' | 'svg'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `normlab-${slug || 'picture'}.${ext}`;
}
