import { type RefObject, useEffect, useState } from 'react';

/**
 * The side of the square decision-boundary chart: as wide as its column allows, but short
 * enough that the loss chart below still fits the window (220 px at 1280x720, ~450 px at 1920x1080).
 */
export function useChartSize(ref: RefObject<HTMLElement | null>): number {
  const [size, setSize] = useState(220);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const byWidth = el.clientWidth - 4;
      const byHeight = window.innerHeight - 500;
      setSize(Math.round(Math.max(180, Math.min(byWidth, byHeight, 460))));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref]);
  return size;
}
