import { useEffect } from 'react';
import { appStore, useAppStore } from '../store/store';

/** The latest message: errors stay (role alert) until dismissed; info fades after a few seconds. */
export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => {
      if (appStore.getState().notice?.id === notice.id) appStore.getState().dismissNotice();
    }, 4000);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss message"
        onClick={() => appStore.getState().dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
