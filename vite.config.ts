import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * index.html's Content-Security-Policy is for the built site. The dev server needs what it forbids
 * (React Refresh's inline preamble script, CSS injected as <style> elements), so it serves the page
 * without it; `npm run preview` and every static host get the policy.
 */
function noCspInDev(): Plugin {
  return {
    name: 'normlab:no-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * Names the training worker's lazily loaded chunks after the tfjs packages in them, prefixed
 * "worker-" (so bench/bytes.mjs counts them as worker JS, and a file list says which backend
 * each is), e.g. assets/worker-tfjs-backend-webgl-<hash>.js.
 */
function workerChunkFileName(chunk: { name: string; moduleIds: readonly string[] }): string {
  const packages = new Set<string>();
  for (const id of chunk.moduleIds) {
    const pkg = /@tensorflow\/(tfjs-[a-z-]+)\//.exec(id)?.[1];
    if (pkg) packages.add(pkg);
  }
  const name = packages.size ? [...packages].sort().join('_') : chunk.name;
  return `assets/worker-${name}-[hash].js`;
}

/**
 * Room above Workbox's 2 MiB default: no precached file is near it now (the largest, the main
 * chunk and the WebGL backend's, are ~0.6 MB), but one over it would silently go uncached.
 */
const MAX_PRECACHE_FILE_BYTES = 5 * 1024 * 1024;

// base './': every URL in the build is relative, so dist/ works from any static host and sub-path.
// tfjs is large and loaded only by the training worker; pre-bundling it (each backend too: the
// worker imports them on demand) stops the dev server from re-optimizing (and reloading the
// page) the first time the worker imports one.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    noCspInDev(),
    // A service worker that precaches the whole app (shell, worker chunk, .wasm files, icons), so
    // after one visit it loads and trains offline. 'prompt': a new version waits until the person
    // presses Reload (src/components/UpdatePrompt.tsx) instead of mixing versions. Off in dev.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'NormLab',
        short_name: 'NormLab',
        description: 'See what normalization and activation layers really do inside a neural network.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1967d2',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The manifest's icons and includeAssets are added by the plugin.
        globPatterns: ['**/*.{js,css,html,wasm}'],
        // The benchmark's bare tfjs worker (?debug=1 only) is not part of the app.
        globIgnores: ['**/bareWorker-*.js', '**/bareClient-*.js'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
        cleanupOutdatedCaches: true,
        // The first visit's page comes under the worker as soon as it is installed (same version,
        // so nothing mixes); later versions still wait for Reload.
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-layers',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      'comlink',
    ],
  },
  worker: { format: 'es', rolldownOptions: { output: { chunkFileNames: workerChunkFileName } } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
