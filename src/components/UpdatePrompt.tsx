import './UpdatePrompt.css';
import { useContext, useState, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/store';
import { AppUpdateContext } from './AppUpdateContext';

/**
 * "A new version of NormLab is ready. Reload": shown when the service worker has a new version
 * waiting. Nothing reloads until the person presses Reload; while training it warns that reloading
 * stops the run. "Later" hides the offer on this page.
 */
export function UpdatePrompt() {
  const update = useContext(AppUpdateContext);
  const ready = useSyncExternalStore(update.subscribe, update.isReady);
  const training = useAppStore((s) => s.status === 'running');
  const [dismissed, setDismissed] = useState(false);
  if (!ready || dismissed) return null;
  return (
    <section className="update-prompt" role="status" aria-label="New version">
      <span>
        A new version of NormLab is ready.
        {training && ' Reloading stops the training run; your lab is kept.'}
      </span>
      <button type="button" className="primary" onClick={() => void update.reload()}>
        Reload
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        Later
      </button>
    </section>
  );
}
