import {
  type ClassOptions,
  type DecodeResult,
  type Lab,
  type LabPanelId,
  labFromHash,
  labFromJson,
  labToJson,
  type PinnedRun,
  RUN_LIMITS,
  shareUrl,
  validateLab,
} from '../share';
import type { NodeWeights } from '../train/protocol';
import { type LabStorage, readSaved, STORAGE_KEYS, writeSaved } from './autosave';
import { tableFor } from './dataSlice';
import { type LoadLabOptions, labOf, sameLab } from './labSlice';
import type { AppStore } from './store';
import { restoreSavedWeights } from './weightsAutosave';

const upgraded = (r: { migratedFrom?: number }) =>
  r.migratedFrom ? ` It was made by an older NormLab (format ${r.migratedFrom}) and was upgraded.` : '';

/** Loads a lab as a fresh start: undo history begins again from it. */
export function loadFresh(store: AppStore, lab: Lab, options: LoadLabOptions = {}) {
  store.getState().loadLab(lab, options);
  store.temporal.getState().clear();
}

/** Keeps the lab a link or file replaced, across reloads too, so one click brings it back. */
export function rememberPrevious(store: AppStore, storage: LabStorage): void {
  const previous = store.getState().previousLab;
  if (previous) writeSaved(storage, previous, STORAGE_KEYS.previous);
}

/**
 * The lab a visit starts with: a lab from the link if the address has one, else the autosaved
 * one, else the default. Opening a link never overwrites the person's own work: it stays one
 * click away ("Restore my previous lab"). A bad link or an unreadable save gets a message and
 * changes nothing else; an unreadable save is kept aside, not deleted.
 * Returns whether the address carried a lab (good or bad), so the caller can clear it.
 */
export function openInitialLab(store: AppStore, storage: LabStorage, hash: string): boolean {
  const s = store.getState();
  const saved = readSaved(storage);
  if (saved?.ok) loadFresh(store, saved.lab);
  else if (saved && !saved.ok) {
    try {
      storage.setItem(STORAGE_KEYS.unreadable, storage.getItem(STORAGE_KEYS.lab) ?? '');
    } catch {
      // Storage refused: the message below still tells the person.
    }
    s.notify(
      'error',
      `Your saved lab could not be read (${saved.error}) It is kept aside; you start from the default lab.`,
    );
  }
  const link = labFromHash(hash);
  if (link) openLinkResult(store, storage, link, saved?.ok === true);
  else {
    if (saved?.ok) restoreSavedWeights(store, storage);
    const previous = readSaved(storage, STORAGE_KEYS.previous);
    if (previous?.ok && !sameLab(previous.lab, labOf(store.getState()))) s.setPreviousLab(previous.lab);
  }
  // What is on screen is now the saved lab, so a reload shows it again.
  writeSaved(storage, labOf(store.getState()));
  return link !== null;
}

/**
 * Opens a link's lab over the current one (kept one click away), or says why the link is bad
 * and changes nothing. Returns false when the address holds no lab.
 */
export function openLabFromHash(store: AppStore, storage: LabStorage, hash: string): boolean {
  const link = labFromHash(hash);
  if (!link) return false;
  openLinkResult(store, storage, link, true);
  writeSaved(storage, labOf(store.getState()));
  return true;
}

/** `keep`: whether the lab on screen is the person's own work, worth keeping one click away. */
function openLinkResult(store: AppStore, storage: LabStorage, link: DecodeResult, keep: boolean): void {
  const s = store.getState();
  if (!link.ok) {
    s.notify('error', `The link could not be opened: ${link.error} Your own lab is unchanged.`);
    return;
  }
  loadFresh(store, link.lab, { keepPrevious: keep, keepBackend: true });
  rememberPrevious(store, storage);
  const mine = store.getState().previousLab
    ? ' Your own lab is one click away: “Restore my previous lab”.'
    : '';
  s.notify('info', `Opened the lab from the link.${upgraded(link)}${mine}`);
}

/** Brings back the lab that a link or a file replaced. */
export function restorePreviousLab(store: AppStore, storage: LabStorage): void {
  const previous = store.getState().previousLab;
  if (!previous) return;
  loadFresh(store, previous);
  store.getState().setPreviousLab(null);
  try {
    storage.setItem(STORAGE_KEYS.previous, '');
  } catch {
    // Nothing to clean up where storage is refused.
  }
  store.getState().notify('info', 'Your previous lab is back.');
}

