import { trainBlockedReason } from '../../store/selectors';
import type { AppStore } from '../../store/store';
import type { TrainerCommands } from '../../store/trainerBridge';
import type { ShortcutCommand } from './keymap';
import { dispatchLessonStep } from './lessonStepEvent';

/**
 * Carries out a shortcut with the same commands and under the same conditions as the Train/Pause,
 * Step and Reset buttons; where a button would be disabled, the notice bar says why instead.
 * Returns whether the key was used (the caller then stops the browser's own action, such as scrolling).
 */
export function runShortcut(command: ShortcutCommand, store: AppStore, trainer: TrainerCommands): boolean {
  const s = store.getState();
  const running = s.status === 'running';
  const blocked = trainBlockedReason(s) ?? s.trainingProblem;
  switch (command) {
    case 'trainPause':
      if (running) trainer.pause();
      else if (blocked) s.notify('info', `Train is not available: ${blocked}`);
      else trainer.train();
      return true;
    case 'step':
      if (running) s.notify('info', 'Step works while training is paused: press Space to pause first.');
      else if (blocked) s.notify('info', `Step is not available: ${blocked}`);
      else trainer.step();
      return true;
    case 'reset':
      if (running || s.status === 'ready') trainer.reset();
      else s.notify('info', `Reset is not available: ${blocked ?? 'there is no model yet.'}`);
      return true;
    case 'lessonPrev':
      return dispatchLessonStep(-1);
    case 'lessonNext':
      return dispatchLessonStep(1);
    case 'presenter':
      s.setPresenter(!s.presenter);
      return true;
    case 'help':
      s.setShortcutsOpen(!s.shortcutsOpen);
      return true;
  }
}
