import { readFileSync } from 'node:fs';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobs } from '../../src/server/db/jobsSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import { consentRecords } from '../../src/server/db/privacySchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const defaultBrochure = readFileSync('content/brochures/business-signup-brochure.pdf');
const leadPath = signUpLeadPath.history;
const declinedPath = [{ nodeId: 'q4-signup', answer: 'no' }];
const refusedPath = [
  { nodeId: 'q4-signup', answer: 'yes' },
  { nodeId: 'q4-consent', answer: 'refused' },
];

const intake = {
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-2345-6789',
  email: 'Buyer@Example.COM',
  businessNumber: '120-81-47521',
};

/** A tiny valid-looking PDF (header and EOF marker) of about `size` bytes. */
function fakePdf(marker: string, size = 200): Buffer {
  const head = `%PDF-1.4\n% ${marker}\n`;
  return Buffer.from(`${head}${'%'.repeat(Math.max(0, size - head.length - 6))}\n%%EOF\n`, 'latin1');
}

describe.each(testBackends())('sign-up leads on $name', (backend) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let agent: { id: string; headers: Headers };
  let backoffice: { id: string; headers: Headers };
  let supervisor: { id: string; headers: Headers };
  let admin: { id: string; headers: Headers };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp(backend, { SMTP_URL: smtp.url });
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** Starts and saves a Q4 consultation along `history`, as the console does. */
  async function completeQ4(
    history: Array<{ nodeId: string; answer: string }>,
    who = agent,
  ): Promise<string> {
    const lead = history.length === 3;
    return recordConsultation(t.app, who.headers, {
      channel: 'call',
      scriptId: 'q4',
      inquiryType: 6,
      history,
      record: lead
        ? {
            summary: '비즈니스 가입 문의',
            companyName: intake.companyName,
            contactName: intake.contactName,
            phone: intake.phone,
            inquiry: `이메일주소: ${intake.email}`,
            title: '[비즈니스] 비즈니스 가입 문의',
            body: 'ㄴ 기업명 : 이음상사',
          }
        : {
            summary: '비즈니스 가입 문의',
            title: '[비즈니스] 비즈니스 가입 문의',
            body: 'ㄴ 문의 내용 : 가입 문의, 접수 원하지 않음',
          },
    });
  }

  // Each consultation's lead is a customer of its own (a branch of the company: another company
  // name): a lead for a customer whose earlier lead is still open is a repeat — no brochure and no
  // callback of its own (repeatLeads.test.ts) — which these tests are not about.
  const companies = new Map<string, string>();
  const companyOf = (consultationId: string) => {
    const known = companies.get(consultationId);
    if (known) return known;
    const name =
      companies.size === 0 ? intake.companyName : `${intake.companyName} ${companies.size + 1}호점`;
    companies.set(consultationId, name);
    return name;
  };

  async function fileLead(consultationId: string, extra: Record<string, unknown> = {}, key?: string) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: { ...agent.headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload: { consultationId, ...intake, companyName: companyOf(consultationId), ...extra },
    });
  }

  async function counts() {
    const db = t.ctx.database.db;
    const [l] = await db.select({ n: count() }).from(leads);
    const [tr] = await db.select({ n: count() }).from(transfers);
    const [e] = await db
      .select({ n: count() })
      .from(emailOutbox)
      .where(sql`${emailOutbox.dedupeKey} like 'lead-brochure:%'`);
    return { leads: l?.n ?? 0, transfers: tr?.n ?? 0, emails: e?.n ?? 0 };
  }

  it('files the lead, its transfer and the brochure e-mail at once; the brochure arrives once with the PDF; the callback is due Monday 10:30', async () => {
    // Friday 17:30. The runner wakes on commit, so the brochure goes out at once, at this time.
    t.setNow('2026-11-20T17:30:00+09:00');
    const consultationId = await completeQ4(leadPath);
    const before = smtp.messages.length;
    const response = await fileLead(consultationId, {}, `lead-${backend.name}-1`);
    expect(response.statusCode, response.body).toBe(201);
    const lead = response.json();
    expect(lead).toMatchObject({
      status: 'new',
      statusLabel: '신규',
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-2345-6789',
      email: 'Buyer@example.com',
      businessNumber: '120-81-47521',
      consultationId,
      brochure: { status: 'queued' },
      // Due as if the brochure went out at filing (Monday 10:30), until it does.
      callback: { state: 'scheduled', dueAt: '2026-11-23T01:30:00.000Z', brochureNotSent: true },
    });
    expect(lead.number).toMatch(/^T-2026-\d{6}$/);
    expect(lead.consentRecordId).toBeTruthy();

    // A retried request with the same key files nothing new.
    const replay = await fileLead(consultationId, {}, `lead-${backend.name}-1`);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(lead.id);
    const again = await fileLead(consultationId);
    expect(again.statusCode).toBe(409);

    // The transfer is a lead in the business team's queue.
    const [transfer] = await t.ctx.database.db
      .select()
      .from(transfers)
      .where(eq(transfers.id, lead.transferId));
    expect(transfer).toMatchObject({ kind: 'lead', consultationId, status: 'received', inquiryType: 6 });
    const inQueue = await t.app.inject({
      url: `/api/v1/transfers/${lead.transferId}`,
      headers: backoffice.headers,
    });
    expect(inQueue.json()).toMatchObject({ kind: 'lead', leadId: lead.id });

    // Personal data at rest is encrypted: the lead row, the transfer and the outbox address.
    const [row] = await t.ctx.database.db.select().from(leads).where(eq(leads.id, lead.id));
    const [mail] = await t.ctx.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, row?.brochureEmailId ?? ''));
    const stored = JSON.stringify([row, transfer, mail?.toAddress, mail?.subject, mail?.text]);
    for (const clear of ['홍길동', '2345-6789', '23456789', 'Buyer@', 'buyer@'])
      expect(stored).not.toContain(clear);
    expect(row?.consentRecordId).toBe(lead.consentRecordId);
    // The shipped brochure is referred to, not copied into every e-mail row.
    expect(mail?.attachments).toEqual([
      {
        filename: '카카오T_비즈니스_가입_소개서.pdf',
        path: expect.stringMatching(/business-signup-brochure\.pdf$/),
        contentType: 'application/pdf',
        sizeBytes: defaultBrochure.length,
      },
    ]);

    await t.runJobs();
    await t.runJobs();
    const received = smtp.messages.slice(before);
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.envelopeTo).toEqual(['Buyer@example.com']);
    expect(message?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(message?.parsed.subject).toBe('[카카오 T 비즈니스] 이음상사 비즈니스 가입 소개서를 보내 드립니다');
    expect(message?.parsed.text).toContain('안녕하세요, 이음상사 담당자님.');
    expect(message?.parsed.text).toContain('담당 부서에서 연락드릴 때 말씀해 주시면');
    expect(message?.parsed.text).not.toContain('1644-7391');
    expect(message?.parsed.text).toContain(
      '담당 부서에서 소개서 발송 후 순차적으로 연락드릴 예정으로 시간이 소요될 수 있으니 양해 부탁드립니다.',
    );
    const attachment = message?.parsed.attachments[0];
    expect(attachment?.filename).toBe('카카오T_비즈니스_가입_소개서.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.content.equals(defaultBrochure)).toBe(true);

    const after = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })
    ).json();
    expect(after).toMatchObject({
      status: 'brochure-sent',
      contactName: '홍*동',
      phone: '010-****-6789',
      masked: true,
      brochure: { status: 'sent', attempts: 1, lastError: null, sentAt: '2026-11-20T08:30:00.000Z' },
      // 30 business minutes on Friday + 90 on Monday.
      callback: {
        state: 'scheduled',
        dueAt: '2026-11-23T01:30:00.000Z',
        attempts: 0,
        brochureNotSent: false,
      },
    });
  });

  it('refuses bad intake with a Korean message per field and stores nothing', async () => {
    const consultationId = await completeQ4(leadPath);
    const before = await counts();
    const bad = await fileLead(consultationId, {
      phone: '010-12',
      email: 'buyer@@example',
      businessNumber: '120-81-47522',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({
        where: '/phone',
        message: '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)',
        messageKey: 'common.invalidPhone',
      }),
      expect.objectContaining({ where: '/email', message: '이메일 주소 형식이 올바르지 않습니다' }),
      expect.objectContaining({
        where: '/businessNumber',
        message: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요',
      }),
    ]);
    const missing = await fileLead(consultationId, { companyName: ' ', email: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { where: string }) => e.where)).toEqual(['/companyName', '/email']);
    expect(await counts()).toEqual(before);
  });

  it('Q4-N and a refused consent store no personal data and file no lead', async () => {
    const before = await counts();
    for (const history of [declinedPath, refusedPath]) {
      const consultationId = await completeQ4(history);
      const refused = await fileLead(consultationId);
      expect(refused.statusCode).toBe(409);
      const [row] = await t.ctx.database.db
        .select()
        .from(consultations)
        .where(eq(consultations.id, consultationId));
      expect(row?.outcome).toBe('declined');
      expect(row?.callerNumber).toBeNull();
      expect(row?.personalIndex ?? []).toEqual([]);
      const fields = await t.app.inject({
        url: `/api/v1/consultations/${consultationId}`,
        headers: agent.headers,
      });
      expect(fields.json().record.body).not.toMatch(/이음상사|홍길동|010|@/);
      const consents = await t.ctx.database.db
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.consultationId, consultationId));
      expect(consents.every((consent) => !consent.agreed)).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a refused-consent record that writes the withheld details into its body instead, on /complete too', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    const id = started.json().id;
    const complete = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: {
        scriptId: 'q4',
        inquiryType: 6,
        history: refusedPath,
        record: {
          summary: '비즈니스 가입 문의',
          title: '[비즈니스] 비즈니스 가입 문의',
          body: `ㄴ 담당자 이름 : ${intake.contactName}\nㄴ 연락처 : ${intake.phone}`,
        },
      },
    });
    expect(complete.statusCode, complete.body).toBe(400);
    expect(complete.json().errors).toMatchObject([
      {
        where: '/record/body',
        messageKey: 'consultations.consentRefusedFields',
        params: { fields: '담당자 이름' },
      },
      {
        where: '/record/body',
        messageKey: 'consultations.consentRefusedFields',
        params: { fields: '연락처' },
      },
    ]);
    const [row] = await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row?.status).toBe('open');
    expect(row?.recordBody ?? null).toBeNull();
  });

  it('retries the brochure while SMTP is down and delivers it once after it returns; the lead shows why it waits', async () => {
    t.setNow('2026-11-25T10:00:00+09:00');
    const consultationId = await completeQ4(leadPath);
    await smtp.stop();
    const before = smtp.messages.length;
    const lead = (await fileLead(consultationId)).json();
    await t.runJobs();
    const waiting = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })
    ).json();
    expect(waiting.status).toBe('new');
    expect(waiting.brochure.status).toBe('queued');
    expect(waiting.brochure.attempts).toBe(1);
    expect(waiting.brochure.lastError).toBeTruthy();
    const email = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}/email`, headers: backoffice.headers })
    ).json();
    expect(email).toMatchObject({ status: 'queued', to: 'Bu***@example.com', attempts: 1 });
    expect(email.attachments).toEqual([
      {
        filename: '카카오T_비즈니스_가입_소개서.pdf',
        contentType: 'application/pdf',
        sizeBytes: defaultBrochure.length,
      },
    ]);

    await smtp.restart();
    t.advance(5_000);
    await t.runJobs();
    t.advance(60_000);
    await t.runJobs();
    t.advance(10 * 60_000);
    await t.runJobs();
    expect(smtp.messages.slice(before).map((m) => m.envelopeTo[0])).toEqual(['Buyer@example.com']);
    const sent = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })
    ).json();
    expect(sent.brochure).toMatchObject({ status: 'sent', lastError: null });
    expect(sent.status).toBe('brochure-sent');
    expect(sent.callback.state).toBe('scheduled');
  });

  it('reminds at the due time, takes callback outcomes, and moves new → brochure sent → called → won', async () => {
    t.setNow('2026-12-04T17:30:00+09:00'); // Friday
    const consultationId = await completeQ4(leadPath);
    const lead = (await fileLead(consultationId)).json();
    await t.runJobs();
    const scheduled = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })
    ).json();
    expect(scheduled.callback.dueAt).toBe('2026-12-07T01:30:00.000Z'); // Monday 10:30

    const events: LiveEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe((event) => events.push(event));
    t.setNow('2026-12-07T10:29:00+09:00');
    await t.runJobs();
    t.setNow('2026-12-07T10:30:00+09:00');
    await t.runJobs();
    await expect
      .poll(() => events.filter((e) => e.type === 'lead.callback-due' && e.data.leadId === lead.id).length, {
        timeout: 5_000,
      })
      .toBe(1);
    unsubscribe();

    const due = await t.app.inject({ url: '/api/v1/leads?callback=due', headers: backoffice.headers });
    expect(due.json().items.map((item: { id: string }) => item.id)).toContain(lead.id);
    expect(due.json().items.find((item: { id: string }) => item.id === lead.id).callback.state).toBe('due');

    const forbidden = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: agent.headers,
      payload: { outcome: 'reached' },
    });
    expect(forbidden.statusCode).toBe(403);

    // No answer at 17:00 Monday: the default retry is 120 business minutes later → Tuesday 10:00.
    t.setNow('2026-12-07T17:00:00+09:00');
    const noAnswer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: backoffice.headers,
      payload: { outcome: 'no-answer', note: '부재중' },
    });
    expect(noAnswer.statusCode, noAnswer.body).toBe(200);
    expect(noAnswer.json()).toMatchObject({
      status: 'brochure-sent',
      callback: { dueAt: '2026-12-08T01:00:00.000Z', attempts: 1 },
      lastOutcome: 'no-answer',
      firstCalledAt: '2026-12-07T08:00:00.000Z',
    });
    const pastRetry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: backoffice.headers,
      payload: { outcome: 'no-answer', retryAt: '2026-12-01T10:00:00+09:00' },
    });
    expect(pastRetry.statusCode).toBe(400);
    expect(pastRetry.json().errors[0].where).toBe('/retryAt');

    t.setNow('2026-12-08T10:05:00+09:00');
    const reached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: { ...backoffice.headers, 'accept-language': 'en' },
      payload: { outcome: 'reached', expectedStatus: 'brochure-sent' },
    });
    // The answer's own words follow the caller's language, as a read's do.
    expect(reached.json()).toMatchObject({
      status: 'called',
      statusLabel: 'Called',
      lastOutcomeLabel: 'Reached',
      callback: { state: 'none', dueAt: null },
    });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: backoffice.headers,
      payload: { outcome: 'reached', expectedStatus: 'brochure-sent' },
    });
    expect(stale.statusCode).toBe(409);
    const won = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: backoffice.headers,
      payload: { outcome: 'signed-up' },
    });
    expect(won.json()).toMatchObject({
      status: 'won',
      statusLabel: '가입',
      closedAt: '2026-12-08T01:05:00.000Z',
    });
    expect(won.json().callbacks.map((c: { outcome: string }) => c.outcome)).toEqual([
      'no-answer',
      'reached',
      'signed-up',
    ]);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/callback-outcome`,
      headers: backoffice.headers,
      payload: { outcome: 'not-interested' },
    });
    expect(closed.statusCode).toBe(409);
  });

  it('keeps leads to those who may read them, reveals with a logged reason, and exports masked or in clear', async () => {
    const mine = (await t.app.inject({ url: '/api/v1/leads?limit=200', headers: agent.headers })).json();
    expect(mine.total).toBeGreaterThan(0);
    const other = await t.userWithToken('agent');
    const theirs = (await t.app.inject({ url: '/api/v1/leads', headers: other.headers })).json();
    expect(theirs.total).toBe(0);
    const someone = mine.items[0].id;
    expect((await t.app.inject({ url: `/api/v1/leads/${someone}`, headers: other.headers })).statusCode).toBe(
      404,
    );

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/leads/${someone}/reveal`,
          headers: supervisor.headers,
          payload: { reason: '확인' },
        })
      ).statusCode,
    ).toBe(403);
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${someone}/reveal`,
      headers: backoffice.headers,
      payload: { reason: '가입 안내 OB 통화' },
    });
    expect(revealed.json()).toEqual({
      leadId: someone,
      contactName: '홍길동',
      phone: '010-2345-6789',
      email: 'Buyer@example.com',
      callbacks: [],
    });

    const masked = await t.app.inject({ url: '/api/v1/leads/export.csv', headers: supervisor.headers });
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-type']).toContain('text/csv');
    expect(masked.body).toContain('010-****-6789');
    expect(masked.body).not.toContain('010-2345-6789');
    const clear = await t.app.inject({
      url: '/api/v1/leads/export.csv?status=won',
      headers: backoffice.headers,
    });
    expect(clear.body).toContain('010-2345-6789');
    expect(clear.body.trim().split('\r\n')).toHaveLength(2);

    const log = (await t.app.inject({ url: '/api/v1/access-log?limit=20', headers: admin.headers })).json();
    const actions = log.items.map(
      (entry: { action: string; subject: string | null }) => `${entry.action} ${entry.subject}`,
    );
    expect(actions).toContain(`personal-data.reveal lead:${someone}`);
    expect(actions).toContain('lead.export leads');
    expect(actions).toContain('personal-data.export leads');
  });

  it('gives supervisors the funnel by status and week with median times', async () => {
    const funnel = await t.app.inject({
      url: '/api/v1/leads/funnel?from=2026-11-01&to=2026-12-31',
      headers: supervisor.headers,
    });
    expect(funnel.statusCode, funnel.body).toBe(200);
    const body = funnel.json();
    expect(body.total).toBe(body.weeks.reduce((sum: number, week: { filed: number }) => sum + week.filed, 0));
    expect(body.byStatus.won).toBe(1);
    expect(body.weeks.map((week: { weekStart: string }) => week.weekStart)).toContain('2026-11-16');
    expect(body.intakeToBrochure.count).toBeGreaterThanOrEqual(3);
    expect(body.intakeToFirstCall).toMatchObject({ count: 1 });
    const reversed = await t.app.inject({
      url: '/api/v1/leads/funnel?from=2026-12-31&to=2026-11-01',
      headers: supervisor.headers,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].where).toBe('querystring/from');
    expect((await t.app.inject({ url: '/api/v1/leads/funnel', headers: agent.headers })).statusCode).toBe(
      403,
    );
  });

  it('refuses a reversed range on the list and its exports at `from`, as the funnel does, not an empty page', async () => {
    const list = await t.app.inject({
      url: '/api/v1/leads?from=2026-12-31&to=2026-11-01',
      headers: backoffice.headers,
    });
    expect(list.statusCode, list.body).toBe(400);
    expect(list.json()).toMatchObject({
      messageKey: 'validation.fromAfterTo',
      errors: [expect.objectContaining({ where: 'querystring/from' })],
    });
    const exported = await t.app.inject({
      url: '/api/v1/leads/export.csv?from=2026-12-31&to=2026-11-01',
      headers: backoffice.headers,
    });
    expect(exported.statusCode, exported.body).toBe(400);
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/export.csv',
      headers: backoffice.headers,
      payload: { from: '2026-12-31', to: '2026-11-01', reason: '민원 회신 대상 확인' },
    });
    expect(posted.statusCode, posted.body).toBe(400);
    expect(posted.json().errors[0].where).toBe('body/from');
    // In order (and one day) it lists as before.
    for (const range of ['from=2026-11-01&to=2026-12-31', 'from=2026-11-25&to=2026-11-25']) {
      expect(
        (await t.app.inject({ url: `/api/v1/leads?${range}`, headers: backoffice.headers })).statusCode,
      ).toBe(200);
    }
  });

  it('sends a given-up brochure again with one action, once however often it is pressed, and refuses once sent', async () => {
    t.setNow('2026-11-25T11:00:00+09:00');
    const consultationId = await completeQ4(leadPath);
    await smtp.stop();
    const lead = (await fileLead(consultationId)).json();
    await t.runJobs();
    // As after its last attempt: the delivery gave up.
    const db = t.ctx.database.db;
    const [row] = await db.select().from(leads).where(eq(leads.id, lead.id));
    const outboxId = row?.brochureEmailId ?? '';
    await db.update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.id, outboxId));
    await db
      .update(jobs)
      .set({ failedAt: t.ctx.now(), lockedUntil: null })
      .where(and(eq(jobs.kind, 'email.send'), sql`${jobs.payload}->>'outboxId' = ${outboxId}`));
    const resend = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/brochure/resend`,
        headers: backoffice.headers,
      });
    expect(
      (await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })).json(),
    ).toMatchObject({ brochure: { status: 'failed' } });
    const agentTry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/brochure/resend`,
      headers: agent.headers,
    });
    expect(agentTry.statusCode).toBe(403);

    await smtp.restart();
    const before = smtp.messages.length;
    const [first, second] = [await resend(), await resend()];
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: lead.id, brochure: { status: 'queued', lastError: null } });
    expect(second.statusCode, second.body).toBe(200);
    const pending = await db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, 'email.send'),
          sql`${jobs.payload}->>'outboxId' = ${outboxId}`,
          isNull(jobs.doneAt),
          isNull(jobs.failedAt),
        ),
      );
    expect(pending.length).toBeLessThanOrEqual(1);
    await t.runJobs();
    await t.runJobs();
    expect(smtp.messages.slice(before).map((m) => m.envelopeTo[0])).toEqual(['Buyer@example.com']);
    const sent = (
      await t.app.inject({ url: `/api/v1/leads/${lead.id}`, headers: backoffice.headers })
    ).json();
    expect(sent).toMatchObject({ status: 'brochure-sent', brochure: { status: 'sent' } });
    expect(sent.callback.state).toBe('scheduled');
    const again = await resend();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ where: '/brochure' }] });
    expect(smtp.messages.length).toBe(before + 1);
    expect(t.log.filter((line) => line.includes('brochure e-mail resend requested')).length).toBe(2);
  });

  it('lets an admin replace the brochure with a PDF only; new e-mails attach it byte for byte', async () => {
    const pdf = fakePdf('replacement brochure', 4000);
    const asAgent = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure',
      headers: { ...agent.headers, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(asAgent.statusCode).toBe(403);
    const notPdf = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('<html>not a pdf</html>'),
    });
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().detail).toContain('PDF 파일이 아닙니다');
    const json = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure',
      headers: admin.headers,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure?fileName=brochure-2026.pdf',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      source: 'uploaded',
      fileName: 'brochure-2026.pdf',
      sizeBytes: pdf.length,
    });
    const download = await t.app.inject({ url: '/api/v1/admin/brochure/file', headers: backoffice.headers });
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const before = smtp.messages.length;
    const consultationId = await completeQ4(leadPath);
    const filed = await fileLead(consultationId);
    expect(filed.statusCode).toBe(201);
    // A newer upload while a sender holds the e-mail (its send began at the filing): it goes out
    // with the brochure it was being sent with. (Unsent ones take the newer: the suite without SMTP.)
    const [filedRow] = await t.ctx.database.db.select().from(leads).where(eq(leads.id, filed.json().id));
    const [queued] = await t.ctx.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, filedRow?.brochureEmailId ?? ''));
    expect(queued?.attachments).toEqual([
      expect.objectContaining({ brochureFileId: expect.any(String), sizeBytes: pdf.length }),
    ]);
    expect(JSON.stringify(queued?.attachments)).not.toContain(pdf.toString('base64').slice(0, 40));
    // The filing's send runs on its own, after the answer: upload once a sender holds the e-mail (or
    // has sent it), not before — an upload that came first would rightly re-point it.
    await expect
      .poll(
        async () => {
          const [row] = await t.ctx.database.db
            .select({ status: emailOutbox.status, claimed: emailOutbox.sendClaimedUntil })
            .from(emailOutbox)
            .where(eq(emailOutbox.id, queued?.id ?? ''));
          return row?.status !== 'queued' || row.claimed !== null;
        },
        { timeout: 10_000, interval: 5 },
      )
      .toBe(true);
    const newer = Buffer.concat([pdf, Buffer.from('\n% newer\n')]);
    const replaced = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure?fileName=brochure-2027.pdf',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: newer,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ reattachedUnsentEmails: 0 });
    await t.runJobs();
    const [message] = smtp.messages.slice(before);
    expect(message?.parsed.attachments[0]?.content.equals(pdf)).toBe(true);
  });
});

