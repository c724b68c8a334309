let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Lets the event loop run (incoming messages such as "pause") and resolves right after, without
 * the 4 ms clamp that nested setTimeout(0) gets. In a browser or worker a MessageChannel message
 * is a fresh task; in Node (tests, bench) setImmediate is the fair equivalent (a self-reposting
 * MessagePort there starves timers).
 */
export function yieldToLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return new Promise((resolve) => setImmediate(resolve));
  }
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel?.port2.postMessage(0);
  });
}
