import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const anyRow = z.record(z.string(), z.unknown());
const DAY = 24 * 60 * 60_000;
const YEAR = 365 * DAY;

const leadPath = signUpLeadPath.history;

type Person = { name: string; phone: string; email: string };

const oldLead: Person = { name: '김철수', phone: '010-3333-1111', email: 'chulsoo.kim@example.com' };
const youngLead: Person = { name: '박영희', phone: '010-4444-2222', email: 'younghee.park@example.com' };
const oldStandalone: Person = { name: '최민준', phone: '010-5555-3333', email: 'minjun.choi@example.com' };
const oldLinked: Person = { name: '정수진', phone: '010-6666-4444', email: 'sujin.jung@example.com' };
const youngStandalone: Person = { name: '한지민', phone: '010-7777-5555', email: 'jimin.han@example.com' };

/** Every form a person's data could take in a row or a log. */
function clearValuesOf(person: Person): string[] {
  const digits = person.phone.replaceAll('-', '');
  return [person.name, person.phone, digits, digits.slice(-8), person.email, person.email.toLowerCase()];
}

describe.each(testBackends())('retention of leads and transfers on $name', (backend) => {
  let t: TestApp;
  let agent: Awaited<ReturnType<TestApp['userWithToken']>>;
  let admin: Awaited<ReturnType<TestApp['userWithToken']>>;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const raw = (query: ReturnType<typeof sql>) => queryRows(t.ctx.database.db, query, anyRow);

  /** A Q4 call saved with consent agreed, holding the person's details in its record. */
  async function completeSignUpCall(person: Person): Promise<string> {
    return recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: person.phone,
      scriptId: 'q4',
      inquiryType: 6,
      history: leadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '이음상사',
        contactName: person.name,
        phone: person.phone,
        inquiry: `이메일주소: ${person.email}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : 이음상사',
      },
    });
  }

  /** Files a sign-up lead (its transfer and the brochure e-mail, queued: no SMTP here). */
  async function fileLead(person: Person) {
    const consultationId = await completeSignUpCall(person);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: {
        consultationId,
        companyName: '이음상사',
        contactName: person.name,
        phone: person.phone,
        email: person.email,
        businessNumber: '120-81-47521',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const [lead] = await raw(
      sql`select id, transfer_id, brochure_email_id from leads where id = ${filed.json().id}`,
    );
    return {
      consultationId,
      leadId: String(lead?.id),
      transferId: String(lead?.transfer_id),
      emailId: String(lead?.brochure_email_id),
    };
  }

  /** Files a transfer by hand, from a consultation or on its own. */
  async function fileTransfer(person: Person, consultationId?: string): Promise<string> {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: {
        ...(consultationId ? { consultationId } : {}),
        inquiryType: 1,
        channel: 'call',
        companyName: '이음물류',
        contactName: person.name,
        phone: person.phone,
        email: person.email,
        inquiry: `법인 카드 문의, 회신 ${person.phone}`,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    return filed.json().id;
  }

  it('erases leads, their transfers and brochure e-mails, and transfers past retention; keeps younger ones', async () => {
    const start = new Date('2026-11-25T10:00:00+09:00');
    t.setNow(start);
    const old = await fileLead(oldLead);
    const standalone = await fileTransfer(oldStandalone);
    const linkedConsultation = await completeSignUpCall(oldLinked);
    const linked = await fileTransfer(oldLinked, linkedConsultation);
    t.advance(2 * YEAR);
    const young = await fileLead(youngLead);
    const youngTransfer = await fileTransfer(youngStandalone);
    t.setNow(new Date(start.getTime() + 3 * YEAR + 2 * DAY));

    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/purge',
      headers: admin.headers,
      payload: { dryRun: true },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const listed = dry.json().records.map((r: { kind: string; id: string }) => `${r.kind} ${r.id}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        `lead.personal-data ${old.leadId}`,
        `email.personal-data ${old.emailId}`,
        `transfer.personal-data ${old.transferId}`,
        `transfer.personal-data ${standalone}`,
        `transfer.personal-data ${linked}`,
      ]),
    );
    for (const id of [young.leadId, young.transferId, young.emailId, youngTransfer]) {
      expect(listed.join('\n')).not.toContain(id);
    }
    const [untouched] = await raw(sql`select personal_data_erased_at from leads where id = ${old.leadId}`);
    expect(untouched?.personal_data_erased_at).toBeNull();

    // Two instances purging at once: each record is erased and logged exactly once.
    const reports = await Promise.all([
      purgeExpiredPersonalData(t.ctx, { dryRun: false }),
      purgeExpiredPersonalData(t.ctx, { dryRun: false }),
    ]);
    const erased = reports.flatMap((report) => report.records.map((r) => `${r.kind} ${r.id}`));
    for (const record of [
      `lead.personal-data ${old.leadId}`,
      `email.personal-data ${old.emailId}`,
      `transfer.personal-data ${old.transferId}`,
      `transfer.personal-data ${standalone}`,
      `transfer.personal-data ${linked}`,
      `consultation.personal-data ${old.consultationId}`,
      `consultation.personal-data ${linkedConsultation}`,
    ]) {
      expect(
        erased.filter((entry) => entry === record),
        record,
      ).toHaveLength(1);
    }
    for (const id of [young.leadId, young.transferId, young.emailId, youngTransfer]) {
      expect(erased.join('\n')).not.toContain(id);
    }

    const [lead] = await raw(sql`select * from leads where id = ${old.leadId}`);
    expect(lead).toMatchObject({
      contact_name: '',
      phone: '',
      email: '',
      phone_index: null,
      email_index: null,
      business_number: null,
      company_name: '이음상사',
      status: 'new',
    });
    expect(lead?.personal_data_erased_at).not.toBeNull();
    const erasedTransfers = await raw(
      sql`select * from transfers where id in (${old.transferId}, ${standalone}, ${linked})`,
    );
    expect(erasedTransfers).toHaveLength(3);
    for (const row of erasedTransfers) {
      // Open when erased: closed with it, since nobody can call the customer back (QA-10 M1).
      expect(row).toMatchObject({
        contact_name: '',
        phone: null,
        email: null,
        inquiry: '',
        status: 'closed',
        personal_data_erased_reason: 'retention-ended',
      });
      expect(row.personal_data_erased_at).not.toBeNull();
      expect(['이음상사', '이음물류']).toContain(row.company_name);
    }
    const [mail] = await raw(
      sql`select to_address, subject, text, html, status from email_outbox where id = ${old.emailId}`,
    );
    expect(mail).toEqual({ to_address: '', subject: '', text: '', html: null, status: 'failed' });

    // Nothing personal is left in the erased rows: no clear value and no ciphertext either.
    const erasedRows = JSON.stringify([
      lead,
      ...erasedTransfers,
      ...(await raw(sql`select * from email_outbox where id = ${old.emailId}`)),
      ...(await raw(sql`select * from lead_callbacks where lead_id = ${old.leadId}`)),
    ]);
    expect(erasedRows).not.toContain('enc:v1:');
    for (const clear of [
      ...clearValuesOf(oldLead),
      ...clearValuesOf(oldStandalone),
      ...clearValuesOf(oldLinked),
    ]) {
      expect(erasedRows).not.toContain(clear);
    }

    // Younger records keep their (encrypted) personal data.
    const [keptLead] = await raw(
      sql`select phone, phone_index, personal_data_erased_at from leads where id = ${young.leadId}`,
    );
    expect(String(keptLead?.phone)).toMatch(/^enc:v1:/);
    expect(keptLead?.phone_index).not.toBeNull();
    expect(keptLead?.personal_data_erased_at).toBeNull();
    const kept = await raw(
      sql`select phone, personal_data_erased_at from transfers where id in (${young.transferId}, ${youngTransfer})`,
    );
    expect(kept).toHaveLength(2);
    for (const row of kept) {
      expect(String(row.phone)).toMatch(/^enc:v1:/);
      expect(row.personal_data_erased_at).toBeNull();
    }
    const [keptMail] = await raw(
      sql`select to_address, status from email_outbox where id = ${young.emailId}`,
    );
    expect(String(keptMail?.to_address)).toMatch(/^enc:v1:/);
    expect(keptMail?.status).toBe('queued');

    const log = await t.app.inject({ url: '/api/v1/destruction-log?limit=1000', headers: admin.headers });
    const entries: Array<{ recordKind: string; recordId: string; reason: string }> = log.json().items;
    const logged = (kind: string, id: string) =>
      entries.filter((e) => e.recordKind === kind && e.recordId === id && e.reason === 'retention-ended');
    expect(logged('lead.personal-data', old.leadId)).toHaveLength(1);
    expect(logged('email.personal-data', old.emailId)).toHaveLength(1);
    expect(logged('transfer.personal-data', old.transferId)).toHaveLength(1);
    expect(logged('transfer.personal-data', standalone)).toHaveLength(1);
    expect(logged('transfer.personal-data', linked)).toHaveLength(1);
    expect(entries.some((e) => [young.leadId, youngTransfer, young.transferId].includes(e.recordId))).toBe(
      false,
    );
    const logText = JSON.stringify(log.json());
    for (const clear of [
      ...clearValuesOf(oldLead),
      ...clearValuesOf(oldStandalone),
      ...clearValuesOf(oldLinked),
    ]) {
      expect(logText).not.toContain(clear);
    }

    // A second run finds nothing more of these.
    const again = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(again.records).toEqual([]);

    // The erased lead still shows in the business team's list, without contact details.
    const shown = await t.app.inject({ url: `/api/v1/leads/${old.leadId}`, headers: admin.headers });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ companyName: '이음상사', contactName: '', phone: '', email: '' });
    expect(shown.json().personalDataErasedAt).not.toBeNull();
  });

  it('finds, exports and deletes a lead and its transfer by the lead’s phone or e-mail', async () => {
    const person: Person = { name: '윤서연', phone: '010-8888-6666', email: 'seoyeon.yoon@example.com' };
    const filed = await fileLead(person);

    const found = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { email: person.email, reason: '정보주체 열람 요청 #11' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().leads.map((l: { id: string }) => l.id)).toEqual([filed.leadId]);
    expect(found.json().leads[0]).toMatchObject({ contactName: '윤*연', phone: '010-****-6666' });
    expect(found.json().transfers.map((tr: { id: string }) => tr.id)).toEqual([filed.transferId]);
    expect(found.json().transfers[0]).toMatchObject({ leadId: filed.leadId, kind: 'lead' });
    for (const clear of clearValuesOf(person)) expect(found.body).not.toContain(clear);

    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/export',
      headers: admin.headers,
      payload: { phone: person.phone, reason: '정보주체 열람 요청 #12' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().leads).toEqual([
      expect.objectContaining({
        id: filed.leadId,
        contactName: person.name,
        phone: person.phone,
        email: person.email,
      }),
    ]);
    expect(exported.json().transfers).toEqual([
      expect.objectContaining({ id: filed.transferId, contactName: person.name, phone: person.phone }),
    ]);

    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: '01088886666', reason: '정보주체 삭제 요청 #13' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({
      erasedConsultations: [filed.consultationId],
      erasedLeads: [filed.leadId],
      erasedTransfers: [filed.transferId],
    });
    const [lead] = await raw(
      sql`select contact_name, phone, email, phone_index, email_index, personal_data_erased_at from leads where id = ${filed.leadId}`,
    );
    expect(lead).toMatchObject({
      contact_name: '',
      phone: '',
      email: '',
      phone_index: null,
      email_index: null,
    });
    expect(lead?.personal_data_erased_at).not.toBeNull();
    const [transfer] = await raw(
      sql`select contact_name, phone, email, inquiry from transfers where id = ${filed.transferId}`,
    );
    expect(transfer).toEqual({ contact_name: '', phone: null, email: null, inquiry: '' });
    const [mail] = await raw(sql`select to_address, text from email_outbox where id = ${filed.emailId}`);
    expect(mail).toEqual({ to_address: '', text: '' });

    const log = await t.app.inject({ url: '/api/v1/destruction-log?limit=1000', headers: admin.headers });
    const kinds = log
      .json()
      .items.filter(
        (e: { recordId: string; reason: string }) =>
          [filed.leadId, filed.transferId, filed.emailId, filed.consultationId].includes(e.recordId) &&
          e.reason === 'subject-request',
      )
      .map((e: { recordKind: string; actorId: string }) => [e.recordKind, e.actorId])
      .sort();
    expect(kinds).toEqual([
      ['consultation.personal-data', admin.id],
      ['email.personal-data', admin.id],
      ['lead.personal-data', admin.id],
      ['transfer.personal-data', admin.id],
    ]);
    const access = await t.app.inject({
      url: '/api/v1/access-log?action=data-subject.delete',
      headers: admin.headers,
    });
    expect(access.json().items[0]).toMatchObject({
      reason: '정보주체 삭제 요청 #13',
      detail: { leads: [filed.leadId], transfers: [filed.transferId] },
    });

    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { email: person.email, reason: '삭제 확인' },
    });
    expect(after.json()).toMatchObject({ consultations: [], leads: [], transfers: [] });
  });

  it('finds and deletes a transfer filed on its own (no consultation, no lead) by its phone or e-mail', async () => {
    const person: Person = { name: '오하늘', phone: '010-9999-7777', email: 'haneul.oh@example.com' };
    const transferId = await fileTransfer(person);
    const found = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { email: person.email, reason: '정보주체 열람 요청 #21' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().transfers.map((item: { id: string }) => item.id)).toContain(transferId);
    expect(found.body).not.toContain(person.phone);

    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: person.phone, reason: '정보주체 삭제 요청 #22' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().erasedTransfers).toContain(transferId);
    const [row] = await raw(
      sql`select contact_name, phone, email, inquiry, personal_index, personal_data_erased_at from transfers where id = ${transferId}`,
    );
    expect(row).toMatchObject({
      contact_name: '',
      phone: null,
      email: null,
      inquiry: '',
      personal_index: null,
    });
    expect(row?.personal_data_erased_at).not.toBeNull();
  });

  it('never wrote a phone number, email or name in clear to the server log', () => {
    const output = t.log.join('\n');
    for (const person of [oldLead, youngLead, oldStandalone, oldLinked, youngStandalone]) {
      for (const clear of clearValuesOf(person)) expect(output).not.toContain(clear);
    }
  });
});
