import { memo, useEffect, useRef } from 'react';
import { type ChartStyle, useChartStyle } from './chartStyle';
import { cellColor } from './colors';
import { setCanvasRedraw } from './pictureCanvas';

export interface HeatmapData {
  readonly size: number;
  readonly channels: number;
  readonly values: Float32Array;
  /** The training step it was computed at (on the element as data-step; tests count redraws). */
  readonly step?: number;
}

export interface PointSet {
  /** Row-major (x, y) pairs. */
  readonly x: Float32Array;
  /** Class index, or regression target. */
  readonly y: Float32Array;
}

interface Props {
  readonly heatmap: HeatmapData | null;
  readonly train: PointSet;
  readonly test: PointSet;
  readonly domain: readonly [number, number];
  readonly task: 'binary' | 'multiclass' | 'regression';
  /** Drawn size in CSS pixels (square). */
  readonly size: number;
  /** What to say while there is no prediction to draw. */
  readonly emptyText: string;
  /** A point to mark (input coordinates), e.g. the one whose batch dependence is shown. */
  readonly marker?: readonly [number, number] | null;
  /** Called with the input coordinates of a click on the chart. */
  readonly onPick?: (point: [number, number]) => void;
}

function drawPoints(
  ctx: CanvasRenderingContext2D,
  pts: PointSet,
  px: number,
  domain: readonly [number, number],
  task: Props['task'],
  test: boolean,
  style: ChartStyle,
) {
  const [lo, hi] = domain;
  const scale = px / (hi - lo);
  const r = Math.max(2.2, px / 110) * style.pointScale;
  const { classRgb } = style;
  for (let i = 0; i < pts.y.length; i++) {
    const cx = ((pts.x[2 * i] as number) - lo) * scale;
    const cy = (hi - (pts.x[2 * i + 1] as number)) * scale;
    const t = pts.y[i] as number;
    // Regression points use the heatmap's value scale; class points their class colour.
    const rgb =
      task === 'regression'
        ? cellColor(pts.y, i, 1, 'regression', classRgb)
        : (classRgb[Math.round(t) % classRgb.length] as readonly number[]);
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${rgb?.join(',')})`;
    ctx.fill();
    ctx.lineWidth = (test ? 1.6 : 1) * style.pointScale;
    ctx.strokeStyle = test ? '#111' : '#fff';
    ctx.stroke();
  }
}

/**
 * The decision boundary: the model's prediction over a size x size grid (computed in inference
 * mode by the engine), with the training points (white rim) and test points (black rim) on top.
 * Drawn on canvases, so a refresh costs no React render of its own.
 */
function HeatmapChartView({ heatmap, train, test, domain, task, size, emptyText, marker, onPick }: Props) {
  const gridRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const style = useChartStyle();

  useEffect(() => {
    const canvas = gridRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (!heatmap) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    if (canvas.width !== heatmap.size) {
      canvas.width = heatmap.size;
      canvas.height = heatmap.size;
    }
    const img = ctx.createImageData(heatmap.size, heatmap.size);
    const n = heatmap.size * heatmap.size;
    for (let i = 0; i < n; i++) {
      const [r, g, b] = cellColor(
        heatmap.values,
        i * heatmap.channels,
        heatmap.channels,
        task,
        style.classRgb,
      );
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [heatmap, task, style]);

  useEffect(() => {
    const canvas = pointsRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    drawPoints(ctx, train, size, domain, task, false, style);
    drawPoints(ctx, test, size, domain, task, true, style);
    // A picture for a slide redraws the points at its own scale, sharp (src/charts/pictureCanvas.ts).
    setCanvasRedraw(canvas, (scale) => {
      const sharp = document.createElement('canvas');
      sharp.width = Math.round(size * scale);
      sharp.height = Math.round(size * scale);
      const c = sharp.getContext('2d');
      if (!c) return null;
      c.setTransform(scale, 0, 0, scale, 0, 0);
      drawPoints(c, train, size, domain, task, false, style);
      drawPoints(c, test, size, domain, task, true, style);
      return sharp;
    });
    return () => setCanvasRedraw(canvas, null);
  }, [train, test, domain, task, size, style]);

  const [lo, hi] = domain;
  const toPx = (v: number) => ((v - lo) / (hi - lo)) * size;
  const pick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!onPick) return;
    const box = e.currentTarget.getBoundingClientRect();
    const at = (px: number) => Math.round(100 * (lo + (px / size) * (hi - lo))) / 100;
    onPick([at(e.clientX - box.left), at(size - (e.clientY - box.top))]);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: picking a point also has labelled number fields
    <div
      className={`heatmap${onPick ? ' pickable' : ''}`}
      style={{ width: size, height: size }}
      role="img"
      aria-label="Decision boundary: the model's prediction over the input plane, with train and test points"
      data-testid="decision-boundary"
      data-step={heatmap?.step ?? ''}
      onClick={pick}
    >
      <canvas ref={gridRef} className="heatmap-grid" />
      <canvas ref={pointsRef} className="heatmap-points" style={{ width: size, height: size }} />
      {marker && (
        <div
          className="heatmap-marker"
          data-testid="probe-point"
          style={{ left: toPx(marker[0]), top: size - toPx(marker[1]) }}
        />
      )}
      {!heatmap && <div className="heatmap-empty">{emptyText}</div>}
    </div>
  );
}

export const HeatmapChart = memo(HeatmapChartView);
