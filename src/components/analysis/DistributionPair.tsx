import type { ReactNode, Ref } from 'react';
import { useChartStyle } from '../../charts/chartStyle';
import { LazyChart } from '../../charts/LazyChart';
import type { ShadedRegion } from '../../charts/types';
import type { UnitDistribution } from '../../train/protocol';

interface Props {
  readonly dist: UnitDistribution;
  readonly nodeName: string;
  /** An activation's dead or saturated region, shaded on the "before" chart. */
  readonly regionIntervals: readonly (readonly [number, number])[];
  readonly regionLabel: string;
  /** The element around both histograms (for their picture). */
  readonly pairRef?: Ref<HTMLDivElement>;
  /** Shown in the pair's top right corner (the picture menu). */
  readonly menu?: ReactNode;
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

/** The input (before) and output (after) histograms of one node side by side. */
export function DistributionPair({ dist, nodeName, regionIntervals, regionLabel, pairRef, menu }: Props) {
  const style = useChartStyle();
  const regions: ShadedRegion[] = regionIntervals.map(([from, to]) => ({ from, to, label: regionLabel }));
  // One x axis for both, so the narrowing (or shifting) that the node does is visible at a glance.
  const xRange: [number, number] = [
    Math.min(dist.before.lo, dist.after.lo),
    Math.max(dist.before.hi, dist.after.hi),
  ];
  return (
    <>
      <div className="hist-pair picture-host" ref={pairRef}>
        {menu}
        <LazyChart
          chart="HistogramChart"
          hist={dist.before}
          title={`Before: input of ${nodeName}`}
          color={style.before}
          regions={regions}
          xRange={xRange}
          width={360}
          height={110}
        />
        <LazyChart
          chart="HistogramChart"
          hist={dist.after}
          title={`After: output of ${nodeName}`}
          color={style.after}
          xRange={xRange}
          width={360}
          height={110}
        />
      </div>
      {dist.region !== null && (
        <p className="region-share" data-testid="region-share">
          <strong>{pct(dist.region)}</strong> of its inputs are in the {regionLabel} region
          {dist.region > 0.5 ? ': most of this layer passes almost no gradient.' : '.'}
        </p>
      )}
    </>
  );
}
