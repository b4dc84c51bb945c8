import { defineConfig } from 'vite';

// Served by the console bundle at /console/; Maven passes --outDir target/classes/console.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    emptyOutDir: true,
    // No inline scripts or styles: the page's Content-Security-Policy allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
