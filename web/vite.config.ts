// Vite builds the app into dist/, which `centric serve` serves for every non-/api path.
// `npm run dev` proxies /api to a running server: CENTRIC_DEV_API=http://127.0.0.1:8080.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: { '/api': process.env.CENTRIC_DEV_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
