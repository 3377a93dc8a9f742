import { defineConfig } from '@playwright/test';
import { hoursSetups } from './e2e/hoursSetups.ts';
import { secondOpenServerSpecs } from './e2e/secondOpenServerSpecs.ts';

// Debian's Chromium (playwright cannot download browsers here), launched as root on a closed network.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const serverFor = (name: keyof typeof hoursSetups) => ({
  name: `server:${name}`,
  command: `node e2e/startServer.ts --port ${hoursSetups[name].port} --fake-now ${hoursSetups[name].fakeNow}${
    'extraGuides' in hoursSetups[name] ? ` --extra-guides ${hoursSetups[name].extraGuides}` : ''
  }`,
  url: `http://127.0.0.1:${hoursSetups[name].port}/healthz`,
  // Each run gets a fresh database; set IEUM_E2E_REUSE_SERVER=1 only to point the specs at a server you started.
  reuseExistingServer: process.env.IEUM_E2E_REUSE_SERVER === '1',
  timeout: 120_000,
  // The servers' request logs go to test-results/server-<port>.log (scanned by serverLog.check.ts), not the console.
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  // Lets startServer stop the app cleanly (it closes the embedded database) and delete its temp directory.
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
});

// Matches the spec files listed there by name, wherever the run finds them.
const secondOpenServerSpecsPattern = new RegExp(
  `(^|/)(${secondOpenServerSpecs.map((name) => name.replaceAll('.', '\\.')).join('|')})$`,
);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  // Two browsers at a time on CI's two cores, each on its own server: every project below that
  // uses a shared server runs one spec at a time on it (`workers: 1`), as the specs assume; the
  // @open specs are split over two alike servers so the longest part runs in two halves at once.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    // A trace records every action's DOM snapshot and screencast whether or not the test fails,
    // about a sixth of the suite's time on CI's two cores, where nobody can open it afterwards:
    // CI relies on the failure's message, call log and screenshot; locally a failure keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    // Specs are tagged with the business-hours state they need; each project runs its own.
    // The @open specs in e2e/secondOpenServerSpecs.ts run on `open-b`'s server, the rest on `open`'s.
    {
      name: 'open',
      grep: /@open/,
      testIgnore: secondOpenServerSpecsPattern,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${hoursSetups.open.port}` },
    },
    {
      name: 'open-b',
      grep: /@open/,
      testMatch: secondOpenServerSpecsPattern,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${hoursSetups.openB.port}` },
    },
    {
      name: 'closed',
      grep: /@closed/,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${hoursSetups.closed.port}` },
    },
    {
      name: 'guides',
      grep: /@guides/,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${hoursSetups.guides.port}` },
    },
    // Two instances on PostgreSQL behind nginx, started by the spec itself (e2e/startScaleCluster.ts).
    { name: 'scale', grep: /@scale/, workers: 1 },
    // A fresh install (no accounts) started by the spec itself: first admin → first-run checklist.
    { name: 'firstRun', grep: /@firstRun/, workers: 1 },
    // After every spec on every server: their logs must hold no phone number or email in clear.
    {
      name: 'server-log',
      testMatch: /serverLog\.check\.ts/,
      dependencies: ['open', 'open-b', 'closed', 'guides'],
    },
  ],
  webServer: [serverFor('open'), serverFor('openB'), serverFor('closed'), serverFor('guides')],
});
