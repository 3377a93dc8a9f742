import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxMissingReason, startNginx, type TestNginx } from '../../scripts/test/startNginx.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { freePort } from '../helpers/startServerProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const missing = nginxMissingReason();
if (missing) console.warn(`nginxProxy.test.ts skipped: ${missing}`);

/** A request from a given loopback source address (127.0.0.2 …), as a client elsewhere would come. */
function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** The comments and events of a live stream with the time each arrived (ms after the request). */
type Arrival = { at: number; text: string };

// The shipped deploy/nginx/ieum.conf in front of the real app: what the proxy must not change.
const describeWithNginx = describe.skipIf(missing !== null /* needs nginx (Debian package nginx) */);
describeWithNginx.each(testBackends())('deploy/nginx/ieum.conf in front of ieum on $name', (backend) => {
  let t: TestApp;
  let nginx: TestNginx;
  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_TRUST_PROXY: '127.0.0.1', IEUM_EVENTS_HEARTBEAT_SECONDS: '1' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    nginx = await startNginx({ upstreams: [`127.0.0.1:${port}`] });
  });
  afterAll(async () => {
    await nginx?.stop();
    await t?.close();
  });

  it('passes the event stream through unbuffered: connected at once, a heartbeat every second, an event while it is open', async () => {
    const handler = await t.userWithToken('backoffice');
    const agent = await t.userWithToken('agent');
    const abort = new AbortController();
    const started = performance.now();
    const response = await fetch(`${nginx.base}/api/v1/events`, {
      headers: handler.headers,
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const arrivals: Arrival[] = [];
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no stream');
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        arrivals.push({ at: performance.now() - started, text: value });
      }
    })().catch(() => {});
    const received = () => arrivals.map((arrival) => arrival.text).join('');
    // A buffering proxy holds these few bytes until its buffer fills: none of this would arrive.
    await expect.poll(received, { timeout: 5_000 }).toContain(': connected');
    await expect
      .poll(() => received().split(': keep-alive').length - 1, { timeout: 8_000 })
      .toBeGreaterThanOrEqual(2);

    const filed = await fetch(`${nginx.base}/api/v1/transfers`, {
      method: 'POST',
      headers: { ...agent.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ inquiryType: 1, phone: '010-1234-5678', inquiry: '프록시 뒤에서 접수' }),
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    await expect.poll(received, { timeout: 5_000 }).toContain(`"transferId":"${id}"`);
    // The stream is still open: the event came through while nginx kept the response going.
    expect(abort.signal.aborted).toBe(false);
    abort.abort();
    await reading;
  });

  it("records the client's address from X-Forwarded-For (IEUM_TRUST_PROXY), and a forged header changes nothing", async () => {
    const admin = await t.userWithToken('admin');
    const email = `proxy-${Date.now()}@ieum.test`;
    const password = 'lantern quarry velvet orbit 42';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email, name: '정프록시', role: 'agent', password },
    });
    expect(created.statusCode, created.body).toBe(201);
    const login = await requestFrom('127.0.0.2', `${nginx.base}/api/v1/auth/login`, {
      method: 'POST',
      // nginx replaces this with the connection's address.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status, login.body).toBe(200);
    const log = await t.app.inject({
      url: `/api/v1/access-log?action=login.succeeded&actor=${encodeURIComponent(email)}`,
      headers: admin.headers,
    });
    expect(log.statusCode, log.body).toBe(200);
    const entries = (log.json() as { items: { ip: string | null }[] }).items;
    expect(entries.map((entry) => entry.ip)).toEqual(['127.0.0.2']);
  });

  it('refuses a body over the app limit as the app does (413 problem+json), and lets a directory file up to 20 MiB reach the app', async () => {
    const agent = await t.userWithToken('agent');
    const tooLarge = await fetch(`${nginx.base}/api/v1/consultations`, {
      method: 'POST',
      headers: { ...agent.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'call', note: 'x'.repeat(1_100_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect(await tooLarge.json()).toMatchObject({ code: 'payload-too-large', errors: [{ where: 'body' }] });

    const backoffice = await t.userWithToken('backoffice');
    const header = '기업명,사업자등록번호,담당자 이름,담당자 구분,연락처,이메일\n';
    // A few hundred rows with over-long names: over 1 MiB, quick for the app to refuse row by row.
    const file = header + `${'가'.repeat(2_000)},1,나,관리책임자,010,a\n`.repeat(200);
    expect(Buffer.byteLength(file)).toBeGreaterThan(1_048_576);
    const imported = await fetch(`${nginx.base}/api/v1/companies/import?dryRun=true`, {
      method: 'POST',
      headers: { ...backoffice.headers, 'content-type': 'text/csv' },
      body: file,
    });
    // The app read the file and reported its refused rows (a dry run): nginx let it through.
    expect(imported.status).toBe(200);
    expect(imported.headers.get('content-type')).toContain('application/json');
  });
});

describe.skipIf(missing !== null /* needs nginx */)('deploy/nginx/ieum.conf with no instance up', () => {
  it('answers 503 problem+json with Retry-After, not an HTML error page', async () => {
    const nginx = await startNginx({ upstreams: [`127.0.0.1:${await freePort()}`] });
    try {
      const response = await fetch(`${nginx.base}/api/v1/business-hours`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ code: 'unavailable', errors: [] });
    } finally {
      await nginx.stop();
    }
  });
});
