import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../../src/server/db/leadSchema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = { id: string; headers: { authorization: string } };
type Injected = {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => { errors?: unknown; code?: unknown };
};

const leadPath = signUpLeadPath.history;
const intake = {
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-2345-6789',
  email: 'buyer@example.com',
};

/** A problem+json (400 unless said) whose first error names `where`. */
function expectProblemAt(response: Injected, where: string, status = 400, code?: string): void {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  if (code) expect(response.json().code).toBe(code);
  expect(response.json().errors).toEqual([expect.objectContaining({ where, message: expect.any(String) })]);
}

describe.each(testBackends())('malformed input on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let backoffice: User;
  let admin: User;
  let transferId: string;
  let leadId: string;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    admin = await t.userWithToken('admin');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call' },
    });
    const consultationId = started.json().id;
    const completed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultationId}/complete`,
      headers: agent.headers,
      payload: {
        scriptId: 'q4',
        inquiryType: 6,
        history: leadPath,
        record: { summary: '가입 문의', title: '[비즈니스] 가입 문의', body: 'ㄴ 기업명 : 이음상사' },
      },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: { consultationId, ...intake },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    leadId = lead.json().id;
    const transfer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: {
        inquiryType: 1,
        channel: 'call',
        companyName: 'ACME',
        phone: '010-3333-4444',
        inquiry: '문의',
      },
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    transferId = transfer.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a NUL character anywhere in a body or query with a 400 naming the field, and writes nothing', async () => {
    const [before] = await t.ctx.database.db.select({ n: count() }).from(transfers);
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/transfers',
        headers: agent.headers,
        payload: { inquiryType: 1, companyName: 'a\u0000b', phone: '010-3333-4444', inquiry: '문의' },
      }),
      'body/companyName',
    );
    const [after] = await t.ctx.database.db.select({ n: count() }).from(transfers);
    expect(after?.n).toBe(before?.n);

    const writes: Array<{ method: 'POST'; url: string; user: User; payload: object; where: string }> = [
      {
        method: 'POST',
        url: `/api/v1/transfers/${transferId}/comments`,
        user: agent,
        payload: { body: '확인 부탁\u0000' },
        where: 'body/body',
      },
      {
        method: 'POST',
        url: '/api/v1/closures',
        user: admin,
        payload: { date: '2027-03-03', name: '휴무\u0000' },
        where: 'body/name',
      },
      {
        method: 'POST',
        url: '/api/v1/webhooks',
        user: admin,
        payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'], description: '\u0000' },
        where: 'body/description',
      },
      {
        method: 'POST',
        url: '/api/v1/tokens',
        user: agent,
        payload: { name: 'ci\u0000' },
        where: 'body/name',
      },
      {
        method: 'POST',
        url: `/api/v1/leads/${leadId}/reveal`,
        user: backoffice,
        payload: { reason: '콜백\u0000연락' },
        where: 'body/reason',
      },
      {
        method: 'POST',
        url: `/api/v1/leads/${leadId}/callback-outcome`,
        user: backoffice,
        payload: { outcome: 'reached', note: '\u0000' },
        where: 'body/note',
      },
      {
        method: 'POST',
        url: '/api/v1/data-subjects/find',
        user: admin,
        payload: { phone: '010-2345-6789', reason: '요청\u0000처리' },
        where: 'body/reason',
      },
    ];
    for (const write of writes) {
      expectProblemAt(
        await t.app.inject({
          method: write.method,
          url: write.url,
          headers: write.user.headers,
          payload: write.payload,
        }),
        write.where,
      );
    }
    const closures = await t.app.inject({ url: '/api/v1/closures', headers: admin.headers });
    expect(closures.json().items).toEqual([]);
    const lead = await t.app.inject({ url: `/api/v1/leads/${leadId}`, headers: backoffice.headers });
    expect(lead.json()).toMatchObject({ status: 'new', lastOutcome: null });

    // Public routes too: the login lookup must not fail in the database.
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a\u0000b@example.com', password: 'x' },
      }),
      'body/email',
    );
    expectProblemAt(
      await t.app.inject({ url: '/api/v1/access-log?actor=%00', headers: admin.headers }),
      'querystring/actor',
    );
  });

  it('refuses dates and instants outside the years the database and calendar can hold with a 400 naming the field', async () => {
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/closures',
        headers: admin.headers,
        payload: { date: '0000-01-01', name: '휴무' },
      }),
      'body/date',
    );
    for (const url of [
      '/api/v1/leads?from=0001-01-01',
      '/api/v1/leads/funnel?from=0001-01-01',
      '/api/v1/leads/export.csv?from=0001-01-01',
    ]) {
      expectProblemAt(await t.app.inject({ url, headers: backoffice.headers }), 'querystring/from');
    }
    expectProblemAt(
      await t.app.inject({ url: '/api/v1/leads?to=9999-12-31', headers: backoffice.headers }),
      'querystring/to',
    );
    expectProblemAt(
      await t.app.inject({
        url: '/api/v1/access-log?from=0000-01-01T00:00:00Z',
        headers: admin.headers,
      }),
      'querystring/from',
    );
    expectProblemAt(
      await t.app.inject({
        url: '/api/v1/business-hours?at=9999-12-31T23:59:59Z',
        headers: agent.headers,
      }),
      'querystring/at',
    );

    // A no-answer retry in year 9999 would be moved past 9999 by the calendar: 400, and the lead unchanged.
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${leadId}/callback-outcome`,
        headers: backoffice.headers,
        payload: { outcome: 'no-answer', retryAt: '9999-12-31T23:59:59Z' },
      }),
      'body/retryAt',
    );
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/transfers/${transferId}/status`,
        headers: backoffice.headers,
        payload: { status: 'unreachable', retryAt: '9999-12-31T23:59:59Z' },
      }),
      'body/retryAt',
    );
    // Text that is no instant at all is still the format's 400, not a 500 from the year check.
    expectProblemAt(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${leadId}/callback-outcome`,
        headers: backoffice.headers,
        payload: { outcome: 'no-answer', retryAt: 'tomorrow' },
      }),
      'body/retryAt',
    );
    const [leadRows] = await t.ctx.database.db.select({ n: count() }).from(leads);
    expect(leadRows?.n).toBe(1);
    const lead = await t.app.inject({ url: `/api/v1/leads/${leadId}`, headers: backoffice.headers });
    expect(lead.json()).toMatchObject({ status: 'new', callback: { attempts: 0 } });

    // Ordinary dates still work.
    const ok = await t.app.inject({
      url: '/api/v1/leads/funnel?from=2026-01-01&to=2026-12-31',
      headers: backoffice.headers,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('says where a body the framework cannot parse went wrong', async () => {
    const url = `/api/v1/transfers/${transferId}/comments`;
    const post = (contentType: string, payload: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...agent.headers, 'content-type': contentType },
        payload,
      });
    const json = 'application/json';
    expectProblemAt(
      await post('application/xml', '<comment>hello</comment>'),
      'header content-type',
      415,
      'unsupported-media-type',
    );
    expectProblemAt(
      await post('application/x-www-form-urlencoded', 'body=hello'),
      'header content-type',
      415,
      'unsupported-media-type',
    );
    expectProblemAt(
      await post(json, JSON.stringify({ body: 'x'.repeat(1_100_000) })),
      'body',
      413,
      'payload-too-large',
    );
    expectProblemAt(await post(json, '{"body": '), 'body');
    expectProblemAt(await post(json, ''), 'body');
  });
});
