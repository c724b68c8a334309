import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// tfjs is large and loaded only by the training worker; pre-bundling it stops the dev server
// from re-optimizing (and reloading the page) the first time the worker imports it.
export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'comlink'],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
