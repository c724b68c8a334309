/**
 * Why the lab could not be kept in this browser: `blocked` where the browser refuses its storage
 * to this page (private modes, blocked cookies or site data), `full` where the quota is used up,
 * `failed` for anything else the browser threw.
 */
export interface StorageProblem {
  readonly kind: 'blocked' | 'full' | 'failed';
  /** The browser's own words, or a plain description. */
  readonly reason: string;
}

/** Names a storage error: a full quota, a refusal (SecurityError), or the error's own message. */
export function storageProblemOf(err: unknown): StorageProblem {
  if (err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22)) {
    return { kind: 'full', reason: 'the storage is full' };
  }
  if (err instanceof DOMException && err.name === 'SecurityError') {
    return { kind: 'blocked', reason: err.message || 'access denied' };
  }
  return {
    kind: 'failed',
    reason: err instanceof Error || err instanceof DOMException ? err.message : String(err),
  };
}

/** What the person is told, once, in plain words, with what to do about it. */
export function storageProblemText(problem: StorageProblem): string {
  if (problem.kind === 'blocked') {
    return (
      'This browser does not let NormLab keep anything here, so your work will not be kept after you ' +
      `close this tab: use Export → Lab file to keep a copy. (The browser says: ${problem.reason})`
    );
  }
  return `Your lab could not be saved in this browser (${problem.reason}). Nothing is lost yet: use Export → Lab file to keep a copy.`;
}
