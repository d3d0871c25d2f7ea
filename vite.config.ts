import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app://rapport/ in Electron and from a loopback harness
// in tests, so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
