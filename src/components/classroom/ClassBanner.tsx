import { restricts } from '../../share';
import { appStore, useAppStore } from '../../store/store';

/** The tooltip of a locked group of fields. */
export const LOCKED_TITLE =
  'Locked for this class by your instructor. “Make my own copy” (above the canvas) unlocks a copy.';

/** What a class link locks and hides, in words ("the graph and the data settings"). */
function lockedParts(c: { lockGraph: boolean; lockData: boolean; lockTraining: boolean }): string {
  const parts = [
    c.lockGraph && 'the graph',
    c.lockData && 'the data settings',
    c.lockTraining && 'the training settings',
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return '';
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Tells a student on a class link what the instructor locked or hid, and offers "Make my own
 * copy", which unlocks a personal copy (the class link itself still opens the original).
 */
export function ClassBanner() {
  const classroom = useAppStore((s) => s.classroom);
  if (!classroom || !restricts(classroom)) return null;
  const locked = lockedParts(classroom);
  const hidden = classroom.hide.length;
  return (
    <aside className="class-banner" aria-label="Class link" data-testid="class-banner">
      <p>
        <strong>Locked for this class</strong> by your instructor
        {locked ? `: ${locked} cannot be changed` : ''}
        {hidden > 0 ? `${locked ? '; ' : ': '}${hidden} part${hidden === 1 ? ' is' : 's are'} hidden` : ''}.
      </p>
      <button type="button" onClick={() => appStore.getState().makeOwnCopy()}>
        Make my own copy
      </button>
    </aside>
  );
}
