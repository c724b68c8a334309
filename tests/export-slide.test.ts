// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  fitScale,
  layoutSlide,
  MAX_SCALE,
  pictureFileName,
  SLIDE_SIZE,
  scaleCapForText,
  TARGET_TEXT_PX,
  textWidth,
  wrapText,
} from '../src/export/slideLayout';
import { composeSlide, escapeXml, type Picture } from '../src/export/slideSvg';

/** Parses SVG text; fails the test on an XML error. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  return doc;
}

const PICTURE: Picture = {
  width: 300,
  height: 140,
  markup: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="140"><path d="M0 0L300 140"/></svg>',
};

describe('layoutSlide', () => {
  const text = {
    title: 'Loss',
    subtitle: 'Circle dataset · step 1200',
    xLabel: 'Step',
    yLabel: 'Loss',
    legend: [
      { label: 'train', color: '#e8710a', dashed: true },
      { label: 'test', color: '#1967d2' },
    ],
    caption: 'Train: mean loss of the training batches. Test: loss on the test set.',
  };

  it('keeps every part on the slide, in order from top to bottom, none overlapping the picture', () => {
    const lay = layoutSlide({ width: 300, height: 140 }, text, 4);
    const { plot } = lay;
    expect(lay.width).toBe(SLIDE_SIZE.width);
    expect(lay.height).toBe(SLIDE_SIZE.height);
    // Title and subtitle above the picture, caption below the x label.
    expect(lay.title.y).toBeLessThan(lay.subtitle?.y ?? 0);
    expect((lay.subtitle?.y ?? 0) + 0.3 * lay.legend.size).toBeLessThan(plot.y);
    expect(lay.xLabel?.y ?? 0).toBeGreaterThan(plot.y + plot.height + 0.7 * (lay.xLabel?.size ?? 0));
    expect(lay.caption?.y ?? 0).toBeGreaterThan((lay.xLabel?.y ?? 0) + 0.3 * (lay.xLabel?.size ?? 0));
    expect((lay.caption?.y ?? 0) + 0.3 * (lay.caption?.size ?? 0)).toBeLessThanOrEqual(SLIDE_SIZE.height);
    // The y label's glyphs (left of its baseline, rotated) stay between the margin and the picture.
    expect((lay.yLabel?.x ?? 0) - (lay.yLabel?.size ?? 0)).toBeGreaterThan(0);
    expect(lay.yLabel?.x ?? 0).toBeLessThan(plot.x);
    expect(lay.yLabel?.y).toBeCloseTo(plot.y + plot.height / 2);
    expect(lay.xLabel?.x).toBeCloseTo(plot.x + plot.width / 2);
    expect(plot.x + plot.width).toBeLessThanOrEqual(SLIDE_SIZE.width);
  });

  it('enlarges the picture as far as the cap allows, keeping its proportions', () => {
    const capped = layoutSlide({ width: 300, height: 140 }, text, 3);
    expect(capped.plot.scale).toBe(3);
    expect(capped.plot.width / capped.plot.height).toBeCloseTo(300 / 140);
    const free = layoutSlide({ width: 300, height: 140 }, text, MAX_SCALE);
    // Without a low cap the picture fills the room between the labels: one side touches its limit.
    expect(free.plot.scale).toBeGreaterThan(3);
    const roomW =
      SLIDE_SIZE.width - 60 - (free.yLabel ? free.plot.x - (free.yLabel.x - free.yLabel.size) : 60);
    expect(free.plot.width).toBeLessThanOrEqual(roomW + 60 + 1);
    expect(free.plot.y + free.plot.height).toBeLessThan(free.xLabel?.y ?? 0);
  });

  it('puts the legend on the subtitle row, right-aligned, when both fit, else on a row of its own', () => {
    const lay = layoutSlide({ width: 300, height: 140 }, text, 4);
    const last = lay.legend.items.at(-1);
    expect(lay.legend.y).toBe(lay.subtitle?.y);
    expect((last?.labelX ?? 0) + textWidth('test', lay.legend.size)).toBeCloseTo(SLIDE_SIZE.width - 60);
    expect(lay.legend.items[0]?.x).toBeLessThan(last?.x ?? 0);
    const long = layoutSlide({ width: 300, height: 140 }, { ...text, subtitle: 'x'.repeat(120) }, 4);
    expect(long.legend.y).toBeGreaterThan(long.subtitle?.y ?? 0);
    expect(long.plot.y).toBeGreaterThan(long.legend.y);
  });

  it('gives the whole height to a picture without labels or caption', () => {
    const bare = layoutSlide({ width: 100, height: 100 }, { title: 'Graph' }, MAX_SCALE);
    const full = layoutSlide({ width: 100, height: 100 }, text, MAX_SCALE);
    expect(bare.plot.height).toBeGreaterThan(full.plot.height);
    expect(bare.xLabel).toBeNull();
    expect(bare.yLabel).toBeNull();
    expect(bare.caption).toBeNull();
  });

  it('scales to another slide size in proportion', () => {
    const small = layoutSlide({ width: 300, height: 140 }, text, MAX_SCALE, { width: 1600, height: 900 });
    const big = layoutSlide({ width: 300, height: 140 }, text, MAX_SCALE);
    expect(small.title.size / big.title.size).toBeCloseTo(900 / 1080, 1);
    expect(small.plot.width).toBeLessThan(big.plot.width);
  });
});

describe('scale helpers', () => {
  it('caps the scale so that the largest text reaches the target size, never shrinking', () => {
    expect(scaleCapForText(10)).toBeCloseTo(TARGET_TEXT_PX / 10);
    expect(scaleCapForText(TARGET_TEXT_PX * 2)).toBe(1);
    expect(scaleCapForText(0)).toBe(MAX_SCALE);
    expect(scaleCapForText(1)).toBe(MAX_SCALE);
  });

  it('fits by the tighter side', () => {
    expect(fitScale(100, 50, 400, 400)).toBe(4);
    expect(fitScale(100, 50, 400, 100)).toBe(2);
    expect(fitScale(100, 50, 4000, 4000, 3)).toBe(3);
    expect(fitScale(0, 50, 400, 400)).toBe(1);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 20, 20 * 0.56 * 15, 5);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(15);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });

  it('ends with an ellipsis where the text needs more lines than allowed', () => {
    const lines = wrapText('alpha beta gamma delta epsilon zeta eta theta', 10, 10 * 0.56 * 11, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(lines[1]?.length).toBeLessThanOrEqual(11);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('supercalifragilistic', 10, 10 * 0.56 * 8, 2)).toEqual(['superca…']);
  });
});

describe('pictureFileName', () => {
  it('makes a safe, readable name', () => {
    expect(pictureFileName('Loss chart', 'png')).toBe('normlab-loss-chart.png');
    expect(pictureFileName('Distributions at ReLU (act1)', 'svg')).toBe(
      'normlab-distributions-at-relu-act1.svg',
    );
    expect(pictureFileName('Décision  <boundary>/..', 'png')).toBe('normlab-decision-boundary.png');
    expect(pictureFileName('???', 'png')).toBe('normlab-picture.png');
    expect(pictureFileName('a'.repeat(100), 'svg')).toBe(`normlab-${'a'.repeat(60)}.svg`);
  });
});

describe('composeSlide', () => {
  it('is a standalone SVG of slide size with the title, labels, legend, caption and the picture', () => {
    const slide = composeSlide(
      PICTURE,
      {
        title: 'Loss',
        subtitle: 'Circle dataset',
        xLabel: 'Step',
        yLabel: 'Loss (log scale)',
        legend: [
          { label: 'train', color: '#e8710a', dashed: true },
          { label: 'test', color: '#1967d2' },
        ],
        caption: 'A caption.',
      },
      { maxScale: 3 },
    );
    expect(slide).toMatchObject({ width: 1920, height: 1080 });
    const doc = parseSvg(slide.svg);
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe('1920');
    expect(root.getAttribute('viewBox')).toBe('0 0 1920 1080');
    expect(root.getAttribute('font-family')).toContain('system-ui');
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Loss',
        'Circle dataset',
        'Step',
        'Loss (log scale)',
        'train',
        'test',
        'A caption.',
      ]),
    );
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('Loss');
    // White background, the dashed legend sample, the picture scaled 3 times.
    expect(doc.getElementsByTagName('rect')[0]?.getAttribute('fill')).toBe('#ffffff');
    const samples = Array.from(doc.getElementsByTagName('line'));
    expect(samples.map((l) => l.hasAttribute('stroke-dasharray'))).toEqual([true, false]);
    const group = Array.from(doc.getElementsByTagName('g')).find((g) =>
      g.getAttribute('transform')?.includes('scale'),
    );
    expect(group?.getAttribute('transform')).toMatch(/scale\(3\)$/);
    expect(group?.getElementsByTagName('path')[0]?.getAttribute('d')).toBe('M0 0L300 140');
    // No reference outside the file.
    expect(slide.svg).not.toMatch(/href="http|url\(http|@import|@font-face/);
  });

  it('escapes text, so any title is safe', () => {
    const evil = `</text><script>alert("x")</script> & 'quotes'`;
    const slide = composeSlide(PICTURE, {
      title: evil,
      xLabel: '<b>',
      legend: [{ label: '"a"&', color: '"red"' }],
    });
    const doc = parseSvg(slide.svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('text')[0]?.textContent).toBe(evil);
    expect(Array.from(doc.getElementsByTagName('text'), (t) => t.textContent)).toContain('"a"&');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
