import { createContext, useContext } from 'react';
import { CLASS_RGB, type Rgb } from './colors';

/** How charts draw: sizes relative to the normal view, and their colours. */
export interface ChartStyle {
  /** Multiplies text sizes drawn in chart coordinates. */
  readonly textScale: number;
  /** Multiplies line widths. */
  readonly lineScale: number;
  /** Multiplies the radius of scatter points and dots. */
  readonly pointScale: number;
  /** Class colours of the decision boundary and its points (class 0, 1, 2). */
  readonly classRgb: readonly Rgb[];
  /** Train and test loss lines; the test line is solid, the train line dashed when `dashTrain`. */
  readonly train: string;
  readonly test: string;
  readonly dashTrain: boolean;
  /** Histogram bars before and after a node. */
  readonly before: string;
  readonly after: string;
  /** Warped-grid lines that started horizontal and vertical. */
  readonly gridH: string;
  readonly gridV: string;
}

const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The normal view. */
export const NORMAL_STYLE: ChartStyle = {
  textScale: 1,
  lineScale: 1,
  pointScale: 1,
  classRgb: CLASS_RGB,
  train: '#e8710a',
  test: '#1967d2',
  dashTrain: false,
  before: '#5b6470',
  after: '#1967d2',
  gridH: '#1967d2',
  gridV: '#e8710a',
};

/**
 * Okabe & Ito's colour-blind-safe palette (Okabe and Ito 2008, "Color Universal Design"): vermillion,
 * blue and bluish green stay apart for protan, deutan and tritan viewers and on a washed-out projector.
 */
export const OKABE_ITO = {
  vermillion: [213, 94, 0] as Rgb,
  blue: [0, 114, 178] as Rgb,
  bluishGreen: [0, 158, 115] as Rgb,
} as const;

/** Presenter view: larger text, thicker lines, bigger points, Okabe-Ito colours. */
export const PRESENTER_STYLE: ChartStyle = {
  textScale: 1.5,
  lineScale: 2,
  pointScale: 1.6,
  classRgb: [OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen],
  train: hex(OKABE_ITO.vermillion),
  test: hex(OKABE_ITO.blue),
  dashTrain: true,
  before: '#3d4450',
  after: hex(OKABE_ITO.blue),
  gridH: hex(OKABE_ITO.blue),
  gridV: hex(OKABE_ITO.vermillion),
};

/** The chart style in force (the app provides PRESENTER_STYLE in presenter view). */
export const ChartStyleContext = createContext<ChartStyle>(NORMAL_STYLE);

/** Reads the chart style in force. */
export function useChartStyle(): ChartStyle {
  return useContext(ChartStyleContext);
}
