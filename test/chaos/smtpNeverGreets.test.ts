import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../src/server/db/jobsSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLead } from '../helpers/fileSignUpLead.ts';
import { type SilentTcpServer, startSilentTcpServer } from '../helpers/startSilentTcpServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

// Short, as the test waits it out on each backend; long enough that the answers below, which must
// come before it fires (before the fix each waited for it), arrive in time on a loaded 2-CPU CI.
const SMTP_TIMEOUT_SECONDS = 4;

// Issue 10 item 1: the brochure job talked SMTP inside a database transaction, and PGlite runs one
// transaction at a time — an SMTP server that accepts and never greets froze every request until
// the SMTP timeout. The SMTP conversation now runs with no transaction open.
describe.each(testBackends())('an SMTP server that accepts and never greets, on $name', (backend) => {
  let silent: SilentTcpServer;
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    silent = await startSilentTcpServer();
    t = await buildTestApp(backend, {
      SMTP_URL: `smtp://127.0.0.1:${silent.port}`,
      SMTP_TIMEOUT_SECONDS: String(SMTP_TIMEOUT_SECONDS),
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    // Hung conversations end at once when the server goes, so closing the app does not wait them out.
    await silent?.stop();
    await t?.close();
  });

  it('keeps answering other requests while a brochure hangs, then fails that attempt and retries later', async () => {
    const agent = await t.userWithToken('agent');
    const backoffice = await t.userWithToken('backoffice');
    const firstLead = await fileSignUpLead(base, agent.headers.authorization, {
      companyName: '멈춘메일',
      contactName: '김멈춤',
      phone: '010-3456-7001',
      email: 'hung1@example.com',
    });
    // The brochure job is woken by the commit and is now waiting for a greeting that never comes.
    await expect.poll(() => silent.open(), { timeout: 10_000, interval: 20 }).toBe(1);

    const started = performance.now();
    const list = await fetch(`${base}/api/v1/transfers`, { headers: backoffice.headers });
    expect(list.status).toBe(200);
    const listMs = performance.now() - started;
    const secondLead = await fileSignUpLead(base, agent.headers.authorization, {
      companyName: '다음리드',
      contactName: '이다음',
      phone: '010-3456-7002',
      email: 'hung2@example.com',
    });
    const read = await fetch(`${base}/api/v1/leads/${secondLead}`, { headers: backoffice.headers });
    expect(read.status).toBe(200);
    const allMs = performance.now() - started;
    // Every answer came while the SMTP conversation still hung: no SMTP timeout had fired yet, so
    // nothing waited for one (before the fix, on PGlite, each request waited for the timeout).
    expect(silent.closed()).toBe(0);
    expect(listMs).toBeLessThan((SMTP_TIMEOUT_SECONDS * 1000) / 2);
    expect(allMs).toBeLessThan(SMTP_TIMEOUT_SECONDS * 1000);

    // The hung attempt ends at the greeting timeout as a failed attempt, and the job is retried later.
    const brochureOf = async (id: string) =>
      (await (await fetch(`${base}/api/v1/leads/${id}`, { headers: backoffice.headers })).json()).brochure;
    await expect
      .poll(async () => (await brochureOf(firstLead)).lastError ?? '', {
        timeout: (SMTP_TIMEOUT_SECONDS + 20) * 1000,
        interval: 200,
      })
      .toMatch(/ETIMEDOUT/);
    expect(await brochureOf(firstLead)).toMatchObject({ status: 'queued', attempts: 1 });
    const emailJobs = await t.ctx.database.db.select().from(jobs).where(eq(jobs.kind, 'email.send'));
    const retried = emailJobs.find((job) => job.attempts === 1 && job.lastError?.includes('ETIMEDOUT'));
    expect(retried?.doneAt).toBeNull();
    expect(retried?.failedAt).toBeNull();
    expect(retried?.runAt.getTime()).toBeGreaterThan(t.ctx.now().getTime());
  }, 90_000);
});
