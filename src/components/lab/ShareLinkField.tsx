import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { appStore, useAppStore } from '../../store/store';

/**
 * The share link, selected in a field for copying by hand, and copied to the clipboard when the
 * browser allows it (it may refuse: no permission, an insecure page, an old browser).
 */
export function ShareLinkField() {
  const link = useAppStore((s) => s.shareLink);
  const [copy, setCopy] = useState<'pending' | 'copied' | 'refused'>('pending');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (!link) return;
    setCopy('pending');
    inputRef.current?.focus();
    inputRef.current?.select();
    const clipboard = navigator.clipboard;
    if (!clipboard) {
      setCopy('refused');
      return;
    }
    clipboard.writeText(link).then(
      () => setCopy('copied'),
      () => setCopy('refused'),
    );
  }, [link]);
  useEffect(() => {
    if (!link) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') appStore.getState().setShareLink(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [link]);
  if (!link) return null;
  // In a portal on top of the page: inside the scrolling left column it would be clipped.
  return createPortal(
    <div className="share-popover" role="dialog" aria-labelledby={id}>
      <label id={id} htmlFor={`${id}-url`}>
        Link to this lab <span className="muted">({link.length} characters)</span>
      </label>
      <input
        id={`${id}-url`}
        ref={inputRef}
        data-testid="share-url"
        readOnly
        value={link}
        onFocus={(e) => e.target.select()}
      />
      <p className="share-status" role="status">
        {copy === 'copied'
          ? 'Copied to the clipboard. Anyone who opens it gets this graph and these settings.'
          : copy === 'refused'
            ? 'The browser refused the clipboard: select the link above and copy it by hand (Ctrl+C).'
            : 'Copying…'}
      </p>
      <button type="button" onClick={() => appStore.getState().setShareLink(null)}>
        Close
      </button>
    </div>,
    document.body,
  );
}