/** The share link of the current lab, or why it cannot be shared. */
export function makeShareLink(
  store: AppStore,
  base: string,
): { ok: true; link: string } | { ok: false; error: string } {
  const lab = labOf(store.getState());
  const problem = validateLab(lab);
  if (problem) return { ok: false, error: `This lab cannot be shared yet: ${problem}` };
  return { ok: true, link: shareUrl(base, lab) };
}

/**
 * A class link: the current lab with an instructor's options (locks, hidden sections, lesson) and
 * the panel it opens on; or why it cannot be shared.
 */
export function makeClassLink(
  store: AppStore,
  base: string,
  classroom: ClassOptions,
  panel: LabPanelId | null,
  lab: Lab = labOf(store.getState()),
): { ok: true; link: string } | { ok: false; error: string } {
  const classLab: Lab = { ...lab, classroom, panels: { ...lab.panels, open: panel } };
  const problem = validateLab(classLab);
  if (problem) return { ok: false, error: `This lab cannot be shared yet: ${problem}` };
  return { ok: true, link: shareUrl(base, classLab) };
}

/** What a lab file holds besides the lab: "with the data" adds imported rows (generated data needs none). */
export interface ExportOptions {
  /** Carry the imported rows the lab trains on (the columns it uses); ignored for generated data. */
  readonly withData?: boolean;
}

/**
 * The current lab as a file's text, with the trained weights when given, and with the imported
 * rows when `withData` (a lab file "with the data" opens anywhere; a link names the file only),
 * and the pinned runs.
 */
export function exportLabText(
  store: AppStore,
  weights: NodeWeights | null,
  options: ExportOptions = {},
): { ok: true; text: string } | { ok: false; error: string } {
  const s = store.getState();
  const lab = labOf(s);
  const problem = validateLab(lab);
  if (problem) return { ok: false, error: `This lab cannot be exported: ${problem}` };
  const table = options.withData ? tableFor(s.data, s.tables) : undefined;
  if (options.withData && s.data.dataset === 'csv' && !table) {
    return {
      ok: false,
      error: `The rows of “${s.data.csv?.file}” are not here: import the file first, then export with the data.`,
    };
  }
  const extras = {
    ...(weights ? { weights, weightsStep: s.metrics?.step ?? 0 } : {}),
    ...(table ? { table } : {}),
    runs: s.pinnedRuns,
  };
  return { ok: true, text: labToJson(lab, extras) };
}

/**
 * Opens a lab file's text. A bad file gets one message naming what is wrong and changes nothing;
 * a good one replaces the lab, keeping the current one one click away.
 */
export function importLabText(
  store: AppStore,
  storage: LabStorage,
  text: string,
  fileName: string,
): DecodeResult {
  const result = labFromJson(text);
  if (!result.ok) {
    store
      .getState()
      .notify('error', `“${fileName}” could not be opened: ${result.error} Your lab is unchanged.`);
    return result;
  }
  // Rows the file carries go in first, so the lab's dataset is built from them at once.
  if (result.table) store.getState().addTable(result.table);
  loadFresh(store, result.lab, {
    keepPrevious: true,
    keepBackend: true,
    weights: result.weights ?? null,
    weightsStep: result.weightsStep ?? null,
  });
  rememberPrevious(store, storage);
  const runs = addFileRuns(store, result.runs ?? []);
  store.getState().notify('info', `Opened “${fileName}”.${upgraded(result)}${runs}`);
  return result;
}

/**
 * Adds a file's pinned runs to the ones pinned here (never replacing them: nothing pinned is lost),
 * as many as there is room for, with fresh ids; says how many came, and what to do for the rest.
 */
function addFileRuns(store: AppStore, runs: readonly PinnedRun[]): string {
  if (runs.length === 0) return '';
  const s = store.getState();
  const room = Math.max(0, RUN_LIMITS.maxRuns - s.pinnedRuns.length);
  const taken = new Set(s.pinnedRuns.map((r) => r.id));
  const added = runs.slice(0, room).map((r) => {
    let id = r.id;
    for (let i = 2; taken.has(id); i++) id = `${r.id.slice(0, 30)}-${i}`;
    taken.add(id);
    return { ...r, id };
  });
  s.setPinnedRuns([...s.pinnedRuns, ...added]);
  const said = ` Its ${runs.length === 1 ? 'pinned run' : `${runs.length} pinned runs`}: ${added.length} added`;
  return added.length === runs.length
    ? `${said}.`
    : `${said} (at most ${RUN_LIMITS.maxRuns} are pinned: unpin some and open the file again for the rest).`;
}
