import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** The focusable items of a menu, in order (menuitem, menuitemcheckbox, menuitemradio). */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')) : [];
}

/** Focuses the item at `index` (wrapping around both ends). */
export function focusItem(menu: HTMLElement | null, index: number): void {
  const items = menuItems(menu);
  if (items.length === 0) return;
  // preventScroll: the menu is fixed over the page; focusing it must not scroll the column under it.
  items[((index % items.length) + items.length) % items.length]?.focus({ preventScroll: true });
}

/**
 * Keyboard for an open menu, after the WAI-ARIA menu pattern: ↑/↓ move (wrapping), Home/End jump,
 * Escape closes and returns focus to the button, Tab closes. Enter and Space reach the item itself
 * (its onKeyDown). The keys it uses stop here, so the page's shortcuts (Space: Train) never see them.
 */
export function onMenuKeyDown(
  e: ReactKeyboardEvent<HTMLElement>,
  menu: HTMLElement | null,
  close: (refocus: boolean) => void,
): void {
  if (e.key === 'Tab') {
    close(false);
    return;
  }
  const at = menuItems(menu).indexOf(document.activeElement as HTMLElement);
  const moves: Readonly<Record<string, number>> = {
    ArrowDown: at + 1,
    ArrowUp: at < 0 ? -1 : at - 1,
    Home: 0,
    End: -1,
  };
  const to = moves[e.key];
  if (to === undefined && e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  if (to === undefined) close(true);
  else focusItem(menu, to);
}
