import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { maskText } from '../src/domain/privacy/maskText.ts';
import { e2eUsers } from './e2eUsers.ts';
import { type ScaleCluster, startScaleCluster } from './startScaleCluster.ts';

type Account = (typeof e2eUsers)[keyof typeof e2eUsers];

/** An API client signed in as `user` on `base` (cookie session and CSRF token, as the console has). */
async function signInApi(
  base: string,
  user: Account,
): Promise<{ api: APIRequestContext; csrfToken: string }> {
  const api = await request.newContext({ baseURL: base });
  const login = await api.post('/api/v1/auth/login', {
    data: { email: user.email, password: user.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  return { api, csrfToken: (await login.json()).csrfToken };
}

// The production layout of README.md, "Several instances behind nginx": instances A and B on one
// PostgreSQL, nginx (deploy/nginx/ieum.conf as shipped) in front, no sticky sessions.
test.describe('two instances behind nginx', { tag: '@scale' }, () => {
  test.describe.configure({ mode: 'serial' });
  let cluster: ScaleCluster | null = null;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const started = await startScaleCluster();
    const missing = 'skipped' in started ? started.skipped : null;
    if (missing) console.warn(`e2e/scale.spec.ts skipped: ${missing}`);
    test.skip(missing !== null /* needs nginx and PostgreSQL */, `needs nginx and PostgreSQL: ${missing}`);
    if ('skipped' in started) return;
    cluster = started.cluster;
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('the queue served through nginx shows transfers filed on either instance live, with no sticky session', async ({
    browser,
  }) => {
    if (!cluster) throw new Error('cluster not started');
    const [a, b] = cluster.instances;
    if (!a || !b) throw new Error('two instances expected');
    const context = await browser.newContext({ baseURL: cluster.nginx.base });
    const page = await context.newPage();
    const stream = page.waitForResponse((response) => response.url().endsWith('/api/v1/events'));
    await page.goto('/queue');
    await page.getByLabel('이메일').fill(e2eUsers.backoffice.email);
    await page.getByLabel('비밀번호').fill(e2eUsers.backoffice.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(e2eUsers.backoffice.name);
    await expect(page.getByRole('heading', { name: /이관 큐/ })).toBeVisible();
    // The page's one event stream is open (through nginx, on A or on B).
    expect((await stream).status()).toBe(200);

    // The agent signs in on A; the session cookie works on B as well (both read it from PostgreSQL).
    const { api, csrfToken } = await signInApi(a.server.base, e2eUsers.agent);
    const file = async (base: string, inquiry: string): Promise<string> => {
      const filed = await api.post(`${base}/api/v1/transfers`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { inquiryType: 1, phone: '010-4321-8765', inquiry },
      });
      expect(filed.status(), await filed.text()).toBe(201);
      return (await filed.json()).number;
    };
    // One filing directly on each instance: whichever one holds the page's stream, the other's
    // filing crosses instances (PostgreSQL NOTIFY) and must show without a reload. The list
    // itself refetches only every minute, so a row within 10 s is the live event's doing.
    for (const [base, inquiry] of [
      [a.server.base, '인스턴스 A에서 접수'],
      [b.server.base, '인스턴스 B에서 접수'],
      [cluster.nginx.base, 'nginx를 거쳐 접수'],
    ] as const) {
      const number = await file(base, inquiry);
      const row = page.locator(`[data-number="${number}"]`);
      await expect(row, `${number} filed through ${base}`).toBeVisible({ timeout: 10_000 });
      await expect(row).toContainText('010-****-8765');
    }
    await api.dispose();
    await context.close();
  });

  test('the event stream through nginx is not buffered: connected at once, heartbeats pass, events from both instances arrive', async () => {
    if (!cluster) throw new Error('cluster not started');
    const [a, b] = cluster.instances;
    if (!a || !b) throw new Error('two instances expected');
    const handler = await signInApi(cluster.nginx.base, e2eUsers.backoffice);
    const cookies = (await handler.api.storageState()).cookies
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
    const abort = new AbortController();
    const response = await fetch(`${cluster.nginx.base}/api/v1/events`, {
      headers: { cookie: cookies },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    let received = '';
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no stream body');
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    })().catch(() => {});
    // A buffering proxy would hold these few bytes back until its buffer filled.
    await expect.poll(() => received, { timeout: 5_000 }).toContain(': connected');
    // The instances beat every second here (IEUM_EVENTS_HEARTBEAT_SECONDS=1).
    await expect
      .poll(() => received.split(': keep-alive').length - 1, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);

    const agent = await signInApi(a.server.base, e2eUsers.agent);
    for (const base of [a.server.base, b.server.base]) {
      const filed = await agent.api.post(`${base}/api/v1/transfers`, {
        headers: { 'x-csrf-token': agent.csrfToken },
        data: { inquiryType: 2, phone: '010-5555-6666', inquiry: '스트림 확인' },
      });
      expect(filed.status(), await filed.text()).toBe(201);
      const { id } = await filed.json();
      await expect.poll(() => received, { timeout: 10_000 }).toContain(`"transferId":"${id}"`);
    }
    abort.abort();
    await reading;
    await agent.api.dispose();
    await handler.api.dispose();
  });

  test('the instances logged no phone number or e-mail in clear', async () => {
    if (!cluster) throw new Error('cluster not started');
    for (const instance of cluster.instances) {
      const lines = readFileSync(instance.logFile, 'utf8').split('\n').filter(Boolean);
      expect(lines.length, instance.logFile).toBeGreaterThan(5);
      expect(lines.filter((line) => maskText(line) !== line)).toEqual([]);
    }
  });
});
