import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobs } from '../../src/server/db/jobsSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Lead = {
  id: string;
  status: string;
  brochure: { status: string };
  callback: { state: string; dueAt: string | null; attempts: number; brochureNotSent: boolean };
};

/** Files a sign-up lead as the console does (Q4-Y saved, then the lead); answers the lead. */
const fileLead = (t: TestApp, agent: User, companyName: string): Promise<Lead> =>
  fileSignUpLeadInProcess<Lead>(t.app, agent.headers, companyName);

const readLead = async (t: TestApp, user: User, id: string): Promise<Lead> =>
  (await t.app.inject({ url: `/api/v1/leads/${id}`, headers: user.headers })).json();
const dueLeads = async (t: TestApp, user: User): Promise<Lead[]> =>
  (await t.app.inject({ url: '/api/v1/leads?callback=due&limit=200', headers: user.headers })).json().items;

describe.each(testBackends())(
  'a lead whose brochure cannot be sent still gets its callback, on $name',
  (backend) => {
    let t: TestApp;
    let agent: User;
    let handler: User;
    const live: LiveEvent[] = [];

    beforeAll(async () => {
      // No SMTP server configured: every brochure waits in the outbox.
      t = await buildTestApp(backend);
      agent = await t.userWithToken('agent');
      handler = await t.userWithToken('backoffice');
      t.ctx.events.subscribe((event) => live.push(event));
    });
    afterAll(async () => {
      await t?.close();
    });

    it('is due when it would be had the mail gone at filing, in business hours, flagged 소개서 미발송, and stays in D until called', async () => {
      t.setNow('2026-12-04T17:30:00+09:00'); // Friday
      const filed = await fileLead(t, agent, '누리테크');
      expect(filed).toMatchObject({
        status: 'new',
        brochure: { status: 'queued' },
        // 30 business minutes on Friday and 90 on Monday, as after a brochure sent then.
        callback: { state: 'scheduled', dueAt: '2026-12-07T01:30:00.000Z', brochureNotSent: true },
      });
      await t.runJobs(); // the mail is tried and waits for SMTP
      expect((await readLead(t, handler, filed.id)).brochure.status).toBe('queued');
      expect((await dueLeads(t, handler)).map((lead) => lead.id)).not.toContain(filed.id);

      t.setNow('2026-12-07T10:30:00+09:00');
      await t.runJobs();
      await expect
        .poll(() => live.filter((e) => e.type === 'lead.callback-due' && e.data.leadId === filed.id).length, {
          timeout: 5_000,
        })
        .toBe(1);
      const due = (await dueLeads(t, handler)).find((lead) => lead.id === filed.id);
      expect(due).toMatchObject({ status: 'new', callback: { state: 'due', brochureNotSent: true } });

      // A day later, still unsent and uncalled: still listed, late.
      t.setNow('2026-12-08T13:05:00+09:00');
      const late = (await dueLeads(t, handler)).find((lead) => lead.id === filed.id);
      expect(late?.callback).toMatchObject({ state: 'overdue', brochureNotSent: true });

      // The team calls: 부재중 sets the next try as always, still flagged while the mail has not gone.
      const noAnswer = await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${filed.id}/callback-outcome`,
        headers: handler.headers,
        payload: { outcome: 'no-answer' },
      });
      expect(noAnswer.statusCode, noAnswer.body).toBe(200);
      expect(noAnswer.json().callback).toMatchObject({
        state: 'scheduled',
        attempts: 1,
        brochureNotSent: true,
      });
    });

    it('is due all the same when the brochure e-mail was given up', async () => {
      t.setNow('2026-12-09T10:00:00+09:00'); // Wednesday
      const filed = await fileLead(t, agent, '가온상사');
      await t.runJobs();
      // As after its last attempt: the delivery gave up.
      const db = t.ctx.database.db;
      const [row] = await db.select().from(leads).where(eq(leads.id, filed.id));
      const outboxId = row?.brochureEmailId ?? '';
      await db.update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.id, outboxId));
      await db
        .update(jobs)
        .set({ failedAt: t.ctx.now(), lockedUntil: null })
        .where(and(eq(jobs.kind, 'email.send'), sql`${jobs.payload}->>'outboxId' = ${outboxId}`));

      t.setNow('2026-12-09T12:00:00+09:00');
      const due = (await dueLeads(t, handler)).find((lead) => lead.id === filed.id);
      expect(due).toMatchObject({
        brochure: { status: 'failed' },
        callback: { state: 'due', dueAt: '2026-12-09T03:00:00.000Z', brochureNotSent: true },
      });
    });
  },
);

describe.each(testBackends())('a brochure that goes out late, on $name', (backend) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let agent: User;
  let handler: User;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp(backend, { SMTP_URL: smtp.url });
    agent = await t.userWithToken('agent');
    handler = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('moves the callback to the delay after the sending, unless the team has already tried a call', async () => {
    t.setNow('2026-12-07T10:00:00+09:00'); // Monday
    await smtp.stop();
    const waiting = await fileLead(t, agent, '다온기업');
    const tried = await fileLead(t, agent, '라온물산');
    await t.runJobs(); // both mails fail to connect and wait for a retry
    expect((await readLead(t, handler, waiting.id)).callback).toMatchObject({
      dueAt: '2026-12-07T03:00:00.000Z',
      brochureNotSent: true,
    });
    t.setNow('2026-12-07T12:10:00+09:00');
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${tried.id}/callback-outcome`,
      headers: handler.headers,
      payload: { outcome: 'no-answer', retryAt: '2026-12-08T11:00:00+09:00' },
    });
    expect(retry.statusCode, retry.body).toBe(200);

    // SMTP is back at 14:00 and the team sends both again.
    await smtp.restart();
    t.setNow('2026-12-07T14:00:00+09:00');
    for (const lead of [waiting, tried]) {
      const resent = await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/brochure/resend`,
        headers: handler.headers,
      });
      expect(resent.statusCode, resent.body).toBe(200);
    }
    await t.runJobs();
    await t.runJobs();

    // Sent at 14:00: the customer gets the delay to read it, so the callback is due at 16:00.
    expect(await readLead(t, handler, waiting.id)).toMatchObject({
      status: 'brochure-sent',
      brochure: { status: 'sent' },
      callback: { state: 'scheduled', dueAt: '2026-12-07T07:00:00.000Z', brochureNotSent: false },
    });
    // The retry time the team chose stands.
    expect(await readLead(t, handler, tried.id)).toMatchObject({
      status: 'brochure-sent',
      callback: { dueAt: '2026-12-08T02:00:00.000Z', attempts: 1, brochureNotSent: false },
    });
  });
});
