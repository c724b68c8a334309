import type { AppState } from './types';

/** What a class link can lock. */
export type LockKind = 'graph' | 'data' | 'training';

const WHAT: Readonly<Record<LockKind, string>> = {
  graph: 'the graph cannot be changed (no adding, deleting, connecting or editing nodes)',
  data: 'the data settings cannot be changed',
  training: 'the training settings cannot be changed',
};

/** True when the class link locks this part of the lab. */
export function isLocked(s: AppState, kind: LockKind): boolean {
  const c = s.classroom;
  if (!c) return false;
  return kind === 'graph' ? c.lockGraph : kind === 'data' ? c.lockData : c.lockTraining;
}

/** The message a refused change gets: what is locked, by whom, and the way out. */
export function lockMessage(kind: LockKind): string {
  return `Locked for this class: ${WHAT[kind]}. Press “Make my own copy” to experiment freely.`;
}

/**
 * For store actions: when `kind` is locked, says so (an error notice) and returns true, so the
 * action does nothing. Every way in (canvas, palette, keyboard, inspector, toolbar) goes through it.
 */
export function refuseIfLocked(get: () => AppState, kind: LockKind): boolean {
  if (!isLocked(get(), kind)) return false;
  get().notify('error', lockMessage(kind));
  return true;
}
