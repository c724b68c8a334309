/** How long a weights readback may take before it is given up (a lost GPU context never answers). */
export const WEIGHTS_TIMEOUT_MS = 5000;

/**
 * The engine's answer, or null when it does not come in time or the call fails: a readback on a
 * WebGL context that was lost meanwhile never resolves, and the command queue must not wait on it
 * (every later Train would wait behind it).
 */
export function answerOrGiveUp<T>(call: () => Promise<T>, timeoutMs = WEIGHTS_TIMEOUT_MS): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    call().then(
      (answer) => {
        clearTimeout(timer);
        resolve(answer);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
