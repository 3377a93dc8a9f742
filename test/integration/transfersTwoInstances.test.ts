import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type ScratchPostgres, scratchPostgres } from '../helpers/scratchPostgres.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';

const adminUrl = process.env.IEUM_TEST_DATABASE_URL;

/** Reads an SSE stream until an event of `type` arrives; resolves with its data. */
async function nextEvent(
  url: string,
  token: string,
  type: string,
  signal: AbortSignal,
  ready: () => void,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!response.body) throw new Error('no stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += value;
    if (buffer.includes(': connected')) ready();
    const messages = buffer.split('\n\n');
    buffer = messages.pop() ?? '';
    for (const message of messages) {
      const lines = message.split('\n');
      if (lines.includes(`event: ${type}`)) {
        const data = lines.find((line) => line.startsWith('data: '));
        return JSON.parse(data?.slice(6) ?? '{}');
      }
    }
  }
}

// Two app instances on one PostgreSQL, as in production behind a load balancer.
describe.skipIf(!adminUrl /* needs IEUM_TEST_DATABASE_URL: instances share a PostgreSQL server */)(
  'transfers across two instances on one PostgreSQL',
  () => {
    let database: ScratchPostgres | undefined;
    let one: TestApp;
    let two: TestApp;
    let receiver: TestWebhookReceiver;
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      if (!adminUrl) return;
      database = await scratchPostgres(adminUrl);
      const { backend } = database;
      // One encryption key and one mail server for both, as two instances of one deployment share them.
      const key = randomBytes(32).toString('base64');
      smtp = await startSmtpServer();
      one = await buildTestApp(backend, {
        IEUM_ENCRYPTION_KEY: key,
        SMTP_URL: smtp.url,
        IEUM_WEBHOOK_ALLOW_PRIVATE: 'true',
      });
      two = await buildTestApp(backend, {
        IEUM_ENCRYPTION_KEY: key,
        SMTP_URL: smtp.url,
        IEUM_WEBHOOK_ALLOW_PRIVATE: 'true',
      });
      await two.app.listen({ port: 0, host: '127.0.0.1' });
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver?.stop();
      await smtp?.stop();
      await one?.close();
      await two?.close();
      await database?.drop();
    });

    it("shows a transfer filed through one instance on the other's event stream, and sends its webhook and the assignee's e-mail once", async () => {
      const agent = await one.userWithToken('agent');
      const handler = await two.userWithToken('backoffice');
      const admin = await one.userWithToken('admin');
      // The handler is the assignee of type 1, so filing queues one notification e-mail in the outbox.
      const assigned = await one.app.inject({
        method: 'PUT',
        url: '/api/v1/transfer-settings',
        headers: admin.headers,
        payload: {
          types: [
            {
              inquiryType: 1,
              sla: { kind: 'next-business-day', time: '12:00' },
              assignees: [{ userId: handler.id, onDuty: true }],
            },
          ],
        },
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const subscribed = await one.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: admin.headers,
        payload: { url: receiver.url, eventTypes: ['transfer.filed'] },
      });
      expect(subscribed.statusCode).toBe(201);

      const address = two.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const abort = new AbortController();
      let markReady = () => {};
      const connected = new Promise<void>((resolve) => {
        markReady = resolve;
      });
      const token = handler.headers.authorization.slice('Bearer '.length);
      const event = nextEvent(
        `http://127.0.0.1:${port}/api/v1/events`,
        token,
        'transfer.filed',
        abort.signal,
        markReady,
      );
      await connected;

      const filed = await one.app.inject({
        method: 'POST',
        url: '/api/v1/transfers',
        headers: agent.headers,
        payload: { inquiryType: 1, phone: '010-1234-5678', inquiry: '두 인스턴스' },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const data = await event;
      abort.abort();
      expect(data).toMatchObject({ transferId: filed.json().id, filedById: agent.id });

      // Both instances' runners race for the webhook and e-mail jobs; exactly one sends each.
      await Promise.all([one.runJobs(), two.runJobs(), one.runJobs(), two.runJobs()]);
      await Promise.all([one.runJobs(), two.runJobs()]);
      expect(receiver.received).toHaveLength(1);
      const toHandler = smtp.messages.filter((message) => message.envelopeTo.includes(handler.email));
      expect(toHandler).toHaveLength(1);
      const seenOnTwo = await two.app.inject({
        url: `/api/v1/transfers/${filed.json().id}`,
        headers: handler.headers,
      });
      expect(seenOnTwo.json()).toMatchObject({ number: filed.json().number, phone: '010-****-5678' });
    });

    it('ends a disabled account on the other instance too, though that instance had its token cached', async () => {
      const admin = await one.userWithToken('admin');
      const agent = await one.userWithToken('agent');
      const onTwo = () => two.app.inject({ url: '/api/v1/business-hours', headers: agent.headers });
      expect((await onTwo()).statusCode).toBe(200);
      const disabled = await one.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${agent.id}`,
        headers: admin.headers,
        payload: { disabled: true },
      });
      expect(disabled.statusCode, disabled.body).toBe(200);
      // The other instance hears of it over NOTIFY, within milliseconds and well before its cache would expire.
      await expect.poll(async () => (await onTwo()).statusCode, { timeout: 1_000, interval: 20 }).toBe(401);
    });

    it('closes business hours on the other instance too when a closure is added, though it had the calendar cached', async () => {
      const admin = await one.userWithToken('admin');
      const agent = await two.userWithToken('agent');
      const at = encodeURIComponent('2026-12-30T10:00:00+09:00');
      const hoursOnTwo = async () =>
        (await two.app.inject({ url: `/api/v1/business-hours?at=${at}`, headers: agent.headers })).json()
          .reason;
      expect(await hoursOnTwo()).toBe('open');
      const added = await one.app.inject({
        method: 'POST',
        url: '/api/v1/closures',
        headers: admin.headers,
        payload: { date: '2026-12-30', name: '창립기념일' },
      });
      expect(added.statusCode, added.body).toBe(201);
      await expect.poll(hoursOnTwo, { timeout: 1_000, interval: 20 }).toBe('closure');
    });
  },
);
