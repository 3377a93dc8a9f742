import { afterAll, describe, it } from 'vitest';
import { fileSignUpLead } from '../helpers/fileSignUpLead.ts';
import { type ProcessDatabase, processBackends } from '../helpers/processBackends.ts';
import { seedAccounts } from '../helpers/seedAccounts.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/startServerProcess.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';

type Brochure = { status: string; attempts: number; lastError: string | null };

// Issue 10 item 9 and the chaos suite's "SMTP down then up": brochures of leads taken while no SMTP
// server was configured, and while the configured one was down, all arrive once it is up — each
// exactly once — and each lead's callback is set again from when its brochure goes out.
describe.concurrent.each(processBackends())('brochures through an SMTP outage on $name', (backend) => {
  let database: ProcessDatabase | undefined;
  let server: ServerProcess | undefined;
  let smtp: TestSmtpServer | undefined;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await smtp?.stop();
    await database?.remove();
  });

  it('sends every brochure exactly once: those taken without SMTP at the next start, those taken while it was down when it is back', async ({
    expect,
  }) => {
    database = await backend.create();
    const env = database.env;
    const [agent = '', backoffice = ''] = await seedAccounts(env, [
      { email: 'agent@chaos.test', role: 'agent' },
      { email: 'team@chaos.test', role: 'backoffice' },
    ]);
    const leadsFiled: Array<{ id: string; email: string }> = [];
    const file = async (n: number) => {
      const email = `buyer${n}@example.com`;
      const id = await fileSignUpLead(server?.base ?? '', agent, {
        companyName: `장애상사${n}`,
        contactName: '홍길동',
        phone: `010-5555-00${String(n).padStart(2, '0')}`,
        email,
      });
      leadsFiled.push({ id, email });
    };
    const readLead = async (id: string) =>
      (await fetch(`${server?.base}/api/v1/leads/${id}`, { headers: { authorization: backoffice } })).json();

    // No SMTP server configured: the brochures wait, with the reason; each callback is set as if its
    // brochure had gone out at filing, flagged as not sent.
    server = await startServerProcess(env);
    await file(1);
    await file(2);
    await expect
      .poll(async () => (await readLead(leadsFiled[0]?.id ?? '')).brochure.lastError, { timeout: 15_000 })
      .toContain('SMTP_URL');
    for (const lead of leadsFiled) {
      expect(await readLead(lead.id)).toMatchObject({
        brochure: { status: 'queued' },
        callback: { dueAt: expect.any(String), brochureNotSent: true },
      });
    }
    await server.kill('SIGTERM');

    // Configured now, but the SMTP server is down: every brochure is tried and retried with backoff.
    const smtpPort = await freePort();
    server = await startServerProcess({
      ...env,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      JOB_POLL_MS: '200',
    });
    await file(3);
    await file(4);
    await expect
      .poll(
        async () => {
          const brochures: Brochure[] = await Promise.all(
            leadsFiled.map(async (lead) => (await readLead(lead.id)).brochure),
          );
          return brochures.every((b) => b.attempts >= 1 && (b.lastError ?? '').includes('ECONNREFUSED'));
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    // The business team presses 소개서 다시 보내기 on one of them, twice.
    for (let i = 0; i < 2; i++) {
      const resend = await fetch(`${server.base}/api/v1/leads/${leadsFiled[0]?.id}/brochure/resend`, {
        method: 'POST',
        headers: { authorization: backoffice },
      });
      expect(resend.status).toBe(200);
    }

    smtp = await startSmtpServer(smtpPort);
    await expect
      .poll(
        async () =>
          (
            await Promise.all(leadsFiled.map(async (lead) => (await readLead(lead.id)).brochure.status))
          ).join(),
        // The longest wait is a retry's backoff (doubling from 2 s) reached while the server was down.
        { timeout: 90_000, interval: 250 },
      )
      .toBe('sent,sent,sent,sent');
    // The lead moves on (소개서 발송, callback due) in a job the sent mark enqueues, just after it.
    for (const lead of leadsFiled) {
      await expect
        .poll(
          async () => {
            const read = await readLead(lead.id);
            return (
              read.status === 'brochure-sent' &&
              read.callback.dueAt !== null &&
              !read.callback.brochureNotSent
            );
          },
          { timeout: 15_000, interval: 100 },
        )
        .toBe(true);
    }
    // Nothing is sent twice, however long the runners keep going.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const recipients = (smtp?.messages ?? []).map((message) => message.envelopeTo[0]).sort();
    expect(recipients).toEqual(leadsFiled.map((lead) => lead.email).sort());
  }, 240_000);
});
