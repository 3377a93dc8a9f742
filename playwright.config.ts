import { defineConfig } from '@playwright/test';
import { hoursSetups } from './e2e/hoursSetups.ts';

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

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings stable.
  workers: 1,
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
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    // Specs are tagged with the business-hours state they need; each project runs its own.
    { name: 'open', grep: /@open/, use: { baseURL: `http://127.0.0.1:${hoursSetups.open.port}` } },
    { name: 'closed', grep: /@closed/, use: { baseURL: `http://127.0.0.1:${hoursSetups.closed.port}` } },
    { name: 'guides', grep: /@guides/, use: { baseURL: `http://127.0.0.1:${hoursSetups.guides.port}` } },
    // Two instances on PostgreSQL behind nginx, started by the spec itself (e2e/startScaleCluster.ts).
    { name: 'scale', grep: /@scale/ },
    // A fresh install (no accounts) started by the spec itself: first admin → first-run checklist.
    { name: 'firstRun', grep: /@firstRun/ },
    // After every spec on every server: their logs must hold no phone number or email in clear.
    { name: 'server-log', testMatch: /serverLog\.check\.ts/, dependencies: ['open', 'closed', 'guides'] },
  ],
  webServer: [serverFor('open'), serverFor('closed'), serverFor('guides')],
});
