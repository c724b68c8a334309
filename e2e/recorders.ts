import type { BrowserContext, Page } from '@playwright/test';

/** One request as the browser made it. */
export interface RecordedRequest {
  readonly url: string;
  readonly resourceType: string;
  /** Made by the service worker itself (its precache downloads), not by a page or its workers. */
  readonly fromServiceWorker: boolean;
}

/**
 * Records every request of the context from now on: pages, their dedicated workers and the service
 * worker (Chromium reports all three), plus WebSocket connections.
 */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  context.on('request', (r) =>
    requests.push({
      url: r.url(),
      resourceType: r.resourceType(),
      fromServiceWorker: r.serviceWorker() !== null,
    }),
  );
  context.on('page', (page) =>
    page.on('websocket', (ws) =>
      requests.push({ url: ws.url(), resourceType: 'websocket', fromServiceWorker: false }),
    ),
  );
  return requests;
}

/** True when the URL stays on `origin`: the same origin, a data: URL, or a blob: URL made by that origin. */
export function staysOnOrigin(url: string, origin: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') return true;
  // WHATWG URL gives a blob: URL the origin of the page that made it.
  return parsed.origin === origin;
}

/**
 * Records Content-Security-Policy violations of the page (across reloads): the document's
 * securitypolicyviolation events and the "Refused to ..." console errors Chromium logs for them.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}
