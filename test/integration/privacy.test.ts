import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const anyRow = z.record(z.string(), z.unknown());
const YEAR = 365 * 24 * 60 * 60_000;

// Every way the personal data of these tests could appear in clear.
const CLEAR_VALUES = [
  '010-1234-5678',
  '01012345678',
  '1234-5678',
  '010-9876-5432',
  '01098765432',
  'kim.minsu@example.com',
  'lee.jieun@example.com',
  '홍길동',
  '이지은',
];

function leadRecord(name: string, phone: string, email: string) {
  return {
    summary: '비즈니스 가입 문의',
    companyName: '이음상사',
    contactName: name,
    phone,
    inquiry: `가입 소개서 요청 / 이메일주소: ${email}`,
    title: '[비즈니스] 비즈니스 가입 문의',
    body: `ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : ${name}\nㄴ 연락처 : ${phone}\nㄴ 문의 내용 : 가입 소개서 요청 / 이메일주소: ${email}`,
  };
}

describe.each(testBackends())('privacy on $name', (backend) => {
  let t: TestApp;
  let guide: Guide;
  let agent: Awaited<ReturnType<TestApp['userWithToken']>>;
  let admin: Awaited<ReturnType<TestApp['userWithToken']>>;
  let backoffice: Awaited<ReturnType<TestApp['userWithToken']>>;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const found = t.ctx.guides.get('business-inquiry');
    if (!found) throw new Error('business-inquiry guide missing');
    guide = found;
    agent = await t.userWithToken('agent');
    admin = await t.userWithToken('admin');
    backoffice = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
  });

  const raw = (query: ReturnType<typeof sql>) => queryRows(t.ctx.database.db, query, anyRow);

  function q4Path(consent: 'agreed' | 'refused') {
    const path = enumerateFlowPaths(guide, 'q4').find((p) => p.history.some((e) => e.answer === consent));
    if (!path) throw new Error(`no q4 path with consent ${consent}`);
    return path.history;
  }

  /** Runs a Q4 sign-up call with consent agreed (or refused) and returns the consultation id. */
  async function signUpCall(options: {
    name: string;
    phone: string;
    email: string;
    consent?: 'agreed' | 'refused';
  }) {
    return recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: options.phone,
      scriptId: 'q4',
      inquiryType: 6,
      history: q4Path(options.consent ?? 'agreed'),
      record: leadRecord(options.name, options.phone, options.email),
    });
  }

  it('decides consent per item through the API and names the malformed field', async () => {
    const decided = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/decide',
      headers: agent.headers,
      payload: {
        member: true,
        items: [
          { field: '연락처', alreadyHeld: true, store: true },
          { field: '이메일주소', alreadyHeld: false, store: true },
        ],
      },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toEqual({
      consentRequired: true,
      items: [
        { field: '연락처', consentRequired: false, rule: expect.stringMatching(/^member-already-held: /) },
        {
          field: '이메일주소',
          consentRequired: true,
          rule: expect.stringMatching(/^member-new-collection: /),
        },
      ],
    });
    // The guide's rules decide: named, the same guide answers the same; an unknown one is a 400.
    const named = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/decide',
      headers: agent.headers,
      payload: {
        guideId: t.ctx.guides.defaultGuide().id,
        member: true,
        items: [{ field: '생년월일', alreadyHeld: false, store: false }],
      },
    });
    expect(named.json().items[0]).toMatchObject({
      consentRequired: false,
      rule: expect.stringMatching(/^member-new-verify-only: /),
    });
    const unknownGuide = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/decide',
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: {
        guideId: 'no-such-guide',
        member: true,
        items: [{ field: '연락처', alreadyHeld: true, store: true }],
      },
    });
    expect(unknownGuide.statusCode).toBe(400);
    expect(unknownGuide.json().errors[0]).toMatchObject({ where: '/guideId' });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/decide',
      headers: agent.headers,
      payload: { member: false, items: [{ field: '연락처', alreadyHeld: false, store: 'yes' }] },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json().errors[0]).toEqual({
      where: 'body/items/0/store',
      // The same place in one grammar, whoever wrote the `where` (QA-8 L1).
      in: 'body',
      pointer: '/items/0/store',
      message: 'store는 true 또는 false여야 합니다',
      messageKey: 'validation.invalidType',
      params: { field: 'items.0.store', expected: 'boolean' },
    });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/decide',
      headers: agent.headers,
      payload: { items: [] },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { where: string }) => e.where)).toContain('body/member');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/consent/decide', payload: {} })).statusCode,
    ).toBe(401);
  });

  it('stores names, phone numbers and emails encrypted, records consent, and finds the caller by phone', async () => {
    const id = await signUpCall({ name: '홍길동', phone: '010-1234-5678', email: 'kim.minsu@example.com' });
    const [row] = await raw(sql`select * from consultations where id = ${id}`);
    const stored = JSON.stringify(row);
    for (const clear of CLEAR_VALUES) expect(stored).not.toContain(clear);
    expect(String(row?.caller_number)).toMatch(/^enc:v1:/);
    expect(String(row?.record_body)).toMatch(/^enc:v1:/);
    expect(row?.inquiry_type).toBe(6);
    expect(row?.outcome).toBe('lead');

    const [consent] = await raw(sql`select * from consent_records where consultation_id = ${id}`);
    expect(consent).toMatchObject({
      notice_id: guide.consentNotice.id,
      notice_version: guide.consentNotice.version,
      notice_text_sha256: createHash('sha256').update(guide.consentNotice.text).digest('hex'),
      agreed: true,
      items: ['업체명', '담당자', '연락처', '이메일주소'],
      purpose: guide.consentNotice.purpose,
      retention_years: 3,
      agent_id: agent.id,
      channel: 'call',
    });
    const recordedAt = new Date(String(consent?.recorded_at));
    expect(new Date(String(consent?.retention_ends_at)).toISOString()).toBe(
      new Date(
        Date.UTC(
          recordedAt.getUTCFullYear() + 3,
          recordedAt.getUTCMonth(),
          recordedAt.getUTCDate(),
          recordedAt.getUTCHours(),
          recordedAt.getUTCMinutes(),
          recordedAt.getUTCSeconds(),
          recordedAt.getUTCMilliseconds(),
        ),
      ).toISOString(),
    );

    // Lookup by phone, typed differently, and by the email written only in the inquiry line.
    for (const subject of [{ phone: '+82 10 1234 5678' }, { email: 'Kim.Minsu@Example.com' }]) {
      const found = await t.app.inject({
        method: 'POST',
        url: '/api/v1/data-subjects/find',
        headers: admin.headers,
        payload: { ...subject, reason: '정보주체 열람 요청 #1' },
      });
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().consultations.map((c: { id: string }) => c.id)).toContain(id);
      expect(found.json().consentRecords[0]).toMatchObject({ consultationId: id, agreed: true });
      expect(found.body).not.toContain('홍길동');
      expect(found.body).not.toContain('1234-5678');
    }
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call' },
    });
    const badPhone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.json().id}/complete`,
      headers: agent.headers,
      payload: {
        scriptId: 'q4',
        inquiryType: 6,
        history: q4Path('agreed'),
        record: { ...leadRecord('홍길동', '010-1234-5678', 'kim.minsu@example.com'), phone: '1234' },
      },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].where).toBe('/record/phone');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { phone: '12345', reason: '정보주체 요청' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].where).toBe('/phone');
  });

  it('records a refusal, following the guide’s decline branch', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'chat' },
    });
    const id: string = started.json().id;
    const completed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: agent.headers,
      payload: {
        scriptId: 'q4',
        inquiryType: 6,
        history: q4Path('refused'),
        record: { summary: '가입 문의', title: '[비즈니스] 가입 문의', body: 'ㄴ 문의 내용 : 동의 거부' },
      },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().outcome).toBe('declined');
    const [consent] = await raw(
      sql`select agreed, channel from consent_records where consultation_id = ${id}`,
    );
    expect(consent).toEqual({ agreed: false, channel: 'chat' });
  });

  it('masks everywhere, reveals with a reason to the business team only, and logs each reveal', async () => {
    const id = await signUpCall({ name: '홍길동', phone: '010-1234-5678', email: 'kim.minsu@example.com' });
    const masked = await t.app.inject({ url: `/api/v1/consultations/${id}`, headers: backoffice.headers });
    expect(masked.statusCode).toBe(200);
    expect(masked.json()).toMatchObject({ callerNumber: '010-****-5678' });
    expect(masked.json().record.body).toContain('홍*동');
    expect(masked.json().record.body).toContain('ki***@example.com');
    for (const clear of CLEAR_VALUES) expect(masked.body).not.toContain(clear);

    const byAgent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/reveal`,
      headers: agent.headers,
      payload: { reason: '고객 재연락' },
    });
    expect(byAgent.statusCode).toBe(403);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/reveal`,
      headers: backoffice.headers,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].where).toBe('body/reason');

    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/reveal`,
      headers: backoffice.headers,
      remoteAddress: '10.1.2.3',
      payload: { reason: '가입 소개서 발송 후 OB 통화', fields: ['callerNumber', 'contactName'] },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      consultationId: id,
      values: { callerNumber: '010-1234-5678', contactName: '홍길동' },
      personalDataErasedAt: null,
    });

    const log = await t.app.inject({
      url: `/api/v1/access-log?action=personal-data.reveal&subject=consultation:${id}`,
      headers: admin.headers,
    });
    expect(log.statusCode).toBe(200);
    const [entry] = log.json().items;
    expect(entry).toMatchObject({
      action: 'personal-data.reveal',
      subject: `consultation:${id}`,
      ip: '10.1.2.3',
      reason: '가입 소개서 발송 후 OB 통화',
      actor: { id: backoffice.id, email: backoffice.email, role: 'backoffice' },
      detail: { fields: ['callerNumber', 'contactName'] },
    });
    expect(entry.subjectIndex).toMatch(/^[0-9a-f]{64}$/);
    // Whose data: searchable by the person's phone, though the log holds only the keyed hash.
    const byPhone = await t.app.inject({
      url: `/api/v1/access-log?phone=${encodeURIComponent('01012345678')}&actor=${encodeURIComponent(backoffice.email)}`,
      headers: admin.headers,
    });
    expect(byPhone.json().items.map((e: { id: number }) => e.id)).toContain(entry.id);
    expect((await t.app.inject({ url: '/api/v1/access-log', headers: backoffice.headers })).statusCode).toBe(
      403,
    );

    const csv = await t.app.inject({
      url: '/api/v1/access-log/export.csv?action=personal-data.reveal',
      headers: admin.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('가입 소개서 발송 후 OB 통화');
    expect(csv.body).toContain(backoffice.email);
    const exports = await t.app.inject({
      url: '/api/v1/access-log?action=access-log.export',
      headers: admin.headers,
    });
    expect(exports.json().items[0]).toMatchObject({
      actor: { id: admin.id },
      detail: { rows: expect.any(Number) },
    });

    const auditRows = JSON.stringify(await raw(sql`select * from audit_events`));
    for (const clear of CLEAR_VALUES) expect(auditRows).not.toContain(clear);
  });

  it('logs permission changes in the same chained access log', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      remoteAddress: '10.9.9.9',
      payload: {
        email: 'new-backoffice@ieum.test',
        name: '박업무',
        role: 'backoffice',
        password: 'long enough password',
      },
    });
    expect(created.statusCode).toBe(201);
    const log = await t.app.inject({
      url: `/api/v1/access-log?action=user.created&subject=user:${created.json().id}`,
      headers: admin.headers,
    });
    expect(log.json().items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: admin.id }),
        ip: '10.9.9.9',
        detail: { role: 'backoffice' },
      }),
    ]);
  });

  it('keeps the access log append-only and shows a tampered row through the hash chain', async () => {
    const verified = await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers });
    expect(verified.json()).toMatchObject({ ok: true, brokenAt: null });
    expect(verified.json().checked).toBeGreaterThan(5);

    await expect(t.ctx.database.db.execute(sql`update audit_events set reason = 'x'`)).rejects.toThrow();
    await expect(t.ctx.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();

    // A database owner can switch the trigger off; the chain still shows what they changed.
    const [target] = await raw(
      sql`select id, reason from audit_events where action = 'personal-data.reveal' order by id limit 1`,
    );
    await t.ctx.database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await t.ctx.database.db.execute(
      sql`update audit_events set reason = '단순 조회' where id = ${target?.id}`,
    );
    await t.ctx.database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const tampered = await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers });
    expect(tampered.json()).toMatchObject({
      ok: false,
      brokenAt: { id: Number(target?.id), problem: expect.stringContaining('altered') },
    });
    // Put it back so later tests see an intact chain.
    await t.ctx.database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await t.ctx.database.db.execute(
      sql`update audit_events set reason = ${String(target?.reason)} where id = ${target?.id}`,
    );
    await t.ctx.database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect((await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers })).json().ok).toBe(
      true,
    );
  });

  it('purges personal data whose retention ended, keeps younger records, and logs each destruction', async () => {
    const start = new Date('2026-11-25T10:00:00+09:00');
    t.setNow(start);
    const old = await signUpCall({ name: '이지은', phone: '010-9876-5432', email: 'lee.jieun@example.com' });
    t.advance(2 * YEAR);
    const young = await signUpCall({
      name: '이지은',
      phone: '010-9876-5432',
      email: 'lee.jieun@example.com',
    });
    t.setNow(new Date(start.getTime() + 3 * YEAR + 2 * 24 * 60 * 60_000));

    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/purge',
      headers: admin.headers,
      payload: { dryRun: true },
    });
    expect(dry.statusCode).toBe(200);
    const dryIds = dry.json().records.map((r: { id: string }) => r.id);
    expect(dryIds).toContain(old);
    expect(dryIds).not.toContain(young);
    const [stillThere] = await raw(sql`select caller_number from consultations where id = ${old}`);
    expect(stillThere?.caller_number).not.toBeNull();

    // Two instances purging at once: each record is erased and logged exactly once.
    const [first, second] = await Promise.all([
      purgeExpiredPersonalData(t.ctx, { dryRun: false }),
      purgeExpiredPersonalData(t.ctx, { dryRun: false }),
    ]);
    const erasedIds = [...(first?.records ?? []), ...(second?.records ?? [])]
      .filter((r) => r.kind === 'consultation.personal-data')
      .map((r) => r.id);
    expect(erasedIds.filter((id) => id === old)).toHaveLength(1);
    expect(erasedIds).not.toContain(young);

    const [erased] = await raw(sql`select * from consultations where id = ${old}`);
    expect(erased).toMatchObject({
      caller_number: null,
      record_title: null,
      record_body: null,
      record_fields: null,
      personal_index: null,
      inquiry_type: 6,
      outcome: 'lead',
      status: 'completed',
      record_category: '비즈니스 > 기타 > 이관 > 이관',
    });
    expect(erased?.completed_at).not.toBeNull();
    expect(erased?.personal_data_erased_at).not.toBeNull();
    const [kept] = await raw(
      sql`select caller_number, personal_data_erased_at from consultations where id = ${young}`,
    );
    expect(String(kept?.caller_number)).toMatch(/^enc:v1:/);
    expect(kept?.personal_data_erased_at).toBeNull();
    expect(await raw(sql`select id from consent_records where consultation_id = ${old}`)).toEqual([]);
    expect(await raw(sql`select id from consent_records where consultation_id = ${young}`)).toHaveLength(1);

    const destroyed = await t.app.inject({ url: '/api/v1/destruction-log', headers: admin.headers });
    const entries = destroyed
      .json()
      .items.filter(
        (e: { recordId: string; detail: { consultationId?: string } }) =>
          e.recordId === old || e.detail.consultationId === old,
      );
    expect(
      entries.map((e: { recordKind: string; reason: string }) => [e.recordKind, e.reason]).sort(),
    ).toEqual([
      ['consent-record', 'retention-ended'],
      ['consultation.personal-data', 'retention-ended'],
    ]);
    const logText = JSON.stringify(destroyed.json());
    for (const clear of CLEAR_VALUES) expect(logText).not.toContain(clear);

    const again = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(again.records.map((r) => r.id)).not.toContain(old);

    // The data subject is still found through the younger record only.
    const found = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { phone: '010-9876-5432', reason: '정보주체 열람 요청 #2' },
    });
    expect(found.json().consultations.map((c: { id: string }) => c.id)).toEqual([young]);
  });

  it('exports and deletes everything held about a person on request', async () => {
    const id = await signUpCall({ name: '이지은', phone: '010-9876-5432', email: 'lee.jieun@example.com' });
    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/export',
      headers: admin.headers,
      payload: { email: 'lee.jieun@example.com', reason: '정보주체 열람 요청 #3' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const body = exported.json();
    const mine = body.consultations.find((c: { id: string }) => c.id === id);
    expect(mine).toMatchObject({
      callerNumber: '010-9876-5432',
      record: { fields: { contactName: '이지은' } },
    });
    expect(body.consentRecords.some((c: { consultationId: string }) => c.consultationId === id)).toBe(true);

    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: '01098765432', reason: '정보주체 삭제 요청 #4' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().erasedConsultations).toContain(id);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { email: 'lee.jieun@example.com', reason: '삭제 확인' },
    });
    expect(after.json().consultations).toEqual([]);
    const [row] = await raw(sql`select caller_number, record_body from consultations where id = ${id}`);
    expect(row).toEqual({ caller_number: null, record_body: null });
    const log = await t.app.inject({
      url: '/api/v1/access-log?action=data-subject.delete',
      headers: admin.headers,
    });
    expect(log.json().items[0]).toMatchObject({ reason: '정보주체 삭제 요청 #4', actor: { id: admin.id } });
    expect((await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers })).json().ok).toBe(
      true,
    );
  });

  it('never wrote a phone number, email or name in clear to the server log', () => {
    const output = t.log.join('\n');
    expect(t.log.length).toBeGreaterThan(10);
    for (const clear of CLEAR_VALUES) expect(output).not.toContain(clear);
  });
});
