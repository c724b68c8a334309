import { browserStorage } from '../../store/browserStorage';
import { labDifferences } from '../../store/labDifferences';
import { labOf } from '../../store/labSlice';
import { keepMyLab, loadOtherTabLab } from '../../store/otherTabs';
import { appStore, useAppStore } from '../../store/store';

/**
 * Shown when another tab saved a different lab: says how it differs and asks which to keep.
 * "Load its version" opens it (this tab's lab stays one click away); "Keep mine" saves this tab's
 * lab over it (the other tab is then asked the same). Until then nothing is saved over either.
 */
export function OtherTabBanner() {
  // A string, so the banner re-renders only when the difference itself changes.
  const difference = useAppStore((s) =>
    s.otherTabLab ? labDifferences(labOf(s), s.otherTabLab).join('; ') : null,
  );
  if (difference === null) return null;
  return (
    <section className="storage-banner" aria-label="Another tab" data-testid="other-tab-banner">
      <p role="alert">
        <strong>Another tab changed this lab</strong> ({difference}). Your changes here are kept aside, not
        saved over it, until you choose.
      </p>
      <button type="button" onClick={() => loadOtherTabLab(appStore, browserStorage())}>
        Load its version
      </button>
      <button type="button" onClick={() => keepMyLab(appStore, browserStorage())}>
        Keep mine
      </button>
    </section>
  );
}
