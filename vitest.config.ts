import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's *.spec.ts live in e2e/ and must not be picked up here.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The web app's message areas, added as the screens add them in the browser (src/web/i18n).
    setupFiles: ['test/setup/addWebMessages.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
