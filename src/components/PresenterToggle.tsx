import { appStore, useAppStore } from '../store/store';

/** Turns presenter view on and off (the P key does too); pressed while it is on. */
export function PresenterToggle() {
  const on = useAppStore((s) => s.presenter);
  return (
    <button
      type="button"
      className="presenter-toggle"
      aria-pressed={on}
      aria-keyshortcuts="P"
      title="Large text and thick lines for a projector; fewer controls (P)"
      onClick={() => appStore.getState().setPresenter(!on)}
    >
      Presenter view
    </button>
  );
}
