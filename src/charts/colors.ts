/** An sRGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

/** Class colours (orange, blue, green), chosen to stay apart for common colour-vision deficiencies. */
export const CLASS_RGB: readonly Rgb[] = [
  [232, 113, 10],
  [25, 103, 210],
  [24, 128, 56],
];
const NEUTRAL = [248, 248, 248] as const;

const mix = (a: readonly number[], b: readonly number[], t: number) =>
  [0, 1, 2].map((i) => Math.round((a[i] as number) * (1 - t) + (b[i] as number) * t)) as [
    number,
    number,
    number,
  ];

/**
 * The colour of one heatmap cell. Binary: P(class 1) from orange (0) through white (0.5) to blue (1).
 * Multiclass: the winning class's colour, paler where the model is unsure.
 * Regression: the value in [-1, 1] on the same orange-white-blue scale.
 * `classRgb` gives the class colours (class 0 and 1 are the two ends of the binary scale).
 */
export function cellColor(
  values: Float32Array,
  offset: number,
  channels: number,
  task: 'binary' | 'multiclass' | 'regression',
  classRgb: readonly Rgb[] = CLASS_RGB,
) {
  if (task === 'multiclass') {
    let best = 0;
    for (let k = 1; k < channels; k++)
      if ((values[offset + k] as number) > (values[offset + best] as number)) best = k;
    const p = values[offset + best] as number;
    const confidence = Math.max(0, (p - 1 / channels) / (1 - 1 / channels));
    return mix(NEUTRAL, classRgb[best % classRgb.length] as readonly number[], 0.15 + 0.6 * confidence);
  }
  const v = values[offset] as number;
  const p = task === 'binary' ? v : (Math.max(-1, Math.min(1, v)) + 1) / 2;
  if (!Number.isFinite(p)) return [128, 128, 128] as [number, number, number];
  return p < 0.5
    ? mix(NEUTRAL, classRgb[0] as readonly number[], (0.5 - p) * 2 * 0.75)
    : mix(NEUTRAL, classRgb[1] as readonly number[], (p - 0.5) * 2 * 0.75);
}
