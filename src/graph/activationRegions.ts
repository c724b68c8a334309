/**
 * Where an activation stops passing gradient well: ReLU is dead for x < 0 (output and gradient 0);
 * tanh and sigmoid saturate for |x| > 2 (tanh'(2) = 0.07, sigmoid'(2) = 0.10, against 1 and 0.25
 * at 0); ELU and SELU flatten for x < -2 (ELU'(-2) = e^-2 = 0.14). Normalization in front of an
 * activation keeps its inputs out of these regions.
 */
export interface ActivationRegion {
  /** E.g. "dead (x < 0)". */
  readonly label: string;
  /** Open intervals (from, to) that make up the region; ±Infinity allowed. */
  readonly intervals: readonly (readonly [number, number])[];
}

const INF = Number.POSITIVE_INFINITY;
const REGIONS: Readonly<Record<string, ActivationRegion>> = {
  relu: { label: 'dead (x < 0)', intervals: [[-INF, 0]] },
  tanh: {
    label: 'saturated (|x| > 2)',
    intervals: [
      [-INF, -2],
      [2, INF],
    ],
  },
  sigmoid: {
    label: 'saturated (|x| > 2)',
    intervals: [
      [-INF, -2],
      [2, INF],
    ],
  },
  elu: { label: 'flat (x < -2)', intervals: [[-INF, -2]] },
  selu: { label: 'flat (x < -2)', intervals: [[-INF, -2]] },
};

/** The saturated or dead region of an activation function, or null when it has none worth showing. */
export function activationRegion(fn: string): ActivationRegion | null {
  return REGIONS[fn] ?? null;
}

/** Whether x lies in the region (strictly inside one of its intervals). */
export function inRegion(region: ActivationRegion, x: number): boolean {
  return region.intervals.some(([from, to]) => x > from && x < to);
}
