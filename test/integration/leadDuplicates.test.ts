import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Duplicate = { id: string; number: string; status: string; createdAt: string; path: string };

const leadPath = signUpLeadPath.history;

/** A Q4-Y finish for this company and e-mail (the console's one request). */
const leadBody = (companyName: string, email: string) => ({
  scriptId: 'q4',
  inquiryType: 6,
  history: leadPath,
  record: {
    summary: '비즈니스 가입 문의',
    companyName,
    contactName: '홍길동',
    phone: '010-3456-7890',
    inquiry: `이메일주소: ${email}`,
    title: '[비즈니스] 비즈니스 가입 문의',
    body: `ㄴ 기업명 : ${companyName}`,
  },
  collected: { companyName, contactName: '홍길동', phone: '010-3456-7890', email },
});

// Issue 14 item 6: a second sign-up lead for the same company and e-mail within 30 days is filed
// with a warning naming the earlier one (blind index for the e-mail; never compared in clear).
describe.each(testBackends())('duplicate sign-up leads on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let otherAgent: User;
  let first: { id: string; number: string };

  const finishLead = async (who: User, companyName: string, email: string) => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: who.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.json().id}/finish`,
      headers: who.headers,
      payload: leadBody(companyName, email),
    });
    expect(finished.statusCode, finished.body).toBe(200);
    const body: { lead: { id: string; number: string }; duplicateLeads?: Duplicate[] } = finished.json();
    return body;
  };

  const check = async (who: User, companyName: string, email: string): Promise<Duplicate[]> => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/duplicates',
      headers: who.headers,
      payload: { companyName, email },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    otherAgent = await t.userWithToken('agent');
    t.setNow('2026-11-02T10:00:00+09:00');
    const filed = await finishLead(agent, '(주)가입상사', 'Buyer@Example.com');
    expect(filed.duplicateLeads).toEqual([]);
    first = filed.lead;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('warns before saving, for anyone filing, whatever spacing, case and legal form', async () => {
    t.setNow('2026-11-25T10:00:00+09:00');
    const found = await check(otherAgent, '가입 상사', ' buyer@example.COM ');
    expect(found).toEqual([
      {
        id: first.id,
        number: first.number,
        status: 'new',
        statusLabel: '신규',
        createdAt: '2026-11-02T01:00:00.000Z',
        path: `/queue?view=leads&lead=${first.id}`,
        filedBy: { id: agent.id, name: expect.stringMatching(/^agent /) },
        assignee: null,
        // Another agent's lead: not theirs to open, and the warning says what they need without it.
        canOpen: false,
      },
    ]);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/duplicates',
      headers: { ...otherAgent.headers, 'accept-language': 'en' },
      payload: { companyName: '가입 상사', email: 'buyer@example.com' },
    });
    expect(english.json().items[0].statusLabel).toBe('New');
    // Another company at the same address, or the same company at another address, is no duplicate.
    expect(await check(otherAgent, '가입물산', 'buyer@example.com')).toEqual([]);
    expect(await check(otherAgent, '가입상사', 'other@example.com')).toEqual([]);
  });

  it('tells each caller whether they may open the earlier lead, and opens it to no one else', async () => {
    t.setNow('2026-11-25T10:30:00+09:00');
    const open = (who: User) =>
      t.app.inject({ method: 'GET', url: `/api/v1/leads/${first.id}`, headers: who.headers });
    // The agent who filed it, and the business team, may open it: the link leads somewhere.
    expect((await check(agent, '가입상사', 'buyer@example.com'))[0]).toMatchObject({ canOpen: true });
    expect((await open(agent)).statusCode).toBe(200);
    const business = await t.userWithToken('backoffice');
    expect((await check(business, '가입상사', 'buyer@example.com'))[0]).toMatchObject({ canOpen: true });
    expect((await open(business)).statusCode).toBe(200);
    // Another agent gets the number, date, status and who filed it — and still no lead.
    expect((await check(otherAgent, '가입상사', 'buyer@example.com'))[0]).toMatchObject({ canOpen: false });
    expect((await open(otherAgent)).statusCode).toBe(404);
  });

  it('files the second lead all the same and names the earlier one in the answer', async () => {
    t.setNow('2026-11-25T11:00:00+09:00');
    const second = await finishLead(otherAgent, '가입상사', 'buyer@example.com');
    expect(second.lead.id).not.toBe(first.id);
    expect(second.duplicateLeads?.map((lead) => lead.id)).toEqual([first.id]);
    // Another agent's lead: named, but not offered as a link they could not open.
    expect(second.duplicateLeads?.[0]).toMatchObject({ canOpen: false });
    // The warning carries no personal data.
    // The number whole: four digits alone turn up in the ids now and then.
    expect(JSON.stringify(second.duplicateLeads)).not.toMatch(/buyer|홍길동|3456-?7890/i);
  });

  it("lists a filed lead's customer's other leads, earlier and later, for whoever may read it", async () => {
    t.setNow('2026-11-25T11:30:00+09:00');
    const sameCustomer = (who: User, id: string, language = 'ko') =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/leads/${id}/same-customer`,
        headers: { ...who.headers, 'accept-language': language },
      });
    const business = await t.userWithToken('backoffice');
    // The intake's warning is gone once a lead is filed: the business team sees both, each from the other.
    const ofFirst = await sameCustomer(business, first.id);
    expect(ofFirst.statusCode, ofFirst.body).toBe(200);
    const [later] = ofFirst.json().items;
    expect(ofFirst.json().items).toHaveLength(1);
    expect(later).toMatchObject({ status: 'new', canOpen: true, filedBy: { id: otherAgent.id } });
    const ofSecond = (await sameCustomer(business, later.id, 'en')).json().items;
    expect(ofSecond).toEqual([
      expect.objectContaining({ id: first.id, number: first.number, statusLabel: 'New', canOpen: true }),
    ]);
    expect(JSON.stringify(ofSecond)).not.toMatch(/buyer|홍길동|3456-?7890/i);
    // The agent who filed the first sees the later one named, not linked; a lead they may not read is a 404.
    expect((await sameCustomer(agent, first.id)).json().items[0]).toMatchObject({
      id: later.id,
      canOpen: false,
    });
    expect((await sameCustomer(agent, later.id)).statusCode).toBe(404);
  });

  it('forgets leads older than 30 days', async () => {
    t.setNow('2026-12-03T10:00:01+09:00');
    const found = await check(agent, '가입상사', 'buyer@example.com');
    // Only the second lead (25 Nov) is within 30 days now; the first (2 Nov) is not.
    expect(found).toHaveLength(1);
    expect(found[0]?.id).not.toBe(first.id);
  });

  it('answers a missing field with a 400 naming it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/duplicates',
      headers: agent.headers,
      payload: { companyName: '가입상사' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].where).toContain('email');
  });
});
