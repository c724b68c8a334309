import { type RefObject, useEffect, useState } from 'react';

/** The element's top in the page, as if no ancestor were scrolled. */
function unscrolledTop(el: HTMLElement): number {
  let top = el.getBoundingClientRect().top;
  for (let p = el.parentElement; p; p = p.parentElement) top += p.scrollTop;
  return top;
}

/**
 * The side of the square decision-boundary chart. Normally as wide as its column allows, but short
 * enough that the loss chart below still fits the window (220 px at 1280x720, ~450 px at 1920x1080).
 * With `fill` (presenter view) it is the one large chart: as wide as the column and as tall as the
 * window below the block's heading allows (the loss chart comes after it, further down the column).
 */
export function useChartSize(ref: RefObject<HTMLElement | null>, fill = false): number {
  const [size, setSize] = useState(220);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const byWidth = el.clientWidth - 4;
      const heading = el.firstElementChild?.getBoundingClientRect().height ?? 0;
      const byHeight = fill
        ? window.innerHeight - unscrolledTop(el) - heading - 16
        : window.innerHeight - 500;
      setSize(Math.round(Math.max(180, Math.min(byWidth, byHeight, fill ? 900 : 460))));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, fill]);
  return size;
}
