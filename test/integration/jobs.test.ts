import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, events, jobs } from '../../src/server/db/jobsSchema.ts';
import { webhookDeliveries, webhookSubscriptions } from '../../src/server/db/transferSchema.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { publishEvent } from '../../src/server/events/publishEvent.ts';
import { enqueueJob } from '../../src/server/jobs/enqueueJob.ts';
import { registerJobHandler } from '../../src/server/jobs/jobHandlers.ts';
import { startJobRunner } from '../../src/server/jobs/startJobRunner.ts';
import { emailOutboxRepository } from '../../src/server/repositories/emailOutboxRepository.ts';
import { queueEmail } from '../../src/server/services/email/queueEmail.ts';
import { pruneOperationalRows } from '../../src/server/services/housekeeping/pruneOperationalRows.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const pdf = Buffer.from('%PDF-1.4\n% ieum test brochure\n%%EOF\n');

describe.each(testBackends())('jobs, outbox and events on $name', (backend) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp(backend, { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers a queued e-mail over SMTP once, with a Korean subject and the attachment', async () => {
    const db = t.ctx.database.db;
    const before = smtp.messages.length;
    const queued = await db.transaction((tx) =>
      queueEmail(tx, t.ctx.fieldCodec, {
        to: 'buyer@example.com',
        subject: '[카카오 T 비즈니스] 가입 소개서를 보내 드립니다',
        text: '안녕하세요. 비즈니스 가입 소개서를 첨부합니다.',
        attachments: [
          {
            filename: '비즈니스_가입_소개서.pdf',
            contentBase64: pdf.toString('base64'),
            contentType: 'application/pdf',
          },
        ],
        dedupeKey: `test-${backend.name}-1`,
        queuedAt: t.ctx.now(),
      }),
    );
    const again = await queueEmail(db, t.ctx.fieldCodec, {
      to: 'buyer@example.com',
      subject: 'x',
      text: 'x',
      dedupeKey: `test-${backend.name}-1`,
      queuedAt: t.ctx.now(),
    });
    expect(again).toEqual({ id: queued.id, created: false });
    await t.runJobs();
    await t.runJobs();
    const received = smtp.messages.slice(before);
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.envelopeTo).toEqual(['buyer@example.com']);
    expect(message?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(message?.parsed.subject).toBe('[카카오 T 비즈니스] 가입 소개서를 보내 드립니다');
    expect(message?.parsed.text).toContain('가입 소개서를 첨부합니다');
    expect(message?.parsed.attachments[0]?.filename).toBe('비즈니스_가입_소개서.pdf');
    expect(message?.parsed.attachments[0]?.content.equals(pdf)).toBe(true);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, queued.id));
    expect(row?.status).toBe('sent');
  });

  it('retries while the SMTP server is down and delivers once after it returns', async () => {
    const db = t.ctx.database.db;
    await smtp.stop();
    const before = smtp.messages.length;
    const queued = await queueEmail(db, t.ctx.fieldCodec, {
      to: 'later@example.com',
      subject: '재시도',
      text: '본문',
      dedupeKey: `test-${backend.name}-2`,
      queuedAt: t.ctx.now(),
    });
    await t.runJobs();
    const [failed] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, queued.id));
    expect(failed?.status).toBe('queued');
    expect(failed?.lastError).toBeTruthy();
    await smtp.restart();
    await t.runJobs(); // backoff not elapsed on the test clock: nothing happens yet
    expect(smtp.messages.length).toBe(before);
    t.advance(5_000);
    await t.runJobs();
    t.advance(60_000);
    await t.runJobs();
    expect(smtp.messages.slice(before).map((m) => m.envelopeTo[0])).toEqual(['later@example.com']);
  });

  it('leaves an e-mail another sender is sending alone, and sends one whose sender died again with the same Message-ID', async () => {
    const db = t.ctx.database.db;
    const before = smtp.messages.length;
    // Another worker claimed it and is talking SMTP — then its process is killed. (Queued and
    // claimed in one transaction, so this runner, woken on commit, finds it claimed already.)
    const { queued, other } = await db.transaction(async (tx) => {
      const queued = await queueEmail(tx, t.ctx.fieldCodec, {
        to: 'claimed@example.com',
        subject: '발송 중',
        text: '본문',
        dedupeKey: `test-${backend.name}-claimed`,
        queuedAt: t.ctx.now(),
      });
      const other = await emailOutboxRepository.claimForSending(tx, t.ctx.fieldCodec, {
        id: queued.id,
        by: 'killed-worker',
        now: t.ctx.now(),
        until: new Date(t.ctx.now().getTime() + 30_000),
      });
      return { queued, other };
    });
    expect(other).toMatchObject({ kind: 'claimed', interrupted: false });
    await t.runJobs();
    expect(smtp.messages.length).toBe(before);
    const [waiting] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, queued.id));
    expect(waiting).toMatchObject({ status: 'queued', sendClaimedBy: 'killed-worker' });
    // Its claim lapses; the retried job sends the mail, with the Message-ID of the cut-off attempt.
    t.advance(31_000);
    await t.runJobs();
    const received = smtp.messages.slice(before);
    expect(received.map((m) => m.envelopeTo[0])).toEqual(['claimed@example.com']);
    expect(received[0]?.parsed.messageId).toBe(waiting?.messageId);
    const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, queued.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sendClaimedUntil: null, sendClaimedBy: null });
    expect(t.log.some((line) => line.includes('was cut off and may have been delivered'))).toBe(true);
    t.advance(60_000);
    await t.runJobs();
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('runs each job once even with two runners competing', async () => {
    const db = t.ctx.database.db;
    const seen: string[] = [];
    registerJobHandler('test.count', async (_ctx, job) => {
      seen.push(String(job.payload.n));
      await new Promise((resolve) => setTimeout(resolve, 2));
    });
    for (let n = 0; n < 30; n++) await enqueueJob(db, { kind: 'test.count', payload: { n } });
    const other = await startJobRunner(t.ctx, { pollMs: 60_000 });
    await Promise.all([t.runJobs(), other.runDue(), t.runJobs(), other.runDue()]);
    await other.stop();
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, n) => String(n)).sort());
    const pending = await db.select().from(jobs).where(eq(jobs.kind, 'test.count'));
    expect(pending.every((job) => job.doneAt !== null)).toBe(true);
  });

  it('keeps the lease of a job that runs longer than the lease, so no other runner runs it too', async () => {
    const db = t.ctx.database.db;
    let runs = 0;
    registerJobHandler('test.slow', async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    });
    // Runners on the real clock with a 300 ms lease; the job is due by that clock only, not by the
    // test app's (earlier) clock, so the app's own runner leaves it alone.
    const realClock = { ...t.ctx, now: () => new Date() };
    await enqueueJob(db, { kind: 'test.slow', payload: {}, runAt: new Date(Date.now() - 1_000) });
    const first = await startJobRunner(realClock, { pollMs: 60_000, leaseMs: 300 });
    const second = await startJobRunner(realClock, { pollMs: 60_000, leaseMs: 300 });
    const working = first.runDue();
    await expect.poll(() => runs, { interval: 10 }).toBe(1);
    // While the first works, the second keeps looking, past several lease lengths.
    for (let i = 0; i < 8; i++) {
      await second.runDue();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await working;
    await first.stop();
    await second.stop();
    expect(runs).toBe(1);
    const [row] = await db.select().from(jobs).where(eq(jobs.kind, 'test.slow'));
    expect(row).toMatchObject({ attempts: 1, lockedUntil: null });
    expect(row?.doneAt).not.toBeNull();
  });

  it('gives up on a job after its attempts, and dedupes enqueues by key', async () => {
    const db = t.ctx.database.db;
    registerJobHandler('test.fail', async () => {
      throw new Error('boom');
    });
    const first = await enqueueJob(db, {
      kind: 'test.fail',
      payload: {},
      maxAttempts: 2,
      dedupeKey: `fail-${backend.name}`,
    });
    const second = await enqueueJob(db, {
      kind: 'test.fail',
      payload: {},
      dedupeKey: `fail-${backend.name}`,
    });
    expect(second).toEqual({ id: first.id, created: false });
    await t.runJobs();
    t.advance(10_000);
    await t.runJobs();
    const [row] = await db.select().from(jobs).where(eq(jobs.id, first.id));
    expect(row?.attempts).toBe(2);
    expect(row?.failedAt).not.toBeNull();
    expect(row?.lastError).toBe('boom');
  });

  it('fans a committed event out to subscribers, and a rolled-back one to nobody', async () => {
    const received: LiveEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe((event) => received.push(event));
    await t.ctx.database.db
      .transaction(async (tx) => {
        await publishEvent(tx, { type: 'test.rolled-back', data: {} });
        throw new Error('rollback');
      })
      .catch(() => {});
    await t.ctx.database.db.transaction((tx) => publishEvent(tx, { type: 'test.committed', data: { n: 1 } }));
    await expect.poll(() => received.map((e) => e.type), { timeout: 5_000 }).toContain('test.committed');
    unsubscribe();
    const id = received.find((e) => e.type === 'test.committed')?.id ?? 0;
    expect(received.map((e) => e.type)).not.toContain('test.rolled-back');
    expect(received.find((e) => e.id === id)?.data).toEqual({ n: 1 });
    const missed = await t.ctx.events.since(id - 1);
    expect(missed.map((e) => e.id)).toEqual([id]);
  });

  it('prunes live events older than a week and finished jobs older than a month, keeping recent ones', async () => {
    const db = t.ctx.database.db;
    const now = t.ctx.now().getTime();
    const day = 24 * 60 * 60_000;
    const [old] = await db
      .insert(events)
      .values({ type: 'test.old', data: {}, at: new Date(now - 8 * day) })
      .returning({ id: events.id });
    const [recent] = await db
      .insert(events)
      .values({ type: 'test.recent', data: {}, at: new Date(now - 6 * day) })
      .returning({ id: events.id });
    const [oldJob] = await db
      .insert(jobs)
      .values({
        kind: 'test.done',
        payload: {},
        runAt: new Date(now - 40 * day),
        doneAt: new Date(now - 31 * day),
      })
      .returning({ id: jobs.id });
    const [pendingJob] = await db
      .insert(jobs)
      .values({ kind: 'test.pending', payload: {}, runAt: new Date(now + 40 * day) })
      .returning({ id: jobs.id });
    const [subscription] = await db
      .insert(webhookSubscriptions)
      .values({ url: 'http://127.0.0.1:9/hook', secret: 'x', eventTypes: ['transfer.filed'] })
      .returning({ id: webhookSubscriptions.id });
    const [oldDelivery, pendingDelivery] = await db
      .insert(webhookDeliveries)
      .values([
        {
          subscriptionId: subscription?.id ?? '',
          eventType: 'transfer.filed',
          body: '{}',
          status: 'delivered',
          createdAt: new Date(now - 31 * day),
        },
        {
          subscriptionId: subscription?.id ?? '',
          eventType: 'transfer.filed',
          body: '{}',
          createdAt: new Date(now - 31 * day),
        },
      ])
      .returning({ id: webhookDeliveries.id });
    const pruned = await pruneOperationalRows(t.ctx);
    // The delivery log (bodies may name customers) is the retention purge's, in the same job.
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(pruned.events).toBeGreaterThanOrEqual(1);
    const leftEvents = (await db.select({ id: events.id }).from(events)).map((row) => row.id);
    expect(leftEvents).not.toContain(old?.id);
    expect(leftEvents).toContain(recent?.id);
    const leftJobs = (await db.select({ id: jobs.id }).from(jobs)).map((row) => row.id);
    expect(leftJobs).not.toContain(oldJob?.id);
    expect(leftJobs).toContain(pendingJob?.id);
    const leftDeliveries = (await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).map(
      (row) => row.id,
    );
    expect(leftDeliveries).not.toContain(oldDelivery?.id);
    expect(leftDeliveries).toContain(pendingDelivery?.id);
    await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscription?.id ?? ''));
    await db.delete(jobs).where(eq(jobs.id, pendingJob?.id ?? ''));
  });
});
