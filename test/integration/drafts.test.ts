import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../src/server/db/jobsSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { canSeeEvent } from '../../src/server/events/canSeeEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { q1TransferFinish, q1TransferPath } from '../helpers/q1TransferFinish.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const draft = {
  scriptId: 'q4',
  inquiryType: 6,
  history: [
    { nodeId: 'q4-signup', answer: 'yes' },
    { nodeId: 'q4-consent', answer: 'agreed' },
  ],
  collected: {
    companyName: '초안상사',
    contactName: '홍길동',
    phone: '010-4567-8901',
    email: 'draft@example.com',
  },
  record: { summary: '비즈니스 가입 문의', title: '[비즈니스] 가입 문의', body: 'ㄴ 담당자 : 홍길동' },
  transfer: { file: false, email: '' },
  businessNumber: '120-81-47521',
};

/** The Q1 transfer path as a draft: the record a tab corrected, before the call is finished. */
const q1Draft = { ...q1TransferPath, collected: {}, record: q1TransferFinish.record, transfer: null };

describe.each(testBackends())('consultation drafts on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: Headers };
  let other: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    other = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function start(who = agent): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: who.headers,
      payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-7777-8888' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  function put(id: string, revision: number, body: object = draft, who = agent) {
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/consultations/${id}/draft`,
      headers: who.headers,
      payload: { revision, draft: body },
    });
  }

  function get(id: string, who = agent) {
    return t.app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/draft`, headers: who.headers });
  }

  it('refuses a draft the console could not resume, naming the field, and stores nothing', async () => {
    const id = await start();
    for (const [body, where, en] of [
      [{ ...draft, guideId: 'nope' }, '/draft/guideId', 'Guide not found: nope'],
      [{ ...draft, inquiryType: 77 }, '/draft/inquiryType', 'out of range'],
      [{ ...draft, scriptId: 'zzz' }, '/draft/scriptId', 'unknown script: zzz'],
      [{ ...draft, inquiryType: 3 }, '/draft/scriptId', 'inquiry type 3 uses script q3'],
      [{ ...draft, inquiryType: null }, '/draft/inquiryType', 'Choose an inquiry type'],
    ] as const) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/consultations/${id}/draft`,
        headers: { ...agent.headers, 'accept-language': 'en' },
        payload: { revision: 1, draft: body },
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ where });
      expect(refused.body).toContain(en);
    }
    expect((await get(id)).json().revision).toBe(0);
    // Still picking a type: nothing to check but the guide.
    const picking = await put(id, 1, { ...draft, scriptId: null, inquiryType: null, history: [] });
    expect(picking.statusCode, picking.body).toBe(200);
  });

  it('round-trips a draft, encrypted at rest with no clear text in the row', async () => {
    const id = await start();
    const empty = await get(id);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ consultationId: id, revision: 0, savedAt: null, draft: null });

    t.setNow('2026-11-25T10:05:00+09:00');
    const saved = await put(id, 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      consultationId: id,
      revision: 1,
      savedAt: '2026-11-25T01:05:00.000Z',
    });

    const read = await get(id);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({
      consultationId: id,
      revision: 1,
      savedAt: '2026-11-25T01:05:00.000Z',
      draft: { ...draft, businessHoursOpen: undefined },
    });

    const [row] = await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row?.draft).toMatch(/^enc:v1:/);
    const stored = JSON.stringify(row);
    for (const clear of [
      '초안상사',
      '홍길동',
      '010-4567-8901',
      '01045678901',
      'draft@example.com',
      '1208147521',
    ]) {
      expect(stored).not.toContain(clear);
    }
    expect(row?.lastActivityAt.toISOString()).toBe('2026-11-25T01:05:00.000Z');
    // The draft's phone and e-mail are findable by blind index (data-subject requests).
    expect(row?.personalIndex?.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the newest revision: a stale tab cannot overwrite a newer draft', async () => {
    const id = await start();
    expect((await put(id, 5)).statusCode).toBe(200);
    const stale = await put(id, 4, { ...draft, collected: { companyName: '옛날상사' } });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().errors[0].where).toBe('/revision');
    const same = await put(id, 5, { ...draft, collected: { companyName: '같은상사' } });
    expect(same.statusCode, same.body).toBe(409);
    // The same revision is stale too, and the answer says so rather than "newer than 5" (QA-8 L8).
    expect(same.json().errors[0].message).toBe(
      '저장된 revision이 이미 5 이상입니다. 더 큰 revision으로 보내세요',
    );
    expect((await get(id)).json().draft.collected.companyName).toBe('초안상사');

    const newer = await put(id, 6, { ...draft, collected: { companyName: '새상사' } });
    expect(newer.statusCode, newer.body).toBe(200);
    expect((await get(id)).json()).toMatchObject({
      revision: 6,
      draft: { collected: { companyName: '새상사' } },
    });
  });

  it('belongs to the consultation’s own agent only', async () => {
    const id = await start();
    expect((await put(id, 1)).statusCode).toBe(200);
    expect((await put(id, 2, draft, other)).statusCode).toBe(404);
    expect((await get(id, other)).statusCode).toBe(404);
    const backoffice = await t.userWithToken('backoffice');
    expect((await put(id, 3, draft, backoffice)).statusCode).toBe(403);
  });

  it('announces a write to the same agent’s other tabs only, without personal data', async () => {
    const id = await start();
    expect((await put(id, 1)).statusCode).toBe(200);
    const [event] = await t.ctx.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'consultation.draft-saved'))
      .orderBy(desc(events.id))
      .limit(1);
    if (!event) throw new Error('no draft event');
    expect(event.data).toMatchObject({ consultationId: id, agentId: agent.id, revision: 1 });
    expect(JSON.stringify(event.data)).not.toContain('홍길동');
    const live = { id: event.id, type: event.type, data: event.data, at: event.at.toISOString() };
    const user = (id: string, role: 'agent' | 'admin' | 'supervisor') => ({
      id,
      email: 'x@ieum.test',
      name: 'x',
      role,
    });
    expect(canSeeEvent(user(agent.id, 'agent'), live)).toBe(true);
    expect(canSeeEvent(user(other.id, 'agent'), live)).toBe(false);
    expect(canSeeEvent(user(other.id, 'admin'), live)).toBe(false);
  });

  it('lists the agent’s open consultations with their drafts to resume; finishing clears the draft', async () => {
    const id = await start();
    expect((await put(id, 3)).statusCode).toBe(200);
    const otherId = await start(other);
    const open = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations/open',
      headers: agent.headers,
    });
    expect(open.statusCode, open.body).toBe(200);
    const items: Array<{ consultation: { id: string; callerNumber: string }; draft: { revision: number } }> =
      open.json().items;
    const mine = items.find((item) => item.consultation.id === id);
    expect(mine?.consultation.callerNumber).toBe('010-7777-8888');
    expect(mine?.draft).toMatchObject({ revision: 3, draft: { scriptId: 'q4' } });
    expect(items.some((item) => item.consultation.id === otherId)).toBe(false);

    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: agent.headers,
      payload: declinedSignUpBody,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    const [row] = await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row?.draft).toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations/open',
      headers: agent.headers,
    });
    expect(
      after.json().items.some((item: { consultation: { id: string } }) => item.consultation.id === id),
    ).toBe(false);
    const late = await put(id, 4);
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().detail).toContain('이미 저장된 상담');
  });

  it('keeps a call open when another tab stored a newer draft than the finish was made from, and writes nothing', async () => {
    const id = await start();
    // This tab saved revision 2; another tab then stored its correction as revision 3.
    expect(
      (await put(id, 2, { ...q1Draft, record: { summary: '관리자 기능 문의', title: '', body: '' } }))
        .statusCode,
    ).toBe(200);
    expect((await put(id, 3, q1Draft)).statusCode).toBe(200);
    const finish = (draftRevision: number, key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/finish`,
        headers: { ...agent.headers, 'accept-language': 'en', 'idempotency-key': key },
        payload: { ...q1TransferFinish, draftRevision },
      });
    const refused = await finish(2, `finish-${id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      messageKey: 'consultations.newerDraftElsewhere',
      errors: [
        {
          where: '/draftRevision',
          message: 'the stored draft (revision 3) is newer than revision 2 this body was made from',
        },
      ],
    });
    // Nothing was written: the call is open with its draft, no transfer, and the key was not spent.
    const [row] = await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row).toMatchObject({ status: 'open', draftRevision: 3, filedTransfer: false });
    expect(row?.draft).not.toBeNull();
    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}`,
      headers: agent.headers,
    });
    expect(shown.json().status).toBe('open');
    // Made from the newest draft (or sent without a revision, as integrations do), it is saved —
    // under the same Idempotency-Key, which the refusal did not spend.
    const saved = await finish(3, `finish-${id}`);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().transfer).not.toBeNull();
    const other = await start();
    expect((await put(other, 5, q1Draft)).statusCode).toBe(200);
    const unchecked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${other}/finish`,
      headers: agent.headers,
      payload: q1TransferFinish,
    });
    expect(unchecked.statusCode, unchecked.body).toBe(200);
  });

  it('refuses a malformed draft with a 400 naming the field', async () => {
    const id = await start();
    const bad = await put(id, 1, { ...draft, history: [{ nodeId: 'q4-signup', answer: 'maybe' }] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0].where).toContain('/draft/history/0/answer');
    const zero = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/consultations/${id}/draft`,
      headers: agent.headers,
      payload: { revision: 0, draft },
    });
    expect(zero.statusCode, zero.body).toBe(400);
  });
});
