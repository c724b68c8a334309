import { memo, type PointerEvent, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { downsample, type XY } from '../lib/downsample';
import { formatNumber } from '../lib/format';
import { useChartStyle } from './chartStyle';
import { CHAR_W_PER_PX, DEFAULT_FONT, type LossPointData, layout } from './lossLayout';

export type { LossPointData } from './lossLayout';

interface Props {
  readonly points: readonly LossPointData[];
  /**
   * The batch loss of every readback group (x: step, y: loss), all of them: downsampled here to
   * about one point per pixel of width (LTTB, keeping the first, last, lowest and highest).
   */
  readonly groups?: readonly XY[];
  readonly logScale: boolean;
  readonly height?: number;
  /** What to say while there are no points. */
  readonly emptyText?: string;
}

const NO_GROUPS: readonly XY[] = [];
const INK = '#1b1f24';
/** The batch-loss line: light, behind train and test. */
const GROUP_INK = '#9aa0a6';
const AXIS = '#5f6368';
const GRID = '#d8dde6';
/** Width used until the container has been measured (and in jsdom, which measures nothing). */
const FALLBACK_WIDTH = 300;

/** The container's width in px, followed with a ResizeObserver where there is one (once `shown`). */
function useWidth(ref: RefObject<HTMLDivElement | null>, shown: boolean): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const update = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, shown]);
  return width;
}

/** The point nearest to `step` (points are in step order). */
function nearest(points: readonly LossPointData[], step: number): LossPointData | undefined {
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.step ?? 0) < step) lo = mid;
    else hi = mid;
  }
  const a = points[lo];
  const b = points[hi];
  if (!a || !b) return a ?? b;
  return Math.abs(a.step - step) <= Math.abs(b.step - step) ? a : b;
}

const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * Train and test loss against step, with the batch loss of every readback group behind them; log
 * scale when asked and every value is positive.
 */
function LossChartView({
  points,
  groups = NO_GROUPS,
  logScale,
  height = 170,
  emptyText = 'No training yet: press Train or Step.',
}: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef, points.length > 0);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const style = useChartStyle();
  const font = Math.round(DEFAULT_FONT * style.textScale);
  const drawn = useMemo(() => downsample(groups, width), [groups, width]);
  const lay = useMemo(
    () => layout(points, logScale, width, height, font, drawn),
    [points, logScale, width, height, font, drawn],
  );
  const { train: trainColor, test: testColor } = style;
  const { top } = lay;
  const line = 2 * style.lineScale;
  const dot = 1.5 * line;

  if (points.length === 0) {
    return (
      <div className="chart-empty" style={{ height }}>
        {emptyText}
      </div>
    );
  }

  const last = points.at(-1);
  const label = last
    ? `Loss by step: at step ${last.step}, ${
        last.train === null ? '' : `train ${formatNumber(last.train)}, `
      }test ${formatNumber(last.test)}`
    : 'Loss by step';

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width > 0) setHoverX(((e.clientX - rect.left) / rect.width) * width);
  };
  const hover =
    hoverX === null || !lay.anyFinite
      ? undefined
      : nearest(
          points,
          lay.xLo + ((hoverX - lay.left) / Math.max(1, lay.right - lay.left)) * (lay.xHi - lay.xLo),
        );
  const hx = hover ? lay.left + ((hover.step - lay.xLo) / (lay.xHi - lay.xLo)) * (lay.right - lay.left) : 0;
  const readout = hover
    ? `step ${hover.step} · ${hover.train === null ? '' : `train ${formatNumber(hover.train)} · `}test ${formatNumber(hover.test)}`
    : '';
  const readoutW = readout.length * font * CHAR_W_PER_PX * 0.95 + 10;

  return (
    <div ref={boxRef} className="loss-chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: 'block' }}
        onPointerMove={onMove}
        onPointerLeave={() => setHoverX(null)}
      >
        <g className="loss-grid" stroke={GRID} strokeDasharray="3 3">
          {lay.yTicks.map((t) => (
            <line key={`y${t.label}`} x1={lay.left} x2={lay.right} y1={t.y} y2={t.y} />
          ))}
          {lay.xTicks.map((t) => (
            <line key={`x${t.label}`} x1={t.x} x2={t.x} y1={top} y2={lay.bottom} />
          ))}
        </g>
        <g fontSize={font} fill={INK}>
          {lay.yTicks.map((t) => (
            <text
              key={t.label}
              className="loss-ytick"
              x={lay.left - 6}
              y={t.y}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {t.label}
            </text>
          ))}
          {lay.xTicks.map((t) => (
            <text key={t.label} className="loss-xtick" x={t.x} y={lay.bottom + font + 3} textAnchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        <path
          d={`M${lay.left} ${top}V${lay.bottom}H${lay.right}`}
          fill="none"
          stroke={AXIS}
          strokeWidth={1}
        />
        {lay.anyFinite ? (
          <g fill="none" strokeWidth={line} strokeLinejoin="round" strokeLinecap="round">
            {lay.groupCount > 1 && (
              <path
                className="loss-batch"
                d={lay.groupPath}
                stroke={GROUP_INK}
                strokeWidth={style.lineScale}
                data-points={groups.length}
              />
            )}
            {lay.trainCount > 0 && (
              <path
                className="loss-train"
                d={lay.trainPath}
                stroke={trainColor}
                // Dashed in presenter view, so train and test differ by more than colour.
                strokeDasharray={style.dashTrain ? `${3 * line} ${2.5 * line}` : undefined}
                strokeLinecap={style.dashTrain ? 'butt' : undefined}
              />
            )}
            {lay.testCount > 0 && <path className="loss-test" d={lay.testPath} stroke={testColor} />}
            {lay.trainDot && <circle cx={lay.trainDot[0]} cy={lay.trainDot[1]} r={dot} fill={trainColor} />}
            {lay.testDot && <circle cx={lay.testDot[0]} cy={lay.testDot[1]} r={dot} fill={testColor} />}
          </g>
        ) : (
          <text
            className="loss-note"
            x={(lay.left + lay.right) / 2}
            y={(top + lay.bottom) / 2}
            fontSize={font + 1}
            textAnchor="middle"
            dominantBaseline="middle"
            fill={INK}
          >
            no finite values
          </text>
        )}
        {hover && (
          <g className="loss-hover" pointerEvents="none">
            <line x1={hx} x2={hx} y1={top} y2={lay.bottom} stroke={AXIS} />
            {ok(hover.train) && <circle cx={hx} cy={lay.py(hover.train)} r={dot + 0.5} fill={trainColor} />}
            {ok(hover.test) && <circle cx={hx} cy={lay.py(hover.test)} r={dot + 0.5} fill={testColor} />}
            <g
              transform={`translate(${Math.min(Math.max(hx - readoutW / 2, lay.left), lay.right - readoutW)} ${top})`}
            >
              <rect width={readoutW} height={font + 6} rx={3} fill="#fff" fillOpacity={0.92} stroke={GRID} />
              <text x={5} y={font + 1} fontSize={font} fill={INK}>
                {readout}
              </text>
            </g>
          </g>
        )}
      </svg>
    </div>
  );
}

/** Train and test loss against step, drawn as SVG (see Props). */
export const LossChart = memo(LossChartView);