describe.each(testBackends())('sign-up leads without SMTP on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_BROCHURE_MAX_BYTES: '2048' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the brochure in the outbox, readable in the app, and refuses an oversized PDF', async () => {
    const agent = await t.userWithToken('agent');
    const backoffice = await t.userWithToken('backoffice');
    const admin = await t.userWithToken('admin');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'chat', guideId: 'business-inquiry' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.json().id}/complete`,
      headers: agent.headers,
      payload: {
        scriptId: 'q4',
        inquiryType: 6,
        history: leadPath,
        record: { summary: '가입 문의', title: '[비즈니스] 가입 문의', body: '가입 문의' },
      },
    });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: {
        consultationId: started.json().id,
        ...intake,
        phone: '02-123-4567',
        businessNumber: undefined,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ phone: '02-123-4567', businessNumber: null });
    await t.runJobs();
    const email = (
      await t.app.inject({ url: `/api/v1/leads/${filed.json().id}/email`, headers: backoffice.headers })
    ).json();
    expect(email).toMatchObject({
      status: 'queued',
      subject: '[카카오 T 비즈니스] 이음상사 비즈니스 가입 소개서를 보내 드립니다',
      lastError: 'SMTP_URL이 설정되지 않아 발송 대기 중입니다.',
    });
    expect(email.text).toContain('문의하신 비즈니스 가입 소개서를 첨부하여 보내 드립니다.');
    const lead = (
      await t.app.inject({ url: `/api/v1/leads/${filed.json().id}`, headers: backoffice.headers })
    ).json();
    expect(lead).toMatchObject({
      status: 'new',
      brochure: { status: 'queued' },
      callback: { state: 'scheduled', brochureNotSent: true },
    });

    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${filed.json().id}/brochure/resend`,
      headers: backoffice.headers,
    });
    expect(resend.statusCode).toBe(409);
    expect(resend.json().detail).toContain('SMTP_URL');

    const tooBig = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: fakePdf('big', 3000),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload-too-large', errors: [{ where: 'body' }] });
    // One byte over the limit reaches the app, which names the limit; the status is the same.
    const justOver = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: fakePdf('edge', 2048),
    });
    expect(justOver.statusCode).toBe(413);
    expect(justOver.json().detail).toContain('2KB 이하');

    // The real brochure uploaded after the lead (SMTP comes later on a new install): the e-mail
    // waiting to go attaches it, not the shipped sample it was queued with.
    expect(email.attachments).toEqual([expect.objectContaining({ sizeBytes: expect.any(Number) })]);
    const real = fakePdf('real brochure', 1500);
    const uploaded = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure?fileName=real.pdf',
      headers: { ...admin.headers, 'content-type': 'application/pdf', 'accept-language': 'en' },
      payload: real,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ fileName: 'real.pdf', reattachedUnsentEmails: 1 });
    const after = (
      await t.app.inject({ url: `/api/v1/leads/${filed.json().id}/email`, headers: backoffice.headers })
    ).json();
    expect(email.attachments[0].sizeBytes).not.toBe(real.length);
    expect(after.attachments).toEqual([
      expect.objectContaining({ filename: email.attachments[0].filename, sizeBytes: real.length }),
    ]);
  });
});
