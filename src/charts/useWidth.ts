import { type RefObject, useLayoutEffect, useState } from 'react';

/** Width used until the container has been measured (and in jsdom, which measures nothing). */
export const FALLBACK_WIDTH = 300;

/** The element's width in px, followed with a ResizeObserver where there is one. */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = FALLBACK_WIDTH): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
