import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { pictureFileName } from '../../export/slideLayout';
import type { Slide } from '../../export/slideSvg';
import { appStore } from '../../store/store';
import { downloadBlob } from '../lab/downloadFile';
import { PICTURE_IGNORE } from './capturePicture';
import { copyPng, PictureError, slidePng, svgFile } from './deliverPicture';
import './ImageMenu.css';

interface Props {
  /** The button's accessible name, e.g. "Image of the loss chart". */
  readonly label: string;
  /** What the picture shows, for messages: "the loss chart". */
  readonly what: string;
  /** The title the file names are made from ("Loss" -> normlab-loss.png). */
  readonly fileTitle: string;
  /** Makes the slide when asked; throws a PictureError saying why when there is nothing to show. */
  readonly makeSlide: () => Slide;
  /** Text beside the icon; icon only when absent. */
  readonly text?: string;
  /** Which edge of the button the open menu lines up with. */
  readonly align?: 'start' | 'end';
  /** 'side': the list opens to the right of the button, bottom edges aligned (in the canvas's controls). */
  readonly placement?: 'below' | 'side';
  /** Extra classes for the button (the canvas's control style). */
  readonly buttonClassName?: string;
}

type Action = 'png' | 'svg' | 'copy';
const ITEMS: readonly { readonly action: Action; readonly label: string }[] = [
  { action: 'png', label: 'Download PNG' },
  { action: 'svg', label: 'Download SVG' },
  { action: 'copy', label: 'Copy image' },
];

/** The height the open list needs (three items, presenter view's larger text included), in px. */
const LIST_ROOM = 170;

const messageOf = (e: unknown) =>
  e instanceof PictureError
    ? e.message
    : `Could not make the image: ${e instanceof Error ? e.message : String(e)}`;

/** Runs one menu action; every outcome ends in a message (downloads say where they went). */
async function run(action: Action, props: Props): Promise<void> {
  const { notify } = appStore.getState();
  try {
    if (action === 'copy') {
      // The clipboard write must begin within the click: hand it the PNG as a promise.
      let size = '';
      const png = (async () => {
        const slide = props.makeSlide();
        size = `${slide.width} × ${slide.height}`;
        return slidePng(slide);
      })();
      await copyPng(png);
      notify('info', `Copied ${props.what} to the clipboard as a ${size} image.`);
      return;
    }
    const slide = props.makeSlide();
    const name = pictureFileName(props.fileTitle, action);
    downloadBlob(action === 'svg' ? svgFile(slide) : await slidePng(slide), name);
    notify('info', `Saved ${props.what} as ${name} (${slide.width} × ${slide.height}).`);
  } catch (e) {
    notify('error', messageOf(e));
  }
}

/** A small picture icon (a frame, a hill and a sun), hidden from assistive technology. */
function PictureIcon() {
  return (
    <svg className="image-menu-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <rect
        x="1.5"
        y="2.5"
        width="13"
        height="11"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <path d="M3 12l3.5-4 2.5 2.5 1.5-1.5 2.5 3z" fill="currentColor" />
      <circle cx="11" cy="5.8" r="1.4" fill="currentColor" />
    </svg>
  );
}

/**
 * A compact menu button that offers a picture as a slide: "Download PNG", "Download SVG" and
 * "Copy image". Keyboard: Enter, Space or the arrow keys open it on the first (last) item; arrows,
 * Home and End move; Escape closes it and returns to the button; Tab closes it.
 */
export function ImageMenu(props: Props) {
  const { label, text, align = 'end', placement = 'below', buttonClassName } = props;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const [up, setUp] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const items = () => Array.from(rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const openAt = (index: number) => {
    // Upwards where the list would run off the foot of the window and there is room above.
    const box = buttonRef.current?.getBoundingClientRect();
    setUp(!!box && window.innerHeight - box.bottom < LIST_ROOM && box.top > LIST_ROOM);
    setOpen(true);
    setFocusAt(index);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open || focusAt === null) return;
    const all = items();
    all.at(focusAt < 0 ? all.length + focusAt : focusAt)?.focus();
    setFocusAt(null);
  });

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => {
      e.preventDefault();
      all.at(((i % all.length) + all.length) % all.length)?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(-1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };
  const choose = (action: Action) => {
    close(true);
    setBusy(true);
    void run(action, props).finally(() => setBusy(false));
  };

  return (
    <div
      className={`image-menu align-${align} ${placement}${up && placement === 'below' ? ' up' : ''}`}
      ref={rootRef}
      {...{ [PICTURE_IGNORE]: '' }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`image-menu-button${buttonClassName ? ` ${buttonClassName}` : ''}`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        title={`${label}: download PNG or SVG, or copy`}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <PictureIcon />
        {text && <span>{text}</span>}
      </button>
      {open && (
        <div className="image-menu-list" role="menu" id={menuId} aria-label={label} onKeyDown={onMenuKey}>
          {ITEMS.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(item.action)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
