import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonIdleConsultations } from '../../src/server/services/consultations/abandonIdleConsultations.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const record = {
  summary: '배너 광고 제휴 신청',
  companyName: '이음광고',
  contactName: '김제휴',
  phone: '010-2222-3333',
  inquiry: '앱 첫 화면 배너 광고 제휴 신청',
  title: '[제휴] 배너 광고 제휴 신청',
  body: 'ㄴ 기업명 : 이음광고\nㄴ 문의 내용 : 앱 첫 화면 배너 광고 제휴 신청',
};
// partner-inquiry's chat-only script p2 (type 10): take the request, transfer.
const bannerPath = [{ nodeId: 'p2-inquiry', answer: 'next' }];
// Its script p1 (types 1–9), on any channel: take the inquiry, the caller agrees to a callback.
const generalPath = [
  { nodeId: 'p1-inquiry', answer: 'next' },
  { nodeId: 'p1-callback', answer: 'yes' },
];

// IEUM_GUIDES_DIR holds the business guide and the second test guide (ten types, another id, a
// chat-only script): both are served, and nothing falls back to the business guide's bounds.
describe.each(testBackends())('two guides in IEUM_GUIDES_DIR on $name', (backend) => {
  const guides = twoGuidesDir();
  let t: TestApp;
  let admin: User;
  let agent: User;
  let kim: User;
  let lee: User;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_GUIDES_DIR: guides.dir });
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    kim = await t.userWithToken('backoffice', `kim-two-${backend.name}@ieum.test`);
    lee = await t.userWithToken('backoffice', `lee-two-${backend.name}@ieum.test`);
  });
  afterAll(async () => {
    await t?.close();
    guides.remove();
  });

  const inject = (user: User, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

  it('lists both guides, the first by id being the default when IEUM_DEFAULT_GUIDE is unset', async () => {
    const list = await inject(agent, 'GET', '/api/v1/guides');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: 'business-inquiry', heading: '비즈니스 문의', isDefault: true }),
      expect.objectContaining({ id: 'partner-inquiry', heading: '제휴 문의', isDefault: false }),
    ]);
    const partner = await inject(agent, 'GET', '/api/v1/guides/partner-inquiry');
    expect(partner.json().inquiryTypes).toHaveLength(10);
    expect(partner.json().channels).toEqual([
      { id: 'call', label: '전화' },
      { id: 'chat', label: '채팅' },
    ]);
    expect(partner.json().scripts[1].channels).toEqual(['chat']);
    // The business guide (schema v1 on disk) is served migrated, with its channels as data.
    const business = await inject(agent, 'GET', '/api/v1/guides/business-inquiry');
    expect(business.json().schemaVersion).toBe(2);
    expect(business.json().channels.map((channel: { id: string }) => channel.id)).toEqual(['call', 'chat']);
  });

  it('gives type 10 of the second guide its own transfer settings, beside type 1 of each guide', async () => {
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          guideId: 'partner-inquiry',
          inquiryType: 10,
          sla: { kind: 'business-minutes', minutes: 30 },
          assignees: [{ userId: lee.id }],
        },
        {
          guideId: 'partner-inquiry',
          inquiryType: 1,
          sla: { kind: 'business-minutes', minutes: 60 },
          assignees: [],
        },
        // No guide id: the default guide (the business guide) — the request as it was before.
        {
          inquiryType: 1,
          sla: { kind: 'next-business-day', time: '10:00' },
          assignees: [{ userId: kim.id }],
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const types: Array<{ guideId: string; guideLabel: string; inquiryType: number; label: string }> =
      saved.json().types;
    expect(types).toHaveLength(19);
    const find = (guideId: string, inquiryType: number) =>
      saved
        .json()
        .types.find(
          (type: { guideId: string; inquiryType: number }) =>
            type.guideId === guideId && type.inquiryType === inquiryType,
        );
    expect(find('partner-inquiry', 10)).toMatchObject({
      guideLabel: '제휴 문의',
      label: '배너 광고 제휴 신청',
      sla: { kind: 'business-minutes', minutes: 30 },
      assignees: [{ userId: lee.id }],
    });
    expect(find('partner-inquiry', 1)).toMatchObject({ sla: { kind: 'business-minutes', minutes: 60 } });
    expect(find('business-inquiry', 1)).toMatchObject({
      sla: { kind: 'next-business-day', time: '10:00' },
      assignees: [{ userId: kim.id }],
    });

    const eleven = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          guideId: 'partner-inquiry',
          inquiryType: 11,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: [],
        },
      ],
    });
    expect(eleven.statusCode).toBe(400);
    expect(eleven.json().errors).toEqual([
      expect.objectContaining({
        where: '/types/0/inquiryType',
        message: expect.stringContaining('제휴 문의'),
      }),
    ]);
    const unknownGuide = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        { guideId: 'nope', inquiryType: 1, sla: { kind: 'next-business-day', time: '12:00' }, assignees: [] },
      ],
    });
    expect(unknownGuide.statusCode).toBe(400);
    expect(unknownGuide.json().errors[0].where).toBe('/types/0/guideId');
  });

  it('finishes a chat consultation of type 10 and files its transfer with the guide id', async () => {
    const consultationId = await recordConsultation(t.app, agent.headers, {
      guideId: 'partner-inquiry',
      channel: 'chat',
      scriptId: 'p2',
      inquiryType: 10,
      history: bannerPath,
      record,
    });
    const consultation = await inject(agent, 'GET', `/api/v1/consultations/${consultationId}`);
    expect(consultation.json()).toMatchObject({
      guideId: 'partner-inquiry',
      guideVersion: '2026.12.01-test',
      inquiryType: 10,
      outcome: 'transfer',
      record: { category: '제휴 > 이관' },
    });

    const preview = await inject(
      agent,
      'GET',
      '/api/v1/transfers/preview?guideId=partner-inquiry&inquiryType=10',
    );
    expect(preview.json()).toMatchObject({ guideId: 'partner-inquiry', assignee: { id: lee.id } });

    const filed = await inject(agent, 'POST', '/api/v1/transfers', { consultationId });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      guideId: 'partner-inquiry',
      guideLabel: '제휴 문의',
      inquiryType: 10,
      inquiryTypeLabel: '배너 광고 제휴 신청',
      channel: 'chat',
      assignee: { id: lee.id },
      sla: { state: 'running' },
    });
    // 30 business minutes from Wednesday 10:00.
    expect(filed.json().dueAt).toBe('2026-11-25T01:30:00.000Z');

    const queue = await inject(kim, 'GET', '/api/v1/transfers?guideId=partner-inquiry');
    expect(queue.json().items.map((item: { id: string }) => item.id)).toEqual([filed.json().id]);
    const business = await inject(kim, 'GET', '/api/v1/transfers?guideId=business-inquiry');
    expect(business.json().items).toEqual([]);
  });

  it('finishes a chat of type 10 in one request (POST …/finish): record and transfer on the second guide', async () => {
    // Started without a guide (the default: the business guide); the type is the second guide's.
    const started = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'chat' });
    expect(started.json().guideId).toBe('business-inquiry');
    const id: string = started.json().id;
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'idempotency-key': `finish-${id}` },
      payload: { guideId: 'partner-inquiry', scriptId: 'p2', inquiryType: 10, history: bannerPath, record },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().consultation).toMatchObject({
      id,
      guideId: 'partner-inquiry',
      guideVersion: '2026.12.01-test',
      inquiryType: 10,
    });
    expect(finished.json().transfer).toMatchObject({
      consultationId: id,
      guideId: 'partner-inquiry',
      inquiryType: 10,
      inquiryTypeLabel: '배너 광고 제휴 신청',
      channel: 'chat',
      assignee: { id: lee.id },
    });
    expect(finished.json().lead).toBeNull();
  });

  it('refuses the chat-only script on a call, and a type or channel the guide does not have, naming the field', async () => {
    const start = async (channel: 'call' | 'chat', guideId?: string) => {
      const started = await inject(agent, 'POST', '/api/v1/consultations', {
        channel,
        ...(guideId ? { guideId } : {}),
      });
      expect(started.statusCode, started.body).toBe(201);
      return started.json().id as string;
    };
    const complete = (id: string, body: object) =>
      inject(agent, 'POST', `/api/v1/consultations/${id}/complete`, { history: bannerPath, record, ...body });

    const onCall = await complete(await start('call', 'partner-inquiry'), {
      scriptId: 'p2',
      inquiryType: 10,
    });
    expect(onCall.statusCode).toBe(400);
    expect(onCall.json().errors).toEqual([
      expect.objectContaining({
        where: '/scriptId',
        message: expect.stringContaining('call'),
        messageKey: 'consultations.scriptNotOnChannelDetail',
      }),
    ]);

    const eleven = await complete(await start('chat', 'partner-inquiry'), {
      scriptId: 'p2',
      inquiryType: 11,
    });
    expect(eleven.statusCode).toBe(400);
    expect(eleven.json().errors).toEqual([
      expect.objectContaining({
        where: '/inquiryType',
        message: '범위 밖',
        messageKey: 'consultations.outOfRange',
      }),
    ]);

    // The business guide has nine types: its tenth is a 400, not a failed insert (was a 500).
    const businessTen = await complete(await start('chat'), {
      scriptId: 'q1',
      inquiryType: 10,
      history: [{ nodeId: 'q1-registered', answer: 'no' }],
    });
    expect(businessTen.statusCode).toBe(400);
    expect(businessTen.json().errors[0].where).toBe('/inquiryType');

    const unknownGuide = await inject(agent, 'POST', '/api/v1/consultations', {
      channel: 'chat',
      guideId: 'nope',
    });
    expect(unknownGuide.statusCode).toBe(400);
    expect(unknownGuide.json().errors[0].where).toBe('/guideId');
    const fax = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'fax' });
    expect(fax.statusCode).toBe(400);
    expect(fax.json().errors[0].where).toBe('body/channel');

    const transferTen = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 10,
      channel: 'chat',
      phone: '010-2222-3333',
      inquiry: '기본 가이드에는 10번 유형이 없습니다',
    });
    expect(transferTen.statusCode).toBe(400);
    expect(transferTen.json().errors).toEqual([
      expect.objectContaining({ where: '/inquiryType', message: expect.stringContaining('비즈니스 문의') }),
    ]);
    const transferGuide = await inject(agent, 'POST', '/api/v1/transfers', {
      guideId: 'nope',
      inquiryType: 1,
      phone: '010-2222-3333',
      inquiry: '없는 가이드',
    });
    expect(transferGuide.statusCode).toBe(400);
    expect(transferGuide.json().errors[0].where).toBe('/guideId');
  });

  it('moves a consultation to the guide the agent picked the type from', async () => {
    // Started without a guide (the default, the business guide), then type 3 of the partner guide.
    const started = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'call' });
    expect(started.json().guideId).toBe('business-inquiry');
    const id: string = started.json().id;
    const completed = await inject(agent, 'POST', `/api/v1/consultations/${id}/complete`, {
      guideId: 'partner-inquiry',
      scriptId: 'p1',
      inquiryType: 3,
      history: generalPath,
      record: { ...record, summary: '수수료 문의', title: '[제휴] 수수료 문의' },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({
      guideId: 'partner-inquiry',
      guideVersion: '2026.12.01-test',
      inquiryType: 3,
      channel: 'call',
    });
    const filed = await inject(agent, 'POST', '/api/v1/transfers', { consultationId: id });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      guideId: 'partner-inquiry',
      inquiryType: 3,
      inquiryTypeLabel: '수수료 문의',
    });
    // The transfer belongs to its consultation's guide.
    const other = await recordConsultation(t.app, agent.headers, {
      guideId: 'partner-inquiry',
      channel: 'chat',
      scriptId: 'p1',
      inquiryType: 8,
      history: generalPath,
      record,
    });
    const mismatch = await inject(agent, 'POST', '/api/v1/transfers', {
      consultationId: other,
      guideId: 'business-inquiry',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].where).toBe('/guideId');
  });

  it('keeps the guide and type an abandoned call had picked (its draft), as a finish would record them', async () => {
    const started = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'call' });
    const id: string = started.json().id;
    const draft = await inject(agent, 'PUT', `/api/v1/consultations/${id}/draft`, {
      revision: 1,
      draft: { guideId: 'partner-inquiry', scriptId: 'p1', inquiryType: 3, history: [] },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    t.advance((t.ctx.env.IEUM_ABANDON_AFTER_MINUTES + 1) * 60_000);
    expect(await abandonIdleConsultations(t.ctx)).toBeGreaterThanOrEqual(1);
    const abandoned = await inject(agent, 'GET', `/api/v1/consultations/${id}`);
    expect(abandoned.json()).toMatchObject({
      status: 'abandoned',
      guideId: 'partner-inquiry',
      guideVersion: '2026.12.01-test',
      inquiryType: 3,
    });
  });

  it('suggests and searches across both guides, naming the guide of each hit', async () => {
    const suggested = await inject(agent, 'POST', '/api/v1/assist/suggest', {
      text: '앱에 배너 광고 제휴를 신청하고 싶어요',
    });
    expect(suggested.statusCode, suggested.body).toBe(200);
    expect(suggested.json().suggestions[0]).toMatchObject({
      guideId: 'partner-inquiry',
      inquiryType: 10,
      scriptId: 'p2',
    });
    const business = await inject(agent, 'POST', '/api/v1/assist/suggest', {
      text: '세금계산서 발행해 주세요',
      guideId: 'business-inquiry',
    });
    expect(
      business.json().suggestions.every((item: { guideId: string }) => item.guideId === 'business-inquiry'),
    ).toBe(true);

    const found = await inject(agent, 'GET', `/api/v1/search?q=${encodeURIComponent('배너 광고')}`);
    expect(found.json().results[0]).toMatchObject({ guideId: 'partner-inquiry', inquiryType: 10 });
  });
  it("decides business hours by each guide's own support line (business 09–18, partner 10–17)", async () => {
    const at = (time: string) => encodeURIComponent(`2026-11-25T${time}:00+09:00`); // a Wednesday
    const hoursAt = async (time: string, guideId?: string) => {
      const query = `at=${at(time)}${guideId ? `&guideId=${guideId}` : ''}`;
      const answer = await inject(agent, 'GET', `/api/v1/business-hours?${query}`);
      expect(answer.statusCode).toBe(200);
      return answer.json();
    };
    // 09:30: the business line is open, the partner line opens at 10:00.
    expect(await hoursAt('09:30')).toMatchObject({ open: true, reason: 'open' });
    expect(await hoursAt('09:30', 'business-inquiry')).toMatchObject({ open: true });
    expect(await hoursAt('09:30', 'partner-inquiry')).toMatchObject({
      open: false,
      reason: 'before-hours',
      nextOpenAt: '2026-11-25T10:00:00+09:00',
      line: { guideId: 'partner-inquiry', name: '제휴 상담센터', opens: '10:00', closes: '17:00' },
    });
    expect((await hoursAt('09:30')).line).toMatchObject({ guideId: 'business-inquiry', opens: '09:00' });
    // 17:30: the partner line has closed until tomorrow 10:00; the business line is still open.
    expect(await hoursAt('17:30', 'partner-inquiry')).toMatchObject({
      open: false,
      reason: 'after-hours',
      nextOpenAt: '2026-11-26T10:00:00+09:00',
    });
    expect(await hoursAt('17:30')).toMatchObject({ open: true });

    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/business-hours?guideId=no-such-guide',
      headers: { ...agent.headers, 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ where: 'querystring/guideId', message: expect.any(String) }),
    ]);
    expect(unknown.json().detail).toMatch(/no-such-guide/);
  });
});

describe('IEUM_DEFAULT_GUIDE', () => {
  const guides = twoGuidesDir();
  afterAll(() => guides.remove());

  it('picks the default guide among several, and stops the start when it names no loaded guide', async () => {
    const [backend] = testBackends();
    if (!backend) throw new Error('no backend');
    const t = await buildTestApp(backend, {
      IEUM_GUIDES_DIR: guides.dir,
      IEUM_DEFAULT_GUIDE: 'partner-inquiry',
    });
    try {
      const { headers } = await t.userWithToken('agent');
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers,
        payload: { channel: 'call' },
      });
      expect(started.json().guideId).toBe('partner-inquiry');
    } finally {
      await t.close();
    }
    await expect(
      buildTestApp(backend, { IEUM_GUIDES_DIR: guides.dir, IEUM_DEFAULT_GUIDE: 'no-such-guide' }),
    ).rejects.toThrow('IEUM_DEFAULT_GUIDE "no-such-guide" is not a guide');
  });
});
