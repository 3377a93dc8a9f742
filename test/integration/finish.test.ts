import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTransferDueAt } from '../../src/domain/transfer/computeTransferDueAt.ts';
import { emailOutbox, events } from '../../src/server/db/jobsSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import { consentRecords } from '../../src/server/db/privacySchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers, transferTypeSettings } from '../../src/server/db/transferSchema.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { transferRepository } from '../../src/server/repositories/transferRepository.ts';
import { loadCalendarFacts } from '../../src/server/services/calendar/loadCalendarFacts.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

// Q1, not a registered manager: the inquiry is taken down and the caller agrees to a callback.
const transferBody = q1TransferFinish;
const leadPath = signUpLeadPath.history;

const collected = {
  companyName: '가입상사',
  contactName: '홍길동',
  phone: '010-3456-7890',
  email: 'Buyer@Example.COM',
};
const leadBody = {
  scriptId: 'q4',
  inquiryType: 6,
  history: leadPath,
  record: {
    summary: '비즈니스 가입 문의',
    companyName: collected.companyName,
    contactName: collected.contactName,
    phone: collected.phone,
    inquiry: `이메일주소: ${collected.email}`,
    title: '[비즈니스] 비즈니스 가입 문의',
    body: 'ㄴ 기업명 : 가입상사',
  },
  collected,
  businessNumber: '120-81-47521',
};

