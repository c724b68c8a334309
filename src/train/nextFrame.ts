/** About one display frame at 60 Hz, where no requestAnimationFrame exists (Node, old workers). */
const FRAME_MS = 1000 / 60;

/**
 * Resolves at the next animation frame: requestAnimationFrame where the global has it (the page,
 * and dedicated workers in Chromium and Firefox), else a 16.7 ms timer. Paces slow-motion
 * training to the display, one group of steps and one redraw a frame.
 */
export function nextFrame(): Promise<void> {
  const g = globalThis as { requestAnimationFrame?: (cb: () => void) => unknown };
  if (typeof g.requestAnimationFrame === 'function') {
    const raf = g.requestAnimationFrame;
    return new Promise((resolve) => raf(() => resolve()));
  }
  return new Promise((resolve) => setTimeout(resolve, FRAME_MS));
}
