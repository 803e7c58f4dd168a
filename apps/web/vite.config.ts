import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web app is built into apps/web/dist, which the Footprint server serves with an SPA fallback. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // nhsuk-frontend's CSS is already minified and carries IE media hacks that lightningcss rejects, so CSS is not re-minified.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, cssMinify: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