describe.each(testBackends())('finishing a consultation in one request on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: Headers };
  let other: { id: string; headers: Headers };

  const live: LiveEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp(backend);
    t.ctx.events.subscribe((event) => live.push(event));
    agent = await t.userWithToken('agent');
    other = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function start(who = agent, channel: 'call' | 'chat' = 'call'): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: who.headers,
      payload: { channel, guideId: 'business-inquiry', callerNumber: '010-9999-0000' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  function finish(id: string, body: object, key?: string, who = agent) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });
  }

  /** Everything a finish writes, for this consultation. */
  async function written(id: string) {
    const db = t.ctx.database.db;
    const [row] = await db
      .select({ status: consultations.status })
      .from(consultations)
      .where(eq(consultations.id, id));
    const [consents] = await db
      .select({ n: count() })
      .from(consentRecords)
      .where(eq(consentRecords.consultationId, id));
    const [filed] = await db.select({ n: count() }).from(transfers).where(eq(transfers.consultationId, id));
    const [leadRows] = await db.select({ n: count() }).from(leads).where(eq(leads.consultationId, id));
    return {
      status: row?.status,
      consents: consents?.n ?? 0,
      transfers: filed?.n ?? 0,
      leads: leadRows?.n ?? 0,
    };
  }

  async function brochures(): Promise<number> {
    const [row] = await t.ctx.database.db
      .select({ n: count() })
      .from(emailOutbox)
      .where(sql`${emailOutbox.dedupeKey} like 'lead-brochure:%'`);
    return row?.n ?? 0;
  }

  it('on a transfer path saves the record and files the transfer together, in one answer', async () => {
    const id = await start();
    const response = await finish(id, transferBody, `finish-${id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.consultation).toMatchObject({ id, status: 'completed', outcome: 'transfer' });
    expect(body.consultation.record.title).toBe('[비즈니스] 관리자 기능 문의');
    expect(body.transfer).toMatchObject({
      kind: 'transfer',
      consultationId: id,
      inquiryType: 1,
      channel: 'call',
      companyName: '이음상사',
      contactName: '김담당',
      phone: '010-2345-6789',
      inquiry: '한도 변경 요청',
      status: 'received',
    });
    expect(body.transfer.number).toMatch(/^T-2026-\d{6}$/);
    expect(body.lead).toBeNull();
    // No consent node on this path: no consent record, and nothing else was needed.
    expect(await written(id)).toEqual({ status: 'completed', consents: 0, transfers: 1, leads: 0 });

    // The transfer is the real one: the queue reads it back.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/transfers/${body.transfer.id}`,
      headers: agent.headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().consultationId).toBe(id);

    // The live floor hears the record saved, then the transfer filed with its number — stored by
    // the filing's own statement, and delivered by this instance from memory exactly as the table
    // holds them (what another instance reads back).
    const stored = await t.ctx.database.db
      .select()
      .from(events)
      .where(
        sql`(${events.type} = 'consultation.completed' and ${events.data}->>'consultationId' = ${id})
          or (${events.type} = 'transfer.filed' and ${events.data}->>'transferId' = ${body.transfer.id})`,
      )
      .orderBy(events.id);
    expect(stored.map((event) => event.type)).toEqual(['consultation.completed', 'transfer.filed']);
    expect(stored[1]?.data).toMatchObject({
      transferId: body.transfer.id,
      number: body.transfer.number,
      filedById: agent.id,
      status: 'received',
    });
    await expect
      .poll(() => stored.every((event) => live.some((heard) => heard.id === Number(event.id))))
      .toBe(true);
    for (const event of stored) {
      const heard = live.find((candidate) => candidate.id === Number(event.id));
      expect(JSON.stringify(heard?.data)).toBe(JSON.stringify(event.data));
      expect(heard?.at).toBe(event.at.toISOString());
    }
  });

  it('on the sign-up path (Q4-Y) saves record and consent, files the lead with its transfer, and queues exactly one brochure, even when retried', async () => {
    const id = await start();
    const before = await brochures();
    const key = `finish-${id}`;
    const first = await finish(id, leadBody, key);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.consultation).toMatchObject({ id, status: 'completed', outcome: 'lead' });
    expect(body.transfer).toBeNull();
    expect(body.lead).toMatchObject({
      consultationId: id,
      companyName: '가입상사',
      contactName: '홍길동',
      phone: '010-3456-7890',
      email: 'Buyer@example.com',
      businessNumber: '120-81-47521',
      status: 'new',
      brochure: { status: 'queued' },
    });
    expect(body.lead.consentRecordId).toEqual(expect.any(String));
    expect(await written(id)).toEqual({ status: 'completed', consents: 1, transfers: 1, leads: 1 });
    expect(await brochures()).toBe(before + 1);
    // The lead's transfer asks the business team for what the guide's policy says, in its words.
    const filed = await transferRepository.findById(
      t.ctx.database.db,
      t.ctx.fieldCodec,
      body.lead.transferId,
    );
    expect(filed?.transfer.inquiry).toBe(
      t.ctx.guides.get('business-inquiry')?.brochureEmail?.transferInquiry ??
        'the guide has no transferInquiry',
    );
    expect(filed?.transfer.inquiry).toBe('비즈니스 가입 문의: 가입 소개서 메일 발송 후 업무시간 중 OB');

    const again = await finish(id, leadBody, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().lead.id).toBe(body.lead.id);
    expect(again.json().lead.transferId).toBe(body.lead.transferId);
    expect(await brochures()).toBe(before + 1);
    expect(await written(id)).toEqual({ status: 'completed', consents: 1, transfers: 1, leads: 1 });
  });

  it('a retry with the same Idempotency-Key returns the same ids; another body with that key is a 422; a second finish without a key is a 409', async () => {
    const id = await start();
    const key = `finish-${id}`;
    const first = await finish(id, transferBody, key);
    expect(first.statusCode, first.body).toBe(200);
    const second = await finish(id, transferBody, key);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().consultation.id).toBe(first.json().consultation.id);
    expect(second.json().transfer.id).toBe(first.json().transfer.id);
    expect(second.json().transfer.number).toBe(first.json().transfer.number);
    expect(await written(id)).toMatchObject({ transfers: 1 });

    const changed = await finish(id, { ...transferBody, fileTransfer: false }, key);
    expect(changed.statusCode, changed.body).toBe(422);
    expect(changed.json().code).toBe('idempotency-key-reused');

    const unkeyed = await finish(id, transferBody);
    expect(unkeyed.statusCode, unkeyed.body).toBe(409);
    expect(unkeyed.json().detail).toContain('이미 저장된 상담');
  });

  it('a key already used to finish another consultation is a 422 naming it, and this consultation stays open with nothing written (QA-8 H1)', async () => {
    const first = await start();
    const key = `finish-shared-${first}`;
    const saved = await finish(first, transferBody, key);
    expect(saved.statusCode, saved.body).toBe(200);
    const second = await start();
    // Same key, same body, another consultation: it used to answer the first one's record, 200.
    const reused = await finish(second, transferBody, key);
    expect(reused.statusCode, reused.body).toBe(422);
    expect(reused.json()).toMatchObject({
      code: 'idempotency-key-reused',
      errors: [
        {
          where: 'header idempotency-key',
          in: 'header',
          pointer: '/idempotency-key',
          message: expect.stringContaining(first),
        },
      ],
    });
    expect(await written(second)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${second}/finish`,
      headers: { ...agent.headers, 'idempotency-key': key, 'accept-language': 'en' },
      payload: transferBody,
    });
    expect(english.json().errors[0].message).toBe(
      `already used for another resource (${first}); this request was not carried out`,
    );
    // Its own key finishes it; the first consultation's answer is unchanged.
    const own = await finish(second, transferBody, `finish-${second}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().consultation.id).toBe(second);
    expect((await finish(first, transferBody, key)).json().consultation.id).toBe(first);
  });

  it('the same key with another record on a saved consultation is a 422, as it is while the consultation is open (QA-8 M6)', async () => {
    const id = await start();
    const key = `finish-${id}`;
    expect((await finish(id, transferBody, key)).statusCode).toBe(200);
    const changed = await finish(
      id,
      { ...transferBody, record: { ...transferBody.record, summary: '다른 요약' } },
      key,
    );
    expect(changed.statusCode, changed.body).toBe(422);
    expect(changed.json().code).toBe('idempotency-key-reused');
    // Without the key, or with a new one, a second save of another record is still the 409.
    const fresh = await finish(
      id,
      { ...transferBody, record: { ...transferBody.record, summary: '다른 요약' } },
      `another-${id}`,
    );
    expect(fresh.statusCode, fresh.body).toBe(409);
  });

  it('the same Idempotency-Key sent twice at once writes once; both answer the same ids, the later one as a replay', async () => {
    const id = await start();
    const key = `finish-twice-${id}`;
    const answers = await Promise.all([finish(id, transferBody, key), finish(id, transferBody, key)]);
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    const [a, b] = answers.map((answer) => answer.json());
    expect(b.consultation.id).toBe(a.consultation.id);
    expect(b.transfer.id).toBe(a.transfer.id);
    expect(answers.map((answer) => answer.headers['idempotent-replayed'] ?? 'false').sort()).toEqual([
      'false',
      'true',
    ]);
    expect(await written(id)).toMatchObject({ status: 'completed', transfers: 1 });
    // Another key on the saved consultation is refused, and claims nothing.
    const another = await finish(id, transferBody, `another-${id}`);
    expect(another.statusCode, another.body).toBe(409);
    const retried = await finish(id, transferBody, `another-${id}`);
    expect(retried.statusCode, retried.body).toBe(409);
  });

  it("files a callback to the account's registered contact without a number when none was taken down, naming the company (QA-9 H1)", async () => {
    const startBare = async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const noNumber = { ...transferBody.record, phone: '' };
    // The caller agreed to be called at the number the app holds: no number is asked for.
    const id = await startBare();
    const finished = await finish(id, { ...transferBody, record: noNumber }, `finish-${id}`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().transfer).toMatchObject({
      phone: null,
      email: null,
      companyName: '이음상사',
      reachVia: 'registered-contact',
    });
    expect(await written(id)).toMatchObject({ status: 'completed', transfers: 1 });
    // Without the company the team cannot tell whose registered contact to call.
    const other = await startBare();
    const nameless = await finish(other, { ...transferBody, record: { ...noNumber, companyName: '' } });
    expect(nameless.statusCode, nameless.body).toBe(400);
    expect(nameless.json().errors).toMatchObject([{ where: '/record/companyName' }]);
    expect(await written(other)).toMatchObject({ status: 'open', transfers: 0 });
    // A number taken down is used, and the transfer is not marked as a registered-contact callback.
    const third = await startBare();
    const withNumber = await finish(third, transferBody);
    expect(withNumber.json().transfer).toMatchObject({ phone: '010-2345-6789', reachVia: null });
  });

  it('a failure in the transfer step leaves neither the record, the consent nor the transfer; the same key then succeeds', async () => {
    const db = t.ctx.database.db;
    // A real database failure inside the transfer step: the insert into transfers raises.
    await db.execute(sql`
      create or replace function finish_test_refuse_transfer() returns trigger language plpgsql as $$
      begin raise exception 'injected failure in the transfer step'; end $$`);
    await db.execute(sql`
      create trigger finish_test_refuse_transfer before insert on transfers
      for each row execute function finish_test_refuse_transfer()`);
    const brochuresBefore = await brochures();
    const transferId = await start();
    const leadId = await start();
    // After the starts: each start announces itself to the live floor.
    const eventsBefore = await db.select({ n: count() }).from(events);
    try {
      const failed = await finish(transferId, transferBody, `finish-${transferId}`);
      expect(failed.statusCode, failed.body).toBe(500);
      expect(await written(transferId)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });

      // The lead path has a consent record too: it goes with the failed transfer.
      const failedLead = await finish(leadId, leadBody, `finish-${leadId}`);
      expect(failedLead.statusCode, failedLead.body).toBe(500);
      expect(await written(leadId)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
      expect(await brochures()).toBe(brochuresBefore);
      expect(await db.select({ n: count() }).from(events)).toEqual(eventsBefore);
    } finally {
      await db.execute(sql`drop trigger finish_test_refuse_transfer on transfers`);
      await db.execute(sql`drop function finish_test_refuse_transfer()`);
    }
    // The failed attempt released its key: retrying with it now files.
    const retried = await finish(transferId, transferBody, `finish-${transferId}`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await written(transferId)).toEqual({ status: 'completed', consents: 0, transfers: 1, leads: 0 });
  });

  it('refuses a transfer without a contact or an inquiry with a 400 naming the field, and writes nothing', async () => {
    const id = await start();
    // Q1's callback goes to the account's registered contact: without a number, the company is
    // what the team needs (QA-9 H1).
    const noContact = await finish(id, {
      ...transferBody,
      record: { ...transferBody.record, phone: '', companyName: '', inquiry: '', body: 'ㄴ 문의 내용 :' },
    });
    expect(noContact.statusCode, noContact.body).toBe(400);
    const wheres = noContact.json().errors.map((error: { where: string }) => error.where);
    expect(wheres).toEqual(expect.arrayContaining(['/record/inquiry', '/record/companyName']));
    expect(noContact.json().detail).toBe('이관하려면 기업명과 문의 내용을 입력하세요.');
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
    // Only the company missing: the headline says just that.
    const noCompany = await finish(id, {
      ...transferBody,
      record: { ...transferBody.record, phone: '', companyName: '' },
    });
    expect(noCompany.statusCode, noCompany.body).toBe(400);
    expect(noCompany.json().detail).toBe(
      '기업명을 입력하세요: 담당 부서가 그 기업의 등록 연락처로 연락합니다',
    );

    // The agent may decline the transfer: the record alone is saved.
    const declined = await finish(id, {
      ...transferBody,
      record: { ...transferBody.record, phone: '', companyName: '', inquiry: '', body: 'ㄴ 문의 내용 :' },
      fileTransfer: false,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().transfer).toBeNull();
    expect(await written(id)).toEqual({ status: 'completed', consents: 0, transfers: 0, leads: 0 });
  });

  it('an e-mail alone is a contact for a transfer; a bad one is refused at /email', async () => {
    const id = await start(agent, 'chat');
    const record = { ...transferBody.record, phone: '' };
    const bad = await finish(id, { ...transferBody, record, email: 'not-an-address' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0].where).toBe('/email');
    const ok = await finish(id, { ...transferBody, record, email: 'kim@example.com' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().transfer).toMatchObject({ channel: 'chat', email: 'kim@example.com', phone: null });
  });

  it('validates the sign-up intake field by field, naming where each value came from', async () => {
    const id = await start();
    const response = await finish(id, {
      ...leadBody,
      collected: { ...collected, email: 'nope', phone: '12' },
      businessNumber: '123-45-67890',
    });
    expect(response.statusCode, response.body).toBe(400);
    const wheres = response.json().errors.map((error: { where: string }) => error.where);
    expect(wheres).toEqual(['/collected/phone', '/collected/email', '/businessNumber']);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });

    // The explicit brochure address wins over the collected one.
    const explicit = await finish(id, { ...leadBody, email: 'owner@example.com' });
    expect(explicit.statusCode, explicit.body).toBe(200);
    expect(explicit.json().lead.email).toBe('owner@example.com');
  });

  it("words the sign-up intake's refusal in the caller's language, with each message's key", async () => {
    const id = await start();
    const bad = {
      ...leadBody,
      record: { ...leadBody.record, companyName: '', body: 'ㄴ 기업명 :' },
      collected: { ...collected, companyName: '', email: 'bad-email', phone: '12' },
      businessNumber: '123-45-67890',
    };
    const answer = (language: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/finish`,
        headers: { ...agent.headers, 'accept-language': language },
        payload: bad,
      });

    const english = await answer('en');
    expect(english.statusCode, english.body).toBe(400);
    expect(english.json()).toMatchObject({
      detail: 'Enter the company name',
      messageKey: 'leads.companyNameRequired',
    });
    expect(english.json().errors).toMatchObject([
      {
        where: '/collected/companyName',
        message: 'Enter the company name',
        messageKey: 'leads.companyNameRequired',
      },
      {
        where: '/collected/phone',
        message: 'The phone number is not valid (e.g. 010-1234-5678)',
        messageKey: 'common.invalidPhone',
      },
      {
        where: '/collected/email',
        message: 'The e-mail address is not valid',
        messageKey: 'common.invalidEmail',
      },
      {
        where: '/businessNumber',
        message: 'The business registration number is not valid. Please check the number again',
        messageKey: 'common.bizNoChecksum',
      },
    ]);

    const korean = await answer('ko');
    expect(korean.statusCode, korean.body).toBe(400);
    expect(korean.json()).toMatchObject({
      detail: '업체명을 입력하세요',
      messageKey: 'leads.companyNameRequired',
    });
    expect(korean.json().errors.map((error: { message: string }) => error.message)).toEqual([
      '업체명을 입력하세요',
      '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)',
      '이메일 주소 형식이 올바르지 않습니다',
      '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요',
    ]);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
  });

  it("refuses a 담당자 that is no name (digits) at /collected/contactName, in the caller's language, writing nothing", async () => {
    const id = await start();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: { ...leadBody, collected: { ...collected, contactName: '12345' } },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toMatchObject([
      {
        where: '/collected/contactName',
        message: 'Enter the contact’s name in letters: digits and symbols are not a name',
        messageKey: 'leads.contactNameInvalid',
      },
    ]);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
  });

  it("refuses a transfer's 담당자 that is no name at /record/contactName, in the caller's language, writing nothing", async () => {
    const id = await start();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: { ...transferBody, record: { ...transferBody.record, contactName: '12345' } },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toMatchObject([
      {
        where: '/record/contactName',
        message: 'Enter the contact’s name in letters: digits and symbols are not a name',
        messageKey: 'leads.contactNameInvalid',
      },
    ]);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
  });

  it('refuses a 상담내용 whose lines contradict the fields (a second name, another company) at /record/body, writing nothing', async () => {
    const id = await start();
    const body = [
      'ㄴ 기업명 : 을회사',
      'ㄴ 담당자 이름 : 이몽룡',
      `ㄴ 문의 내용 : ${transferBody.record.inquiry}`,
      '고객이 오후 통화 희망',
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: { ...transferBody, record: { ...transferBody.record, body } },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toMatchObject([
      { where: '/record/body', messageKey: 'consultations.bodyLineAtOdds', params: { label: '기업명' } },
      { where: '/record/body', messageKey: 'consultations.bodyLineAtOdds', params: { label: '담당자 이름' } },
    ]);
    expect(response.json().detail).toBe(
      'The "기업명" line of the record body differs from the 기업명 field: correct the field, or set the body back to automatic',
    );
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
    // The same lines agreeing with the fields, with the agent's note after them, are kept.
    const agreeing = body
      .replace('을회사', transferBody.record.companyName)
      .replace('이몽룡', transferBody.record.contactName);
    const saved = await finish(id, { ...transferBody, record: { ...transferBody.record, body: agreeing } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().consultation.record.body).toContain('고객이 오후 통화 희망');
  });

  it('files no transfer off-script after the caller refused consent (400 at /fileTransfer), writing nothing', async () => {
    const id = await start();
    const refusedCallback = [
      { nodeId: 'q1-registered', answer: 'no' },
      { nodeId: 'q1-transfer-inquiry', answer: 'next' },
      { nodeId: 'q1-callback-consent', answer: 'no' },
    ];
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload: {
        ...transferBody,
        history: refusedCallback,
        record: {
          ...transferBody.record,
          companyName: '',
          contactName: '',
          phone: '',
          body: 'ㄴ 문의 내용 : 한도 변경 요청',
        },
        fileTransfer: true,
        email: 'caller@example.com',
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toMatchObject([
      { where: '/fileTransfer', messageKey: 'consultations.transferAfterRefusal' },
    ]);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
  });

  it('files a transfer off-script when asked, refuses a path the guide does not allow, and keeps others out', async () => {
    // Support-line outcome (business hours open): nothing is filed unless the agent asks.
    const supportPath = [
      { nodeId: 'q1-registered', answer: 'yes' },
      { nodeId: 'q1-hours', answer: 'open' },
    ];
    const id = await start();
    const body = { ...transferBody, history: supportPath, businessHoursOpen: true, fileTransfer: true };
    const asked = await finish(id, body);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().consultation.outcome).toBe('support-line');
    expect(asked.json().transfer).toMatchObject({ kind: 'transfer', inquiryType: 1 });

    const wrong = await start();
    const refused = await finish(wrong, {
      ...transferBody,
      history: [{ nodeId: 'q1-registered', answer: 'agreed' }],
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0].where).toBe('/history/0');

    const foreign = await finish(wrong, transferBody, undefined, other);
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(await written(wrong)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
  });

  it('keeps nothing the caller refused consent for: a record holding it is refused, field by field', async () => {
    const refusedPath = {
      scriptId: 'q4',
      inquiryType: 6,
      history: [
        { nodeId: 'q4-signup', answer: 'yes' },
        { nodeId: 'q4-consent', answer: 'refused' },
      ],
    };
    const id = await start();
    const record = {
      summary: '비즈니스 가입 문의',
      companyName: '거부회사',
      contactName: '거부자',
      phone: '010-9999-8888',
      inquiry: '가입 문의',
      title: '[비즈니스] 비즈니스 가입 문의',
      body: 'ㄴ 문의 내용 : 가입 문의',
    };
    const refused = await finish(id, { ...refusedPath, record });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().detail).toBe(
      '고객이 개인정보 수집에 동의하지 않았습니다: 기업명, 담당자 이름, 연락처는 상담이력에 남기지 않습니다. 지우고 저장하세요.',
    );
    expect(refused.json().errors.map((error: { where: string }) => error.where)).toEqual([
      '/record/companyName',
      '/record/contactName',
      '/record/phone',
    ]);
    expect(await written(id)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });

    const saved = await finish(id, {
      ...refusedPath,
      record: { ...record, companyName: '', contactName: '', phone: '' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().consultation).toMatchObject({ outcome: 'declined' });
    // The refusal itself is kept as evidence; no lead.
    expect(await written(id)).toEqual({ status: 'completed', consents: 1, transfers: 0, leads: 0 });
  });

  it('refuses a path that sent the caller to the line when it was closed for the whole call, and keeps a call that spanned the closing', async () => {
    const supportPath = [
      { nodeId: 'q1-registered', answer: 'yes' },
      { nodeId: 'q1-hours', answer: 'open' },
    ];
    try {
      // Wednesday 20:00: the line closed at 18:00 and the call began after that.
      t.setNow('2026-11-25T20:00:00+09:00');
      const evening = await start();
      t.advance(5 * 60_000);
      const refused = await finish(evening, { ...transferBody, history: supportPath });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ where: '/history/1', message: '상담 중 운영시간 아님' }),
      ]);
      expect(refused.json().detail).toContain('비즈니스 전용 상담센터');
      const english = await t.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${evening}/complete`,
        headers: { ...agent.headers, 'accept-language': 'en' },
        payload: { ...transferBody, history: supportPath },
      });
      expect(english.statusCode, english.body).toBe(400);
      expect(english.json().errors[0]).toMatchObject({
        where: '/history/1',
        message: 'closed throughout the consultation',
      });
      expect(await written(evening)).toEqual({ status: 'open', consents: 0, transfers: 0, leads: 0 });
      // The after-hours branch is taken at that hour: the caller's inquiry goes to the business team.
      const afterHours = await finish(evening, {
        ...transferBody,
        history: [
          { nodeId: 'q1-registered', answer: 'yes' },
          { nodeId: 'q1-hours', answer: 'closed' },
          ...transferBody.history.slice(1),
        ],
      });
      expect(afterHours.statusCode, afterHours.body).toBe(200);
      expect(afterHours.json().transfer).toMatchObject({ kind: 'transfer' });

      // Begun at 17:58, saved at 18:04: the line was open when the agent gave its number.
      t.setNow('2026-11-25T17:58:00+09:00');
      const late = await start();
      t.setNow('2026-11-25T18:04:00+09:00');
      const kept = await finish(late, { ...transferBody, history: supportPath });
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json().consultation).toMatchObject({ outcome: 'support-line', businessHoursOpen: true });
    } finally {
      t.setNow('2026-11-25T10:00:00+09:00');
    }
  });

  it('leaves /complete, POST /transfers and POST /leads working for integrations', async () => {
    const id = await start();
    const completed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: agent.headers,
      payload: transferBody,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: { ...agent.headers, 'idempotency-key': `transfer-${id}` },
      payload: { consultationId: id },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ consultationId: id, phone: '010-2345-6789' });
  });

  it("files under the inquiry type's settings locked with the record: its SLA, and its rotation moving finish by finish", async () => {
    const admin = await t.userWithToken('admin');
    const kim = await t.userWithToken('backoffice');
    const lee = await t.userWithToken('backoffice');
    const configured = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/transfer-settings',
      headers: admin.headers,
      payload: {
        types: [
          {
            inquiryType: 1,
            sla: { kind: 'business-minutes', minutes: 90 },
            assignees: [
              { userId: kim.id, onDuty: true },
              { userId: lee.id, onDuty: true },
            ],
          },
        ],
      },
    });
    expect(configured.statusCode, configured.body).toBe(200);
    const facts = await loadCalendarFacts(t.ctx);
    const assignees: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await start();
      const response = await finish(id, transferBody, `finish-rotation-${id}`);
      expect(response.statusCode, response.body).toBe(200);
      const { transfer } = response.json();
      assignees.push(transfer.assignee?.id);
      expect(new Date(transfer.dueAt).toISOString()).toBe(
        computeTransferDueAt(
          new Date(transfer.createdAt),
          { kind: 'business-minutes', minutes: 90 },
          facts,
        ).toISOString(),
      );
    }
    expect(assignees).toEqual([kim.id, lee.id, kim.id]);
    const [cursor] = await t.ctx.database.db
      .select({ lastAssigneeId: transferTypeSettings.lastAssigneeId })
      .from(transferTypeSettings)
      .where(
        and(eq(transferTypeSettings.guideId, 'business-inquiry'), eq(transferTypeSettings.inquiryType, 1)),
      );
    expect(cursor?.lastAssigneeId).toBe(kim.id);
  });
});
