import './export.css';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { EXPORT_ITEMS, type ExportKind, type ExportOptions } from '../../store/exportItems';
import { appStore } from '../../store/store';
import { useTrainer } from '../TrainerContext';
import { type CodePreview, CodePreviewDialog } from './CodePreviewDialog';
import { downloadFile } from './downloadFile';
import { focusItem, onMenuKeyDown } from './menuKeys';

const OPTIONS: readonly { readonly key: keyof ExportOptions; readonly label: string }[] = [
  { key: 'withWeights', label: 'with trained weights' },
  { key: 'withData', label: 'with the data' },
];

/** Keys that open the menu from its button (Enter, Space, ↓ focus the first item; ↑ the last). */
const OPENERS: Readonly<Record<string, number>> = { Enter: 0, ' ': 0, ArrowDown: 0, ArrowUp: -1 };

/**
 * "Export": a menu button whose menu holds "Lab file", "PyTorch (.py)", "Keras (.py)" and
 * "TF.js model (.zip)", and two options, "with trained weights" and "with the data" (checkable
 * items that keep the menu open). Code opens in a preview first; a model or lab file downloads.
 */
export function ExportMenu() {
  const trainer = useTrainer();
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  /** The item to focus once the menu is drawn (0: the first, -1: the last). */
  const [focusAt, setFocusAt] = useState(0);
  const [where, setWhere] = useState({ top: 0, left: 0 });
  const [options, setOptions] = useState<ExportOptions>({ withWeights: false, withData: true });
  const [preview, setPreview] = useState<CodePreview | null>(null);
  const busy = useRef(false);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const openAt = (index: number) => {
    const r = buttonRef.current?.getBoundingClientRect();
    if (r) setWhere({ top: r.bottom + 4, left: r.left });
    setFocusAt(index);
    setOpen(true);
  };

  // Drawn: keep it on screen (above the button when there is no room below), then focus an item.
  useLayoutEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    const button = buttonRef.current?.getBoundingClientRect();
    if (menu && button) {
      const h = menu.getBoundingClientRect().height;
      if (button.bottom + 4 + h > window.innerHeight)
        setWhere({ top: Math.max(4, button.top - 4 - h), left: button.left });
    }
    focusItem(menu, focusAt);
  }, [open, focusAt]);

  // A press outside closes it; so does a scroll or resize (it is placed where the button was).
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    const away = (e: Event) => {
      if (!menuRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('resize', away);
    window.addEventListener('scroll', away, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('resize', away);
      window.removeEventListener('scroll', away, true);
    };
  }, [open]);

  const run = async (kind: ExportKind) => {
    close(true);
    if (busy.current) return;
    busy.current = true;
    const notify = (k: 'error' | 'info', text: string) => appStore.getState().notify(k, text);
    try {
      // The exporters load on first use: the page opens without them.
      const { runExport } = await import('../../store/exportActions');
      const outcome = await runExport(kind, options, appStore, trainer);
      if (outcome.kind === 'refused') return notify('error', outcome.message);
      if (outcome.note) notify('info', outcome.note);
      if (outcome.kind === 'download') downloadFile(outcome.bytes, outcome.fileName, outcome.mime);
      else setPreview({ title: outcome.title, fileName: outcome.fileName, text: outcome.text });
    } catch (err) {
      notify(
        'error',
        `The export failed: ${err instanceof Error ? err.message : String(err)}. Your lab is unchanged.`,
      );
    } finally {
      busy.current = false;
    }
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const index = OPENERS[e.key];
    if (index === undefined) return;
    // Handled here, not by the button's click: Space must not reach the page's Train shortcut.
    e.preventDefault();
    e.stopPropagation();
    openAt(index);
  };
  /** Enter or Space on an item: `act` (export, or toggle an option). */
  const onItemKey = (e: KeyboardEvent<HTMLDivElement>, act: () => void) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };
  const toggle = (key: keyof ExportOptions) => setOptions((o) => ({ ...o, [key]: !o[key] }));

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className="export-menu-list"
          style={where}
          onKeyDown={(e) => onMenuKeyDown(e, menuRef.current, close)}
        >
          {EXPORT_ITEMS.map((item) => (
            <div
              key={item.kind}
              role="menuitem"
              tabIndex={-1}
              className="export-menu-item"
              onClick={() => void run(item.kind)}
              onKeyDown={(e) => onItemKey(e, () => void run(item.kind))}
            >
              {item.label}
            </div>
          ))}
          <hr className="export-menu-separator" />
          <fieldset className="export-menu-options">
            <legend>Options</legend>
            {OPTIONS.map((o) => (
              <div
                key={o.key}
                role="menuitemcheckbox"
                aria-checked={options[o.key]}
                tabIndex={-1}
                className="export-menu-item export-menu-check"
                onClick={() => toggle(o.key)}
                onKeyDown={(e) => onItemKey(e, () => toggle(o.key))}
              >
                {/* The tick is drawn by the CSS from aria-checked. */}
                <span className="export-check-box" aria-hidden="true" />
                {o.label}
              </div>
            ))}
          </fieldset>
        </div>
      )}
      {preview && (
        <CodePreviewDialog
          preview={preview}
          onClose={() => {
            setPreview(null);
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
