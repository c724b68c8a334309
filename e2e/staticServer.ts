import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** dist/ of the build the e2e web server made (playwright.config.ts runs `npm run build` first). */
export const DIST = path.resolve('dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A running static host: the site's address (ending in the sub-path) and what it has served. */
export interface StaticSite {
  /** e.g. http://127.0.0.1:41234/sub/normlab/ */
  readonly url: string;
  /** Every path asked for, in order (served or not). */
  readonly requests: string[];
  /** Stops serving and drops open connections: from then on the site is unreachable. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Changes a file's bytes as served (e.g. a new sw.js), by its path relative to the root. */
  readonly rewrite?: (file: string, body: Buffer) => Buffer;
}

/**
 * Serves `root` under `prefix` on 127.0.0.1 (a port the OS picks), the way the plainest static host
 * does: files as they are, by extension's type, 404 for anything else; no SPA fallback, no headers
 * of its own (so nothing but index.html's <meta> sets a Content-Security-Policy).
 */
export async function serveStatic(
  root: string,
  prefix: string,
  options: ServeOptions = {},
): Promise<StaticSite> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    const relative = pathname.startsWith(prefix) ? pathname.slice(prefix.length) || 'index.html' : '';
    // Nothing outside the prefix, nothing outside the root (no ../).
    const file = path.join(root, relative);
    if (!relative || !file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(options.rewrite ? options.rewrite(path.relative(root, file), body) : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
