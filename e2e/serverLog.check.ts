import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { maskText } from '../src/domain/privacy/maskText.ts';
import { hoursSetups } from './hoursSetups.ts';

// Customer names the specs type; a name cannot be recognised by pattern, so these are looked for by value.
const typedNames = ['김민지', '최고객'];

// Runs after every spec on both servers (playwright.config.ts, project 'server-log').
test('the servers logged no phone number, email or customer name in clear', () => {
  // IEUM_E2E_LOG_PORTS (comma-separated) when a run uses other ports than hoursSetups.
  const ports =
    process.env.IEUM_E2E_LOG_PORTS?.split(',') ??
    Object.values(hoursSetups).map((setup) => String(setup.port));
  for (const port of ports) {
    const file = path.join(import.meta.dirname, '..', 'test-results', `server-${port}.log`);
    expect(existsSync(file), `${file} (written by e2e/startServer.ts)`).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    // maskText leaves masked values as they are, so any line it changes held a clear value.
    const leaking = lines.filter(
      (line) => maskText(line) !== line || typedNames.some((name) => line.includes(name)),
    );
    expect(leaking, `port ${port}`).toEqual([]);
  }
});
