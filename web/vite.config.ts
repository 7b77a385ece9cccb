import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is built from web/ into web/dist, which `headstamp serve` serves at `/`.
// In development (`npx vite --config web/vite.config.ts`), /api is proxied to a running
// `headstamp serve` on HEADSTAMP_DEV_API (default http://127.0.0.1:3000).
const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    // Charts are loaded when a page draws one (Chart.tsx), so the first load stays small; the charts
    // chunk itself (modular ECharts, ~730 KB raw, ~240 KB gzipped) is the one large file, on purpose.
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
