import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { MetadataJson } from 'libphonenumber-js/core';
import { defineConfig, type Plugin } from 'vite';
import { cutPhoneMetadata } from './src/web/build/cutPhoneMetadata.ts';

// Paths are resolved from this file so `vite build` works from any working directory.
const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * `virtual:korean-phone-metadata`: libphonenumber's full ("max") metadata of the installed
 * version, cut to Korea, for the web build's stand-in of `libphonenumber-js/max`
 * (src/web/lib/koreanPhoneNumbers.ts). The server keeps the package's whole metadata.
 */
function koreanPhoneMetadata(): Plugin {
  const id = 'virtual:korean-phone-metadata';
  return {
    name: 'ieum:korean-phone-metadata',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const file = fromRoot('./node_modules/libphonenumber-js/metadata.max.json');
      this.addWatchFile(file);
      const full: MetadataJson = JSON.parse(readFileSync(file, 'utf8'));
      return `export default ${JSON.stringify(cutPhoneMetadata(full, ['KR']))};`;
    },
  };
}

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react(), koreanPhoneMetadata()],
  resolve: {
    alias: [
      { find: /^libphonenumber-js\/max$/, replacement: fromRoot('./src/web/lib/koreanPhoneNumbers.ts') },
    ],
  },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Agents work on an internal network; the default 500 kB warning only adds noise to `build:web`.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
