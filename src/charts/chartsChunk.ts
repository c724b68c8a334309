/**
 * The charts drawn with recharts, loaded together in their own chunk once the canvas is
 * interactive (loadCharts.ts): recharts and its d3 and redux dependencies never weigh on the
 * first paint. The rest of the app reaches them through lazyCharts.ts.
 */
export { AccuracyChart } from './AccuracyChart';
export { BatchSpreadChart } from './BatchSpreadChart';
export { HistogramChart } from './HistogramChart';
export { LossChart } from './LossChart';
