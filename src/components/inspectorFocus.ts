/** The Inspector's heading takes focus when the node has no control that can (a locked class). */
export const INSPECTOR_HEADING_ID = 'inspector-heading';

const CONTROLS =
  'input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';

/** Whether an element is drawn (not inside display: none, as the Inspector is in presenter view). */
const isShown = (el: Element): boolean => el.getClientRects().length > 0;

/**
 * After React has drawn the Inspector for the node just selected, moves focus to its first control
 * (else its heading): the short way from a node on the canvas to its fields. Does nothing where the
 * Inspector is not shown (presenter view, a class that hides it, a phone with it folded away).
 */
export function focusInspectorSoon(nodeId: string): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById(INSPECTOR_HEADING_ID);
    if (!heading || !isShown(heading) || heading.dataset.nodeId !== nodeId) return;
    const section = heading.closest('section');
    const first = [...(section?.querySelectorAll<HTMLElement>(CONTROLS) ?? [])].find(isShown);
    (first ?? heading).focus();
  });
}

/** Moves focus back to a node on the canvas (Escape in the Inspector), if it is there. */
export function focusNodeOnCanvas(nodeId: string): boolean {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  if (!el) return false;
  el.focus();
  return true;
}
