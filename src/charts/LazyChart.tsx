import { type ComponentProps, createElement, type FunctionComponent } from 'react';
import { ChartPlaceholder } from './ChartPlaceholder';
import { type ChartsModule, useChartsModule } from './loadCharts';

/** The charts drawn with recharts (chartsChunk.ts). */
export type ChartName = 'LossChart' | 'AccuracyChart' | 'HistogramChart' | 'BatchSpreadChart';

/** `chart` names the chart; the other props are that chart's own. */
export type LazyChartProps = {
  [N in ChartName]: { readonly chart: N } & ComponentProps<ChartsModule[N]>;
}[ChartName];

/** The placeholder's title and height per chart, from the chart's props. */
function placeholderOf(p: LazyChartProps): { title: string; height: number } {
  switch (p.chart) {
    case 'LossChart':
      return { title: 'Loss by step', height: p.height ?? 170 };
    case 'AccuracyChart':
      return { title: 'Test accuracy by step', height: p.height ?? 130 };
    case 'HistogramChart':
      return { title: p.title, height: (p.height ?? 170) + 50 };
    case 'BatchSpreadChart':
      return { title: p.yLabel ? `Spread of ${p.yLabel}` : 'Spread across batches', height: p.height ?? 220 };
  }
}

/**
 * A chart from the charts' chunk (recharts, loaded once the canvas is interactive: loadCharts.ts):
 * the chart once the chunk is there, until then a light placeholder with its title and height.
 */
export function LazyChart(props: LazyChartProps) {
  const mod = useChartsModule();
  if (!mod) return createElement(ChartPlaceholder, placeholderOf(props));
  const { chart, ...rest } = props;
  return createElement(mod[chart] as FunctionComponent<typeof rest>, rest);
}
