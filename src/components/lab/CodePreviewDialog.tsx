import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { downloadFile } from './downloadFile';

/** Generated code to show before it is downloaded. */
export interface CodePreview {
  /** "PyTorch (.py)": the dialog is named "<title> preview". */
  readonly title: string;
  readonly fileName: string;
  readonly text: string;
}

interface Props {
  readonly preview: CodePreview;
  readonly onClose: () => void;
}

type Copied = 'no' | 'yes' | 'refused';

/**
 * A modal preview of generated code (monospace, scrollable, focusable so the keyboard can scroll
 * it), with Copy (the clipboard, or a message where the browser refuses it), Download and Close.
 * Escape closes it; the page's shortcuts do nothing inside it.
 */
export function CodePreviewDialog({ preview, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [copied, setCopied] = useState<Copied>('no');
  const lines = preview.text.split('\n').length;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // A modal dialog keeps focus inside and closes on Escape (where the browser has showModal).
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  const copy = () => {
    const clipboard = navigator.clipboard;
    if (!clipboard) return setCopied('refused');
    clipboard.writeText(preview.text).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  };

  return createPortal(
    <dialog
      ref={ref}
      className="code-preview-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="code-preview-head">
        <h2 id={titleId}>{preview.title} preview</h2>
        <span className="muted">
          {preview.fileName} · {lines} lines
        </span>
      </header>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it */}
      <section className="code-preview" tabIndex={0} aria-label={`Code of ${preview.fileName}`}>
        <pre>
          <code>{preview.text}</code>
        </pre>
      </section>
      <p className="share-status" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'refused'
            ? 'The browser refused the clipboard: use Download, or select the code and copy it (Ctrl+C).'
            : ''}
      </p>
      <div className="code-preview-buttons">
        <button type="button" className="primary" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={() => downloadFile(preview.text, preview.fileName, 'text/x-python')}>
          Download
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
