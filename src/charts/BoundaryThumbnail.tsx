import { memo, useEffect, useRef } from 'react';
import { useChartStyle } from './chartStyle';
import { cellColor } from './colors';

interface Props {
  /** Cells row by row (row 0 at the top), `channels` values each, on the heatmap's scale. */
  readonly values: Float32Array;
  readonly size: number;
  readonly channels: number;
  readonly task: 'binary' | 'multiclass' | 'regression';
  /** Drawn side in CSS pixels. */
  readonly px?: number;
  /** Its accessible name, e.g. "Decision boundary of Run 1". */
  readonly label: string;
}

/** A pinned run's decision boundary, small (a canvas; the colours of the live heatmap). */
function BoundaryThumbnailView({ values, size, channels, task, px = 40, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const style = useChartStyle();
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      const [r, g, b] = cellColor(values, i * channels, channels, task, style.classRgb);
      img.data.set([r, g, b, 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
  }, [values, size, channels, task, style]);
  return (
    <canvas
      ref={ref}
      className="boundary-thumbnail"
      width={size}
      height={size}
      style={{ width: px, height: px }}
      role="img"
      aria-label={label}
    />
  );
}

/** A pinned run's decision boundary as a small picture (see Props). */
export const BoundaryThumbnail = memo(BoundaryThumbnailView);
