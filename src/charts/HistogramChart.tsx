import { memo, useMemo, useRef } from 'react';
import type { Histogram } from '../lib/stats';
import { sig3 } from './axis';
import { useChartStyle } from './chartStyle';
import { HistogramPlot } from './HistogramPlot';
import type { ShadedRegion } from './types';
import { useThrottled } from './useThrottled';
import { useWidth } from './useWidth';

export type { ShadedRegion } from './types';

interface Props {
  readonly hist: Histogram;
  readonly title: string;
  /** Bar colour. */
  readonly color: string;
  /** Width until measured (the chart is as wide as its container). */
  readonly width?: number;
  /** Height of the plot in px. */
  readonly height?: number;
  readonly regions?: readonly ShadedRegion[];
  /** Overrides the x extent [hist.lo, hist.hi], e.g. so that before/after charts share an axis. */
  readonly xRange?: readonly [number, number];
}

const NO_REGIONS: readonly ShadedRegion[] = [];

/** The x extent to draw: the override, else the histogram's, widened when empty or degenerate. */
export function histExtent(hist: Histogram, xRange?: readonly [number, number]): [number, number] {
  let [lo, hi] = xRange ?? [hist.lo, hist.hi];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * A histogram of one tensor's values (recharts, one bar per bin) with its mean (solid line), mean ±
 * std (grey band), optional shaded regions behind the bars, and a caption with mean, std and count.
 * A new histogram is drawn with the other charts, twice a second at most (useThrottled).
 */
function HistogramChartView({ hist: live, title, color, width = 360, height = 170, regions, xRange }: Props) {
  const style = useChartStyle();
  // The axis and regions belong to the histogram they came with: they wait for the same redraw.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new histogram brings its axis and regions.
  const input = useMemo(() => ({ hist: live, xRange, regions: regions ?? NO_REGIONS }), [live]);
  const { hist, xRange: range, regions: shaded } = useThrottled(input);
  const boxRef = useRef<HTMLDivElement>(null);
  const drawnWidth = useWidth(boxRef, width);
  const [lo, hi] = histExtent(hist, range);
  const empty = hist.n === 0 || hist.counts.every((c) => c === 0);
  // One row per bin edge (the count of the bin it starts), then the last bin's right edge.
  const rows = useMemo(() => {
    if (empty) return [];
    const n = hist.counts.length;
    const binW = (hist.hi - hist.lo) / Math.max(1, n);
    return [...hist.counts, hist.counts[n - 1] ?? 0].map((count, i) => ({ x: hist.lo + i * binW, count }));
  }, [hist, empty]);
  const showMean = !empty && Number.isFinite(hist.mean);
  const showStd = showMean && Number.isFinite(hist.std) && hist.std > 0;
  const notFinite = hist.nonFinite > 0 ? `${hist.nonFinite} not finite` : '';
  const stats = `mean ${sig3(hist.mean)} (line) · std ${sig3(hist.std)} (band) · n ${hist.n}`;
  const label = `Histogram of ${title}: ${
    empty
      ? 'no finite values'
      : `mean ${sig3(hist.mean)}, standard deviation ${sig3(hist.std)}, ${hist.n} values`
  }${notFinite ? `, ${notFinite}` : ''}`;

  return (
    <figure className="histogram-chart">
      <figcaption className="hist-title">{title}</figcaption>
      <div ref={boxRef} role="img" aria-label={label}>
        <HistogramPlot
          rows={rows}
          lo={lo}
          hi={hi}
          maxCount={Math.max(1, ...hist.counts)}
          mean={showMean ? hist.mean : null}
          std={showStd ? hist.std : null}
          regions={shaded}
          color={color}
          width={drawnWidth}
          height={height}
          fontSize={Math.round(12 * style.textScale)}
          meanWidth={2.5 + (style.lineScale - 1)}
        />
      </div>
      <p className="hist-caption">
        <span>{empty ? 'no finite values' : stats}</span>
        {notFinite && <span className="hist-nonfinite">{` · ${notFinite}`}</span>}
      </p>
    </figure>
  );
}

/** A histogram of one tensor's values (see Props). */
export const HistogramChart = memo(HistogramChartView);
