import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the interface into dist/renderer: one index.html, hashed scripts and styles, relative paths
 * (base './') so the same files load from Electron's app:// protocol and from the browser host.
 * No inline scripts: both hosts send a strict Content-Security-Policy (script-src 'self').
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
