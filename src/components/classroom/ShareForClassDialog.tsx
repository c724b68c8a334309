import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  type ClassOptions,
  HIDEABLE_SECTIONS,
  type HideableSection,
  type Lab,
  type LabPanelId,
} from '../../share';
import { makeClassLink } from '../../store/labActions';
import { appStore } from '../../store/store';
import { PANELS } from '../analysis/AnalysisDock';
import { CheckField } from './CheckField';

interface Props {
  /** Lessons that a class link can open, 1-based in this order (a chosen lesson's lab is the link's). */
  readonly lessons: readonly { readonly title: string; readonly lab: Lab }[];
  readonly onClose: () => void;
}

/**
 * "Share for class": a link to the current lab that locks what students should not change,
 * hides chosen sections, and opens a lesson or a panel. The options travel in the link.
 */
export function ShareForClassDialog({ lessons, onClose }: Props) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<ClassOptions>({
    lockGraph: true,
    lockData: true,
    lockTraining: false,
    hide: [],
    lesson: null,
  });
  const [panel, setPanel] = useState<LabPanelId | null>(appStore.getState().openPanel);
  const [copied, setCopied] = useState<'no' | 'yes' | 'refused'>('no');
  const made = useMemo(() => {
    const { origin, pathname } = window.location;
    const lesson = options.lesson === null ? undefined : lessons[options.lesson - 1];
    const base = `${origin}${pathname}`;
    return lesson
      ? makeClassLink(appStore, base, options, lesson.lab.panels.open, lesson.lab)
      : makeClassLink(appStore, base, options, panel);
  }, [options, panel, lessons]);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const set = (patch: Partial<ClassOptions>) => {
    setOptions((o) => ({ ...o, ...patch }));
    setCopied('no');
  };
  const toggleHidden = (section: HideableSection, on: boolean) =>
    set({ hide: on ? [...options.hide, section] : options.hide.filter((h) => h !== section) });
  const copy = () => {
    if (!made.ok) return;
    const clipboard = navigator.clipboard;
    if (!clipboard) return setCopied('refused');
    clipboard.writeText(made.link).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  };
  return createPortal(
    <div
      className="modal-dialog class-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>Share for class</h2>
      <p className="hint">
        Students who open this link get this lab with these options; “Make my own copy” unlocks a copy for
        them.
      </p>
      <fieldset>
        <legend>Lock</legend>
        <CheckField
          ref={first}
          label="Lock graph"
          checked={options.lockGraph}
          onChange={(v) => set({ lockGraph: v })}
        />
        <CheckField label="Lock data" checked={options.lockData} onChange={(v) => set({ lockData: v })} />
        <CheckField
          label="Lock training settings"
          checked={options.lockTraining}
          onChange={(v) => set({ lockTraining: v })}
        />
      </fieldset>
      <fieldset>
        <legend>Hide</legend>
        {HIDEABLE_SECTIONS.map((h) => (
          <CheckField
            key={h.id}
            label={`Hide ${h.label}`}
            checked={options.hide.includes(h.id)}
            onChange={(v) => toggleHidden(h.id, v)}
          />
        ))}
      </fieldset>
      <div className="class-dialog-opens">
        <label>
          Open lesson{' '}
          <select
            value={options.lesson ?? ''}
            onChange={(e) => set({ lesson: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">No lesson</option>
            {lessons.map((l, i) => (
              <option key={l.title} value={i + 1}>
                {i + 1}. {l.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Open panel{' '}
          <select
            value={panel ?? ''}
            onChange={(e) => setPanel((e.target.value || null) as LabPanelId | null)}
          >
            <option value="">Panels hidden</option>
            {PANELS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {made.ok ? (
        <>
          <label htmlFor={`${id}-url`}>Class link ({made.link.length} characters)</label>
          <input
            id={`${id}-url`}
            data-testid="class-url"
            readOnly
            value={made.link}
            onFocus={(e) => e.target.select()}
          />
        </>
      ) : (
        <p role="alert">{made.error}</p>
      )}
      <p className="share-status" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'refused'
            ? 'The browser refused the clipboard: select the link and copy it by hand (Ctrl+C).'
            : ''}
      </p>
      <div className="class-dialog-buttons">
        <button type="button" className="primary" onClick={copy} disabled={!made.ok}>
          Copy link
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>,
    document.body,
  );
}
