import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's *.spec.ts live in e2e/ and must not be picked up here.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The web app's message areas, added as the screens add them in the browser (src/web/i18n).
    setupFiles: ['test/setup/addWebMessages.ts'],
    // Vitest's default (one CPU less than the machine has) is a single worker on CI's 2 CPUs, which
    // then sits idle while a file waits on a timeout, a child process or PostgreSQL: two files at a
    // time there (each file has its own database and ports), as before on bigger machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
