import { defineConfig } from 'vite';

// Strict CSP on the server (script-src 'self'; style-src 'self'):
// no inline scripts or styles may end up in dist/index.html.
export default defineConfig({
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2020',
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': process.env.HAVEN_API ?? 'http://127.0.0.1:8080',
    },
  },
});
