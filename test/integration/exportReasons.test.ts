import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const CALLER = '010-3456-7890';
const DAY = { from: '2026-12-08', to: '2026-12-08' };

/**
 * A download of personal data in clear says why (개인정보의 안전성 확보조치 기준: the reason for every
 * download is checked): POST …/export.csv takes the filters and a reason, answers the file GET gives,
 * and the access log keeps the reason with the export. GET stays as it was, for integrations.
 */
describe.each(testBackends())('CSV exports with a reason on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    t.setNow('2026-12-08T10:00:00+09:00');
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    await fileSignUpLeadInProcess(t.app, agent.headers, '이음상사');
    await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: CALLER,
      scriptId: signUpLeadPath.scriptId,
      inquiryType: signUpLeadPath.inquiryType,
      history: signUpLeadPath.history,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '전화상사',
        contactName: '김민수',
        phone: CALLER,
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : 전화상사',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const exportsLogged = async () =>
    (await t.app.inject({ url: '/api/v1/access-log?limit=50', headers: admin.headers }))
      .json()
      .items.filter((entry: { action: string }) => entry.action.endsWith('.export'))
      .map((entry: { action: string; subject: string; reason: string | null }) => ({
        action: entry.action,
        subject: entry.subject,
        reason: entry.reason,
      }));

  it('exports the leads with the reason, the same file as GET, and logs the reason with the export', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/export.csv',
      headers: backoffice.headers,
      payload: { status: 'new', reason: '가입 안내 OB 명단' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.headers['content-type']).toContain('text/csv');
    expect(sent.headers['content-disposition']).toBe('attachment; filename="leads-2026-12-08.csv"');
    expect(sent.body).toContain('010-2345-6789');
    const plain = await t.app.inject({
      url: '/api/v1/leads/export.csv?status=new',
      headers: backoffice.headers,
    });
    expect(sent.body).toBe(plain.body);
    expect((await exportsLogged()).slice(0, 2)).toEqual([
      { action: 'personal-data.export', subject: 'leads', reason: null },
      { action: 'personal-data.export', subject: 'leads', reason: '가입 안내 OB 명단' },
    ]);
  });

  it('exports the report with the reason, the same file as GET, and logs the reason with the export', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/export.csv',
      headers: admin.headers,
      payload: { ...DAY, reason: '민원 회신 대상 확인' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toContain(CALLER);
    const plain = await t.app.inject({
      url: `/api/v1/reports/export.csv?from=${DAY.from}&to=${DAY.to}`,
      headers: admin.headers,
    });
    expect(sent.body).toBe(plain.body);
    expect(sent.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect((await exportsLogged()).slice(0, 2)).toEqual([
      { action: 'personal-data.export', subject: 'consultations', reason: null },
      { action: 'personal-data.export', subject: 'consultations', reason: '민원 회신 대상 확인' },
    ]);
  });

  it('refuses a missing or too short reason, in the caller’s language, and exports nothing', async () => {
    const before = (await exportsLogged()).length;
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/export.csv',
      headers: backoffice.headers,
      payload: { status: 'new' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors).toEqual([expect.objectContaining({ where: 'body/reason' })]);
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/export.csv',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { ...DAY, reason: ' 확 ' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ where: 'body/reason' })]);
    expect(short.json().errors[0].message).not.toMatch(/[가-힣]{3}/);
    // A bad filter is refused as on GET, before anything is logged.
    const reversed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/export.csv',
      headers: admin.headers,
      payload: { from: '2026-12-09', to: '2026-12-01', reason: '민원 회신 대상 확인' },
    });
    expect(reversed.statusCode).toBe(400);
    expect((await exportsLogged()).length).toBe(before);
  });

  it('keeps the exports to the roles GET allows', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/export.csv',
      headers: agent.headers,
      payload: { ...DAY, reason: '민원 회신 대상 확인' },
    });
    expect(refused.statusCode).toBe(403);
    const leads = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/export.csv',
      headers: agent.headers,
      payload: { reason: '가입 안내 OB 명단' },
    });
    expect(leads.statusCode).toBe(403);
  });
});
