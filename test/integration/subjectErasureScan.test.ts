import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// The data subject of this test: a name no other record here uses, a phone and an e-mail.
const NAME = '탁서윤';
const PHONE = '010-2468-1357';
const EMAIL = 'Seoyun.Tak@Example.com';
/** Every way the subject may be written; the scan looks for each (case-insensitively for the e-mail). */
const TRACES = [
  NAME,
  // The name as staff type it into comments and notes: spaced, the given name before an honorific.
  '탁 서윤',
  '서윤 님',
  '서윤님',
  '서윤씨',
  PHONE,
  '01024681357',
  '010 2468 1357',
  '2468-1357',
  '24681357',
  EMAIL.toLowerCase(),
];
// Someone else, named in a record that only mentions the subject: stays.
const OTHER = '박민준';

const columnRow = z.object({ table_name: z.string(), column_name: z.string() });
const valueRow = z.object({ value: z.string().nullable() });
const SEALED = /enc:v1:[0-9a-f]+:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/g;

describe.each(testBackends())('data-subject delete leaves no trace, anywhere, on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;
  let receiver: TestWebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop().catch(() => {});
  });

  const inject = async (who: User, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload === undefined
        ? {}
        : {
            payload: JSON.stringify(payload),
            headers: { ...who.headers, 'content-type': 'application/json' },
          }),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  /** Every value of every text, json or bytea column of every table, read generically from information_schema. */
  async function everyStoredValue(): Promise<Array<{ where: string; value: string }>> {
    const db = t.ctx.database.db;
    const columns = await queryRows(
      db,
      sql`select table_name::text, column_name::text from information_schema.columns
          where table_schema = current_schema()
            and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
          order by table_name, column_name`,
      columnRow,
    );
    expect(columns.length).toBeGreaterThan(30);
    const values: Array<{ where: string; value: string }> = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await queryRows(
        db,
        sql`select ${sql.identifier(column)}::text as value from ${sql.identifier(table)}`,
        valueRow,
      );
      for (const row of rows)
        if (row.value !== null) values.push({ where: `${table}.${column}`, value: row.value });
    }
    return values;
  }

  /** A stored value with every sealed token in it opened (so the scan sees what the key would reveal). */
  const opened = (value: string) =>
    value.replace(SEALED, (token) => {
      const open = t.ctx.fieldCodec.openText(token);
      return open.readable ? open.value : '';
    });

  const tracesIn = (values: Array<{ where: string; value: string }>, read: (value: string) => string) =>
    values.flatMap(({ where, value }) => {
      const text = read(value).normalize('NFC');
      return TRACES.filter((trace) => text.toLowerCase().includes(trace.toLowerCase())).map(
        (trace) => `${where}: ${trace}`,
      );
    });

  it('stores the subject only sealed in normal use, and a delete by phone and by e-mail erases them from every table', async () => {
    await inject(admin, 'POST', '/api/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['*'],
      includePersonalData: true,
      description: '개인정보 포함 미러',
    });
    const guide = t.ctx.guides.get('business-inquiry');
    if (!guide) throw new Error('business-inquiry guide missing');
    const transferPath = enumerateFlowPaths(guide, 'q1').find(
      (path) =>
        path.outcome === 'transfer' &&
        !path.history.some((e) => e.answer === 'open' || e.answer === 'closed'),
    )?.history;
    if (!transferPath) throw new Error('no q1 transfer path');

    // A call: the record names the subject; filed to the business team, commented, a status note.
    const consultationId = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: '01024681357',
      scriptId: 'q1',
      inquiryType: 1,
      history: transferPath,
      record: {
        summary: '정산 문의',
        companyName: '서윤상사',
        contactName: NAME,
        phone: PHONE,
        inquiry: `정산 내역 요청 (회신 ${EMAIL})`,
        title: '[비즈니스] 정산 문의',
        body: `ㄴ 담당자 이름 : ${NAME}\nㄴ 연락처 : ${PHONE}`,
      },
    });
    const transfer = await inject(agent, 'POST', '/api/v1/transfers', { consultationId });
    await inject(backoffice, 'POST', `/api/v1/transfers/${transfer.id}/comments`, {
      body: `${NAME} 고객님 010 2468 1357 로 다시 전화 요청 (탁 서윤 님 오후 가능)`,
    });
    await inject(backoffice, 'POST', `/api/v1/transfers/${transfer.id}/status`, {
      status: 'in-progress',
      note: `${NAME} 님 부재 (01024681357), 서윤님께 문자`,
    });
    await inject(backoffice, 'POST', `/api/v1/transfers/${transfer.id}/reveal`, {
      reason: `${NAME} ${PHONE} 재통화 (서윤 님 요청)`,
    });

    // Someone else's transfer whose comment mentions the subject.
    const other = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName: OTHER,
      phone: '010-5555-6666',
      inquiry: '요금 문의',
    });
    await inject(backoffice, 'POST', `/api/v1/transfers/${other.id}/comments`, {
      body: `${OTHER} 님 동료 ${NAME} 님(${EMAIL})도 같은 문의; 탁 서윤 님 회신 대기`,
    });

    // A sign-up lead for the subject, with its brochure e-mail and a callback note.
    const leadConsultation = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '서윤상사',
        contactName: NAME,
        phone: PHONE,
        inquiry: `이메일주소: ${EMAIL}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : 서윤상사',
      },
    });
    const lead = await inject(agent, 'POST', '/api/v1/leads', {
      consultationId: leadConsultation,
      companyName: '서윤상사',
      contactName: NAME,
      phone: PHONE,
      email: EMAIL,
    });
    await inject(backoffice, 'POST', `/api/v1/leads/${lead.id}/callback-outcome`, {
      outcome: 'no-answer',
      note: `${NAME} 님 ${PHONE} 받지 않음, 서윤씨 비서에게 메모`,
    });
    await t.runJobs();
    // The receiver (trusted, with personal data) got the subject in clear: the bodies were sent.
    expect(receiver.received.some((delivery) => delivery.body.includes(PHONE))).toBe(true);

    // At rest, nothing is in clear: the subject is only inside sealed values.
    const before = await everyStoredValue();
    expect(tracesIn(before, (value) => value)).toEqual([]);
    expect(tracesIn(before, opened).length).toBeGreaterThan(10);

    for (const subject of [{ phone: '01024681357' }, { email: EMAIL }]) {
      await inject(admin, 'POST', '/api/v1/data-subjects/delete', {
        ...subject,
        reason: '정보주체 삭제 요청',
      });
    }

    const after = await everyStoredValue();
    expect(tracesIn(after, (value) => value)).toEqual([]);
    expect(tracesIn(after, opened)).toEqual([]);
    // Redacted, not wiped: the other customer's record keeps its own contact and comment.
    const afterOther = after.map(({ value }) => opened(value)).join('\n');
    expect(afterOther).toContain(OTHER);
    expect(afterOther).toContain('010-5555-6666');
    // The access log still verifies after its reasons were redacted.
    const verified = await inject(admin, 'GET', '/api/v1/access-log/verify');
    expect(verified.ok).toBe(true);
  });
});
