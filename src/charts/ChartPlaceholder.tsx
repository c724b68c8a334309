interface Props {
  /** The chart's title, shown while its code loads. */
  readonly title: string;
  readonly height: number;
}

/** A light stand-in with the chart's title while the charts' chunk loads (loadCharts.ts). */
export function ChartPlaceholder({ title, height }: Props) {
  return (
    <div className="chart-placeholder" style={{ minHeight: height }} aria-busy="true">
      {title}: loading the chart…
    </div>
  );
}
