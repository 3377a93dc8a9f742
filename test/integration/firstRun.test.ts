import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstRunChecklist } from '../../src/contract/firstRun/firstRunChecklistSchema.ts';
import { emailOutbox } from '../../src/server/db/jobsSchema.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { transferInquiryTypes } from '../../src/server/services/transfers/transferInquiryTypes.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const stateOf = (checklist: FirstRunChecklist, id: FirstRunChecklist['steps'][number]['id']) =>
  checklist.steps.find((step) => step.id === id)?.state;

// A small valid PDF: the header and an end-of-file marker are what the upload checks.
const uploadedPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe.each(testBackends())('first-run checklist on $name', (backend) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: User;
  const guides = twoGuidesDir();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Two guides: "every inquiry type" means every type of every loaded guide, whatever their number.
    t = await buildTestApp(backend, { SMTP_URL: smtp.url, IEUM_GUIDES_DIR: guides.dir });
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    guides.remove();
  });

  const inject = (user: User, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  const checklist = async (): Promise<FirstRunChecklist> => {
    const response = await inject(admin, 'GET', '/api/v1/first-run');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('starts with every step to do on a fresh install, each with the facts behind it', async () => {
    const fresh = await checklist();
    expect(fresh.complete).toBe(false);
    expect(fresh.remaining).toBe(5);
    expect(fresh.steps.map((step) => step.id)).toEqual([
      'business-team',
      'transfer-assignees',
      'smtp',
      'brochure',
      'closures',
    ]);
    const types = transferInquiryTypes(t.ctx);
    expect(new Set(types.map((type) => type.guideId)).size).toBe(2);
    expect(fresh.steps).toContainEqual(
      expect.objectContaining({
        id: 'transfer-assignees',
        state: 'to-do',
        typesTotal: types.length,
        typesAssigned: 0,
      }),
    );
    expect(fresh.steps).toContainEqual(
      expect.objectContaining({ id: 'smtp', state: 'to-do', configured: true, lastTestMail: null }),
    );
    // The SMTP server is named without its credentials.
    expect(fresh.steps.find((step) => step.id === 'smtp')).toMatchObject({ server: smtp.url });
    expect(fresh.steps).toContainEqual(
      expect.objectContaining({ id: 'brochure', state: 'to-do', source: 'default' }),
    );
  });

  it('is for admins only', async () => {
    for (const role of ['agent', 'backoffice', 'supervisor'] as const) {
      const user = await t.userWithToken(role);
      expect((await inject(user, 'GET', '/api/v1/first-run')).statusCode).toBe(403);
      const bulk = await inject(user, 'PUT', '/api/v1/transfer-settings/assignees', {
        assignees: [{ userId: admin.id }],
      });
      expect(bulk.statusCode).toBe(403);
    }
  });

  it('bulk-assigns one member to every type of every guide at once; the next transfer of any type is assigned', async () => {
    const member = await t.userWithToken('backoffice', `bulk.member.${Date.now()}@ieum.test`);
    const assigned = await inject(admin, 'PUT', '/api/v1/transfer-settings/assignees', {
      assignees: [{ userId: member.id }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    for (const type of assigned.json().types) {
      expect(type.assignees).toEqual([expect.objectContaining({ userId: member.id, onDuty: true })]);
      expect(type.nextAssignee).toMatchObject({ id: member.id });
    }
    const after = await checklist();
    expect(stateOf(after, 'business-team')).toBe('done');
    expect(stateOf(after, 'transfer-assignees')).toBe('done');

    // The next transfer filed, of the last type of the second guide, is assigned (not 미배정).
    const agent = await t.userWithToken('agent');
    const last = transferInquiryTypes(t.ctx).at(-1);
    if (!last) throw new Error('no inquiry types');
    const filed = await inject(agent, 'POST', '/api/v1/transfers', {
      guideId: last.guideId,
      inquiryType: last.number,
      channel: 'call',
      companyName: '이음물산',
      contactName: '홍길동',
      phone: '010-2345-6789',
      inquiry: '담당자 일괄 지정 확인',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().assignee).toMatchObject({ id: member.id });

    // The change is audited like the per-type edit.
    const log = await inject(admin, 'GET', '/api/v1/access-log?action=transfer-settings.updated');
    expect(log.json().items).toContainEqual(
      expect.objectContaining({
        action: 'transfer-settings.updated',
        actor: expect.objectContaining({ id: admin.id }),
        detail: expect.objectContaining({ bulk: true }),
      }),
    );
  });

  it('adds a member to selected types only, keeping the others and their rotation', async () => {
    const second = await t.userWithToken('backoffice');
    const types = transferInquiryTypes(t.ctx);
    const first = types[0];
    if (!first) throw new Error('no inquiry types');
    const before = (await inject(admin, 'GET', '/api/v1/transfer-settings')).json();
    const added = await inject(admin, 'PUT', '/api/v1/transfer-settings/assignees', {
      assignees: [{ userId: second.id, onDuty: false }],
      types: [{ guideId: first.guideId, inquiryType: first.number }],
      mode: 'add',
    });
    expect(added.statusCode, added.body).toBe(200);
    const rows = added.json().types as Array<{
      guideId: string;
      inquiryType: number;
      assignees: Array<{ userId: string; onDuty: boolean }>;
      sla: unknown;
    }>;
    const changed = rows.find((row) => row.guideId === first.guideId && row.inquiryType === first.number);
    expect(changed?.assignees.map((member) => [member.userId, member.onDuty])).toEqual([
      [before.types[0].assignees[0].userId, true],
      [second.id, false],
    ]);
    // Every other type is as it was, SLA included.
    for (const row of rows.filter((candidate) => candidate !== changed)) {
      const was = before.types.find(
        (candidate: { guideId: string; inquiryType: number }) =>
          candidate.guideId === row.guideId && candidate.inquiryType === row.inquiryType,
      );
      expect(row.assignees).toEqual(was.assignees);
      expect(row.sla).toEqual(was.sla);
    }
  });

  it('refuses bad input with every problem named, in the caller language, and writes nothing', async () => {
    const agent = await t.userWithToken('agent');
    const before = (await inject(admin, 'GET', '/api/v1/transfer-settings')).body;
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/transfer-settings/assignees',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: {
        assignees: [{ userId: agent.id }, { userId: admin.id }, { userId: admin.id }],
        types: [{ inquiryType: 999 }, { guideId: 'no-such-guide', inquiryType: 1 }],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors.map((error: { where: string }) => error.where).sort()).toEqual(
      ['/assignees/0/userId', '/assignees/2/userId', '/types/0/inquiryType', '/types/1/guideId'].sort(),
    );
    expect(
      problem.errors.find((error: { where: string }) => error.where === '/assignees/0/userId').message,
    ).toBe('Only active business-team (back-office) or admin accounts can be assignees');
    // Korean by default.
    const korean = await inject(admin, 'PUT', '/api/v1/transfer-settings/assignees', {
      assignees: [{ userId: agent.id }],
    });
    expect(korean.statusCode).toBe(400);
    expect(korean.json().errors[0].message).toContain('비즈니스팀');
    // Schema-level refusal (an empty rotation) is a 400 too, never a 500.
    const empty = await inject(admin, 'PUT', '/api/v1/transfer-settings/assignees', { assignees: [] });
    expect(empty.statusCode).toBe(400);
    expect((await inject(admin, 'GET', '/api/v1/transfer-settings')).body).toBe(before);
  });

  it('sends the SMTP test mail through the outbox to the loopback server; the step is done once it is delivered', async () => {
    const queued = await inject(admin, 'POST', '/api/v1/first-run/test-mail', { to: 'it.admin@ieum.test' });
    expect(queued.statusCode, queued.body).toBe(202);
    const smtpStep = queued.json().steps.find((step: { id: string }) => step.id === 'smtp');
    expect(smtpStep).toMatchObject({
      state: 'to-do',
      lastTestMail: { status: 'queued', to: 'it***@ieum.test' },
    });

    const before = smtp.messages.length;
    await t.runJobs();
    // The assignee's mail of the transfer filed earlier goes out in the same run; the test mail is one mail.
    const received = smtp.messages
      .slice(before)
      .filter((message) => message.envelopeTo.includes('it.admin@ieum.test'));
    expect(received).toHaveLength(1);
    expect(received[0]?.parsed.subject).toBe('[ieum] SMTP 테스트 메일 / [ieum] SMTP test mail');

    const after = await checklist();
    expect(after.steps.find((step) => step.id === 'smtp')).toMatchObject({
      state: 'done',
      lastTestMail: { status: 'sent', sentAt: expect.any(String) },
    });
    const bad = await inject(admin, 'POST', '/api/v1/first-run/test-mail', { to: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].where).toContain('to');
  });

  it('is done for the brochure only once a real one is uploaded, and for closures once reviewed', async () => {
    const uploaded = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/brochure?fileName=%EC%86%8C%EA%B0%9C%EC%84%9C.pdf',
      headers: { ...admin.headers, 'content-type': 'application/pdf' },
      payload: uploadedPdf,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(stateOf(await checklist(), 'brochure')).toBe('done');

    // Only the closures are marked reviewed by hand; other steps are refused, naming the field.
    const notReviewable = await inject(admin, 'PATCH', '/api/v1/first-run/steps/smtp', { reviewed: true });
    expect(notReviewable.statusCode).toBe(400);
    expect(notReviewable.json().errors).toEqual([expect.objectContaining({ where: '/reviewed' })]);
    const emptyChange = await inject(admin, 'PATCH', '/api/v1/first-run/steps/closures', {});
    expect(emptyChange.statusCode).toBe(400);
    const unknownStep = await inject(admin, 'PATCH', '/api/v1/first-run/steps/nothing', { skipped: true });
    expect(unknownStep.statusCode).toBe(400);

    const reviewed = await inject(admin, 'PATCH', '/api/v1/first-run/steps/closures', { reviewed: true });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const done: FirstRunChecklist = reviewed.json();
    expect(done.steps.every((step) => step.state === 'done')).toBe(true);
    expect(done).toMatchObject({ remaining: 0, complete: true });
  });

  it('lets a step be skipped and the skip taken back; a step whose data goes away is to do again', async () => {
    // The only business-team members are disabled: the step is no longer done.
    const users = (await inject(admin, 'GET', '/api/v1/users')).json().items as Array<{
      id: string;
      role: string;
    }>;
    const members = users.filter((user) => user.role === 'backoffice');
    for (const member of members)
      await inject(admin, 'PATCH', `/api/v1/users/${member.id}`, { disabled: true });
    const without = await checklist();
    expect(stateOf(without, 'business-team')).toBe('to-do');
    // Their rotations are left with no one on duty.
    expect(stateOf(without, 'transfer-assignees')).toBe('to-do');
    expect(without.complete).toBe(false);

    const skipped = await inject(admin, 'PATCH', '/api/v1/first-run/steps/business-team', { skipped: true });
    expect(skipped.json().steps[0]).toMatchObject({ state: 'skipped', skippedAt: expect.any(String) });
    await inject(admin, 'PATCH', '/api/v1/first-run/steps/transfer-assignees', { skipped: true });
    expect(await checklist()).toMatchObject({ remaining: 0, complete: true });

    const back = await inject(admin, 'PATCH', '/api/v1/first-run/steps/business-team', { skipped: false });
    expect(back.json()).toMatchObject({ complete: false, remaining: 1 });
    const log = await inject(admin, 'GET', '/api/v1/access-log?action=first-run.step-updated');
    expect(log.json().items.length).toBeGreaterThanOrEqual(4);
  });

  it('purges test mails and staff notices a month after queuing; the latest test mail keeps only its delivery record', async () => {
    const db = t.ctx.database.db;
    const day = 86_400_000;
    const sendTestMail = async (to: string) => {
      const queued = await inject(admin, 'POST', '/api/v1/first-run/test-mail', { to });
      expect(queued.statusCode, queued.body).toBe(202);
      await t.runJobs();
    };
    const outboxRow = async (address: string) =>
      (await readOutbox(t.ctx)).find((mail) => mail.toAddress === address);
    // A sign-up lead's brochure e-mail: it follows its lead (kept for the consent's years).
    const agent = await t.userWithToken('agent');
    const started = await inject(agent, 'POST', '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
    });
    const collected = {
      companyName: '보관상사',
      contactName: '홍길동',
      phone: '010-3456-7890',
      email: 'buyer.keep@example.com',
    };
    const finished = await inject(agent, 'POST', `/api/v1/consultations/${started.json().id}/finish`, {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: collected.companyName,
        contactName: collected.contactName,
        phone: collected.phone,
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: `ㄴ 기업명 : ${collected.companyName}`,
      },
      collected,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    await sendTestMail('first.test@ieum.test');
    // A staff notice: the agent mentions a business-team member on a transfer they filed.
    const member = await t.userWithToken('backoffice');
    const memberName = (await inject(admin, 'GET', '/api/v1/users'))
      .json()
      .items.find((user: { id: string }) => user.id === member.id).name;
    const transfer = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      phone: '010-2222-3333',
      inquiry: '보관 기간 확인',
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    const mention = await inject(agent, 'POST', `/api/v1/transfers/${transfer.json().id}/comments`, {
      body: `@${memberName} 확인 부탁드립니다`,
    });
    expect(mention.statusCode, mention.body).toBe(201);
    await t.runJobs();
    const notices = (await readOutbox(t.ctx)).filter((mail) => mail.dedupeKey.startsWith('transfer:'));
    expect(notices.map((mail) => mail.toAddress)).toContain(member.email);

    t.advance(20 * day);
    await sendTestMail('second.test@ieum.test');
    await sendTestMail('latest.test@ieum.test');
    t.advance(11 * day);
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    // Past the month: the superseded test mail and the staff notices are gone.
    expect(await outboxRow('first.test@ieum.test')).toBeUndefined();
    const left = new Set((await readOutbox(t.ctx)).map((mail) => mail.id));
    for (const notice of notices) expect(left.has(notice.id)).toBe(false);
    // Younger than a month: kept as they are.
    expect(await outboxRow('second.test@ieum.test')).toMatchObject({ status: 'sent' });
    expect(await outboxRow('latest.test@ieum.test')).toMatchObject({ status: 'sent' });
    expect(await outboxRow(collected.email)).toBeDefined();

    t.advance(31 * day);
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(await outboxRow('second.test@ieum.test')).toBeUndefined();
    expect(await outboxRow('latest.test@ieum.test')).toBeUndefined();
    // The latest test mail keeps its delivery record, nothing else: the step stays done.
    const kept = (await readOutbox(t.ctx)).filter((mail) =>
      mail.dedupeKey.startsWith('first-run.test-mail:'),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ toAddress: '', subject: '', text: '', status: 'sent' });
    expect((await checklist()).steps.find((step) => step.id === 'smtp')).toMatchObject({
      state: 'done',
      lastTestMail: { status: 'sent', to: 'la***@ieum.test' },
    });
    expect(await outboxRow(collected.email)).toMatchObject({ status: 'sent' });
    const rows = await db.select({ n: count() }).from(emailOutbox);
    // The brochure e-mail and the latest test mail's record; everything else went.
    expect(Number(rows[0]?.n)).toBe(2);
  });
});

describe.each(testBackends())('first-run SMTP test without SMTP on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says SMTP is not configured and refuses the test mail with 409, in English when asked', async () => {
    const admin = await t.userWithToken('admin');
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/first-run', headers: admin.headers });
    expect(listed.json().steps.find((step: { id: string }) => step.id === 'smtp')).toMatchObject({
      state: 'to-do',
      configured: false,
      server: null,
    });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/first-run/test-mail',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { to: 'admin@ieum.test' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'conflict',
      detail: expect.stringContaining('SMTP_URL is not set'),
    });
  });
});
