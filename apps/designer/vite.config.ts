import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The designer is a static app. In production the runtime serves `dist/` on the same origin;
 * in development `/api` is proxied to a runtime on port 8787.
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  build: { chunkSizeWarningLimit: 2000 },
});
