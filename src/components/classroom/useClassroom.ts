import type { HideableSection } from '../../share';
import { isLocked, type LockKind } from '../../store/locks';
import { useAppStore } from '../../store/store';

/** True when the class link hides this section of the page. */
export function useHidden(section: HideableSection): boolean {
  return useAppStore((s) => s.classroom?.hide.includes(section) ?? false);
}

/** True when the class link locks this part of the lab. */
export function useLocked(kind: LockKind): boolean {
  return useAppStore((s) => isLocked(s, kind));
}
