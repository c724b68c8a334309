import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';

export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1.1 } as const;

/**
 * Fits the graph to the canvas again when the canvas changes size (the analysis dock opens or
 * closes, the affine banner appears, the window is resized), so no node ends up off-screen.
 */
export function useRefitOnResize(ref: RefObject<HTMLElement | null>): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = '';
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (!box) return;
      const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
      if (last && size !== last) {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => void fitView(FIT_OPTIONS));
      }
      last = size;
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, fitView]);
}
