import { LessonsButton } from './lessons/LessonsButton';
import { PresenterToggle } from './PresenterToggle';
import { ShortcutsButton } from './shortcuts/ShortcutsButton';

/** The toolbar's view group: presenter view and the keyboard-shortcuts list. */
export function ViewControls() {
  return (
    <div className="view-controls">
      <LessonsButton />
      <PresenterToggle />
      <ShortcutsButton />
    </div>
  );
}
