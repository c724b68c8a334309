import { storageProblemText } from '../../store/storageProblem';
import { appStore, useAppStore } from '../../store/store';

/**
 * Says, once and plainly, that this browser cannot keep the lab (storage blocked or full) and
 * what to do (Export → Lab file). It stays until dismissed, and goes by itself when a save works again.
 */
export function StorageProblemBanner() {
  const problem = useAppStore((s) => s.storageProblem);
  if (!problem) return null;
  return (
    <section
      className="storage-banner storage-problem"
      aria-label="Storage"
      data-testid="storage-banner"
      data-kind={problem.kind}
    >
      <p role="alert">{storageProblemText(problem)}</p>
      <button type="button" onClick={() => appStore.getState().setStorageProblem(null)}>
        Dismiss
      </button>
    </section>
  );
}
