import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Pure code (domain, contracts, the web app's state and words): no database, process, port or
// global left behind, so these files share their workers' loaded modules instead of each loading
// them again (92 files: ~45 s → ~6 s). The server's and the integration suite's own files, which
// hold databases, servers and module-level state, each keep a fresh worker.
const pureFiles = ['src/domain/**/*.test.ts', 'src/contract/**/*.test.ts', 'src/web/**/*.test.{ts,tsx}'];

export default defineConfig({
  test: {
    // The web app's message areas, added as the screens add them in the browser (src/web/i18n).
    setupFiles: ['test/setup/addWebMessages.ts'],
    // Vitest's default (one CPU less than the machine has) is a single worker on CI's 2 CPUs, which
    // then sits idle while a file waits on a timeout, a child process or PostgreSQL: two files at a
    // time there (each file has its own database and ports), as before on bigger machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'pure', include: pureFiles, isolate: false } },
      {
        extends: true,
        test: {
          name: 'isolated',
          // Playwright's *.spec.ts live in e2e/ and must not be picked up here.
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...pureFiles],
        },
      },
    ],
  },
});
