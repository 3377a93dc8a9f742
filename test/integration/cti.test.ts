import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callPopSchema } from '../../src/contract/cti/callPopSchema.ts';
import { ctiTokenListSchema } from '../../src/contract/cti/ctiTokenListSchema.ts';
import { missedCallListSchema } from '../../src/contract/cti/missedCallListSchema.ts';
import { recentlyAnsweredCallListSchema } from '../../src/contract/cti/recentlyAnsweredCallListSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { companyRepository } from '../../src/server/repositories/companyRepository.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Fields = Record<string, string | string[]>;
type Encoding = 'json' | 'form';

/** A form body as a PBX bridge sends it: keys repeated for lists (`user[]=A&user[]=B`). */
function formBody(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}

/** The rows the CTI wrote, read straight from the database (the test's own eyes). */
const callRow = z.object({
  id: z.string(),
  state: z.string(),
  agent_id: z.string().nullable(),
  consultation_id: z.string().nullable(),
  callback_status: z.string().nullable(),
  callback_due_at: z.coerce.date().nullable(),
  from_number: z.string().nullable(),
  customer_index: z.string().nullable(),
});

describe.each(testBackends())('CTI (Zammad generic CTI) on $name', (backend) => {
  let t: TestApp;
  let base: string;
  let admin: { id: string; headers: { authorization: string } };
  let agentA: { id: string; headers: { authorization: string } };
  let agentB: { id: string; headers: { authorization: string } };
  let backoffice: { id: string; headers: { authorization: string } };
  let token: string;
  let tokenId: string;
  let streamA: EventStream;
  let streamB: EventStream;
  let streamBackoffice: EventStream;

  const post = (fields: Fields, encoding: Encoding, path = token) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/${path}`,
      ...(encoding === 'json'
        ? { payload: fields }
        : {
            payload: formBody(fields),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
    });

  const calls = (externalId: string) =>
    queryRows(
      t.ctx.database.db,
      sql`select id, state, agent_id, consultation_id, callback_status, callback_due_at, from_number, customer_index
            from calls where external_id = ${externalId}`,
      callRow,
    );

  const setExtension = async (id: string, extension: string) => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin.headers,
      payload: { extension },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id, extension });
  };

  const waitFor = async (check: () => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for a live event');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await t.userWithToken('admin');
    agentA = await t.userWithToken('agent');
    agentB = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    await setExtension(agentA.id, '1001');
    await setExtension(agentB.id, '1002');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: admin.headers,
      payload: { name: 'PBX 본사' },
    });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
    tokenId = created.json().id;
    const { db } = t.ctx.database;
    const nuri = await companyRepository.insert(
      db,
      { bizNo: '1208147521', name: '(주)누리테크', status: 'active' },
      t.ctx.now(),
    );
    await companyRepository.insertContacts(
      db,
      t.ctx.fieldCodec,
      [{ companyId: nuri.id, name: '김민수', role: 'manager', phones: ['010-2345-6789'], emails: [] }],
      t.ctx.now(),
    );
    streamA = await openEventStream(base, agentA.headers.authorization);
    streamB = await openEventStream(base, agentB.headers.authorization);
    streamBackoffice = await openEventStream(base, backoffice.headers.authorization);
  });
  afterAll(async () => {
    streamA?.close();
    streamB?.close();
    streamBackoffice?.close();
    await t?.close();
  });

  it('takes a token name with a lone surrogate (as JSON may carry it) without a 500: the access log stores U+FFFD', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name":"PBX \\ud800"}',
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/cti/tokens/${created.json().id}`,
      headers: admin.headers,
    });
  });

  it('issues, lists and revokes tokens (admins only); a wrong token is 401 the same for unknown and revoked', async () => {
    const agentTry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: agentA.headers,
      payload: { name: 'x' },
    });
    expect(agentTry.statusCode).toBe(403);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: admin.headers,
      payload: { name: '지점 PBX' },
    });
    const { id, token: secondToken } = second.json();
    const event = { event: 'newCall', from: '01099990000', to: '16447391', direction: 'in', callId: 'tok-1' };
    expect((await post(event, 'json', secondToken)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/cti/tokens/${id}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const list = ctiTokenListSchema.parse(
      (await t.app.inject({ url: '/api/v1/cti/tokens', headers: admin.headers })).json(),
    );
    expect(list.items.find((item) => item.id === id)).toMatchObject({ status: 'revoked', name: '지점 PBX' });
    expect(list.items.find((item) => item.id === id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(secondToken);

    const afterRevoke = await post({ ...event, callId: 'tok-2' }, 'json', secondToken);
    const unknown = await post({ ...event, callId: 'tok-3' }, 'form', `cti_${'x'.repeat(43)}`);
    // A wrong token with a broken body is still a 401: the token is checked first.
    const unknownBroken = await post({ event: 'nonsense' }, 'json', 'nope');
    for (const answer of [afterRevoke, unknown, unknownBroken]) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    const { instance: _a, ...revokedBody } = afterRevoke.json();
    const { instance: _b, ...unknownBody } = unknown.json();
    expect(revokedBody).toEqual(unknownBody);
    // The answer does not send the token back: a bridge that logs refused answers keeps no credential.
    expect(afterRevoke.json().instance).toBe('/api/v1/cti/[redacted]');
    expect(afterRevoke.body).not.toContain(secondToken);
    const wrongMethod = await t.app.inject({ method: 'GET', url: `/api/v1/cti/${secondToken}` });
    expect(wrongMethod.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongMethod.body).not.toContain(secondToken);
    expect(await calls('tok-2')).toEqual([]);
    expect(await calls('tok-3')).toEqual([]);
  });

  it.each<Encoding>(['json', 'form'])(
    'takes newCall, answer and hangup as %s; answer pops only on the answering agent, identified from the directory; repeats change nothing',
    async (encoding) => {
      const callId = `answered-${encoding}`;
      const common = { from: '01023456789', to: '16447391', direction: 'in', callId };
      const newCall = await post(
        { event: 'newCall', ...common, 'user[]': ['agent A', 'agent B'], queue: 'business' },
        encoding,
      );
      expect(newCall.statusCode, newCall.body).toBe(200);
      expect(newCall.json()).toEqual({});
      const [ringing] = await calls(callId);
      expect(ringing?.state).toBe('ringing');
      // Sealed at rest and found by the blind index.
      expect(ringing?.from_number).toMatch(/^enc:v1:/);
      expect(ringing?.customer_index).toMatch(/^[0-9a-f]{64}$/);

      const seenA = streamA.events.length;
      const answer = { event: 'answer', ...common, user: 'agent B', answeringNumber: '1002' };
      expect((await post(answer, encoding)).statusCode).toBe(200);
      await waitFor(() =>
        streamB.events.some((e) => e.type === 'call.answered' && e.data.callId === ringing?.id),
      );
      const pop = streamB.events.find((e) => e.type === 'call.answered' && e.data.callId === ringing?.id);
      expect(pop?.data.agentId).toBe(agentB.id);
      const [answered] = await calls(callId);
      expect(answered).toMatchObject({ state: 'answered', agent_id: agentB.id });
      expect(answered?.consultation_id).toBe(pop?.data.consultationId);

      // The pop: the caller by the directory, masked; for B only.
      const popResponse = await t.app.inject({
        url: `/api/v1/cti/calls/${answered?.id}`,
        headers: agentB.headers,
      });
      expect(popResponse.statusCode, popResponse.body).toBe(200);
      const details = callPopSchema.parse(popResponse.json());
      expect(details.caller).toMatchObject({
        registered: true,
        label: '등록된 관리책임자 · 김*수 · (주)누리테크',
      });
      expect(details.callerNumber).not.toContain('2345-6789');
      expect(popResponse.body).not.toContain('김민수');
      // In English, as /companies words the same contact.
      const popInEnglish = callPopSchema.parse(
        (
          await t.app.inject({
            url: `/api/v1/cti/calls/${answered?.id}`,
            headers: { ...agentB.headers, 'accept-language': 'en' },
          })
        ).json(),
      );
      expect(popInEnglish.caller).toMatchObject({
        registered: true,
        label: 'Registered account manager · 김*수 · (주)누리테크',
        contacts: [{ role: 'manager', roleLabel: 'Account manager', name: '김*수' }],
      });
      const forA = await t.app.inject({ url: `/api/v1/cti/calls/${answered?.id}`, headers: agentA.headers });
      expect(forA.statusCode).toBe(404);
      // The consultation was started through the console's core, with the directory's answer kept.
      const consultation = await t.app.inject({
        url: `/api/v1/consultations/${answered?.consultation_id}`,
        headers: agentB.headers,
      });
      expect(consultation.json()).toMatchObject({
        channel: 'call',
        status: 'open',
        directoryMatched: true,
        agent: { id: agentB.id },
      });

      // Repeats: the same answer and newCall again change nothing (no second consultation, no pop).
      const popsForB = streamB.events.filter((e) => e.type === 'call.answered').length;
      expect((await post(answer, encoding)).statusCode).toBe(200);
      expect((await post({ event: 'newCall', ...common }, encoding)).statusCode).toBe(200);
      const consultationsOfB = await queryRows(
        t.ctx.database.db,
        sql`select count(*)::int as n from consultations where agent_id = ${agentB.id}`,
        z.object({ n: z.number() }),
      );
      const hangup = { event: 'hangup', ...common, answeringNumber: '1002', cause: 'normalClearing' };
      expect((await post(hangup, encoding)).statusCode).toBe(200);
      const [ended] = await calls(callId);
      expect(ended).toMatchObject({ state: 'ended', callback_status: null });
      // The answering agent hears of the hangup live, and the pop says the call ended.
      await waitFor(() => streamB.events.some((e) => e.type === 'call.ended' && e.data.callId === ended?.id));
      expect(
        streamB.events.find((e) => e.type === 'call.ended' && e.data.callId === ended?.id)?.data,
      ).toMatchObject({
        callId: ended?.id,
        consultationId: ended?.consultation_id,
        agentId: agentB.id,
      });
      const afterHangup = callPopSchema.parse(
        (await t.app.inject({ url: `/api/v1/cti/calls/${ended?.id}`, headers: agentB.headers })).json(),
      );
      expect(afterHangup.state).toBe('ended');
      expect(afterHangup.endedAt).not.toBeNull();
      expect((await post(hangup, encoding)).statusCode).toBe(200);
      expect(await calls(callId)).toEqual([ended]);
      const again = await queryRows(
        t.ctx.database.db,
        sql`select count(*)::int as n from consultations where agent_id = ${agentB.id}`,
        z.object({ n: z.number() }),
      );
      expect(again).toEqual(consultationsOfB);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(streamB.events.filter((e) => e.type === 'call.answered').length).toBe(popsForB);
      // The repeated hangup announced nothing more.
      expect(
        streamB.events.filter((e) => e.type === 'call.ended' && e.data.callId === ended?.id),
      ).toHaveLength(1);
      // Agent A, rung but not answering, never heard of it.
      expect(
        streamA.events.slice(seenA).some((e) => e.type === 'call.answered' || e.type === 'call.ended'),
      ).toBe(false);
    },
  );

  it('lists a call answered at your extension in the last minute while its consultation is open, for a console connecting late; nobody else sees it', async () => {
    const recent = async (who: { headers: { authorization: string } }) => {
      const response = await t.app.inject({
        url: '/api/v1/cti/calls/recently-answered',
        headers: who.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return recentlyAnsweredCallListSchema.parse(response.json()).items;
    };
    const answerAtA = async (callId: string) => {
      const common = { from: '01044443333', to: '16447391', direction: 'in', callId };
      expect((await post({ event: 'newCall', ...common }, 'json')).statusCode).toBe(200);
      const answered = await post(
        { event: 'answer', ...common, user: 'agent A', answeringNumber: '1001' },
        'json',
      );
      expect(answered.statusCode, answered.body).toBe(200);
      const [row] = await calls(callId);
      if (!row?.consultation_id) throw new Error('the answer started no consultation');
      return { callId: row.id, consultationId: row.consultation_id };
    };
    const first = await answerAtA('late-pop-1');
    t.advance(20_000);
    const second = await answerAtA('late-pop-2');
    // Newest first; the call hung up since is still news while its consultation is open.
    expect(
      (
        await post(
          {
            event: 'hangup',
            from: '01044443333',
            to: '16447391',
            direction: 'in',
            callId: 'late-pop-1',
            cause: 'normalClearing',
          },
          'json',
        )
      ).statusCode,
    ).toBe(200);
    expect(await recent(agentA)).toEqual([
      { ...second, agentId: agentA.id },
      { ...first, agentId: agentA.id },
    ]);
    // Agent B (another extension), the business team (no console) and PBX tokens get nothing of it.
    // (B has calls of its own answered by the tests above, still open.)
    const forB = await recent(agentB);
    expect(forB.map((call) => call.callId)).not.toContain(first.callId);
    expect(forB.map((call) => call.callId)).not.toContain(second.callId);
    expect(forB.every((call) => call.agentId === agentB.id)).toBe(true);
    const forBackoffice = await t.app.inject({
      url: '/api/v1/cti/calls/recently-answered',
      headers: backoffice.headers,
    });
    expect(forBackoffice.statusCode).toBe(403);
    expect(forBackoffice.headers['content-type']).toContain('application/problem+json');
    // A consultation saved is no longer popped.
    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${second.consultationId}/complete`,
      headers: agentA.headers,
      payload: declinedSignUpBody,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await recent(agentA)).toEqual([{ ...first, agentId: agentA.id }]);
    // A minute after the answer it is no longer a pop: it waits in 진행 중인 상담.
    t.advance(41_000);
    expect(await recent(agentA)).toEqual([]);
  });

  it('pops "미등록 번호" for a number the directory does not know, and keeps that on the consultation', async () => {
    const common = { from: '010-5555-0000', to: '16447391', direction: 'in', callId: 'unknown-caller' };
    await post({ event: 'newCall', ...common }, 'json');
    await post({ event: 'answer', ...common, answeringNumber: '1001' }, 'json');
    const [answered] = await calls('unknown-caller');
    const pop = callPopSchema.parse(
      (await t.app.inject({ url: `/api/v1/cti/calls/${answered?.id}`, headers: agentA.headers })).json(),
    );
    expect(pop.caller).toEqual({ registered: false, label: '미등록 번호', contacts: [] });
    const inEnglish = await t.app.inject({
      url: `/api/v1/cti/calls/${answered?.id}`,
      headers: { ...agentA.headers, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(inEnglish.headers['content-language']).toBe('en');
    expect(callPopSchema.parse(inEnglish.json()).caller.label).toBe('Unregistered number');
    const consultation = await t.app.inject({
      url: `/api/v1/consultations/${answered?.consultation_id}`,
      headers: agentA.headers,
    });
    expect(consultation.json().directoryMatched).toBe(false);
  });

  it.each<[Encoding, string]>([
    ['json', 'cancel'],
    ['form', 'noAnswer'],
    ['json', 'busy'],
  ])(
    'turns a missed call (%s, cause %s) into one callback due in business hours',
    async (encoding, cause) => {
      // Wednesday 2026-11-25 19:30 KST: closed; the next opening is Thursday 09:00.
      t.setNow('2026-11-25T19:30:00+09:00');
      const callId = `missed-${cause}`;
      const common = { from: '01077778888', to: '16447391', direction: 'in', callId };
      await post({ event: 'newCall', ...common, 'user[]': 'agent A' }, encoding);
      const hangup = { event: 'hangup', ...common, cause };
      expect((await post(hangup, encoding)).statusCode).toBe(200);
      const [missed] = await calls(callId);
      expect(missed?.state).toBe('missed');
      expect(missed?.callback_status).toBe('open');
      expect(missed?.callback_due_at?.toISOString()).toBe(
        new Date('2026-11-26T09:00:00+09:00').toISOString(),
      );
      await waitFor(() =>
        streamBackoffice.events.some((e) => e.type === 'call.missed' && e.data.callId === missed?.id),
      );
      expect(streamA.events.some((e) => e.type === 'call.missed')).toBe(false);

      // The same hangup again (and a late answer) change nothing: one callback.
      t.advance(60_000);
      await post(hangup, encoding);
      await post({ event: 'answer', ...common, answeringNumber: '1001' }, encoding);
      expect(await calls(callId)).toEqual([missed]);

      const queue = missedCallListSchema.parse(
        (await t.app.inject({ url: '/api/v1/cti/missed-calls', headers: backoffice.headers })).json(),
      );
      const item = queue.items.find((entry) => entry.id === missed?.id);
      expect(item).toMatchObject({
        callbackStatus: 'open',
        cause,
        callbackDueAt: missed?.callback_due_at?.toISOString(),
      });
      expect(item?.callerNumber).not.toContain('7777-8888');
    },
  );

  it('schedules a callback for a call missed during business hours at once, and the business team works it', async () => {
    t.setNow('2026-11-25T10:15:00+09:00');
    const common = { from: '01066667777', to: '16447391', direction: 'in', callId: 'missed-open' };
    await post({ event: 'hangup', ...common, cause: 'cancel' }, 'form');
    const [missed] = await calls('missed-open');
    expect(missed?.callback_due_at?.toISOString()).toBe(new Date('2026-11-25T10:15:00+09:00').toISOString());
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${missed?.id}/reveal`,
      headers: backoffice.headers,
      payload: { reason: '부재중 콜백' },
    });
    // Revealing it to call back takes the callback: the queue shows who is calling.
    expect(reveal.json()).toEqual({
      callerNumber: '010-6666-7777',
      callbackHeldBy: {
        id: backoffice.id,
        name: expect.any(String),
        since: new Date('2026-11-25T10:15:00+09:00').toISOString(),
      },
    });
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${missed?.id}/done`,
      headers: backoffice.headers,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ callbackStatus: 'done' });
    const open = missedCallListSchema.parse(
      (await t.app.inject({ url: '/api/v1/cti/missed-calls', headers: backoffice.headers })).json(),
    );
    expect(open.items.some((entry) => entry.id === missed?.id)).toBe(false);
  });

  it('closes the callback of a missed call as erased when its number is erased (data-subject delete, retention purge), live; the list and its filters follow', async () => {
    t.setNow('2026-11-25T11:00:00+09:00');
    const miss = async (callId: string, from: string) => {
      expect(
        (
          await post(
            { event: 'hangup', from, to: '16447391', direction: 'in', callId, cause: 'noAnswer' },
            'json',
          )
        ).statusCode,
      ).toBe(200);
      const [row] = await calls(callId);
      if (!row) throw new Error(`no call ${callId}`);
      expect(row.callback_status).toBe('open');
      return row.id;
    };
    const asked = await miss('erase-asked', '01011110001');
    const expired = await miss('erase-expired', '01011110002');
    const calledBack = await miss('erase-called-back', '01011110001');
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${calledBack}/done`,
      headers: backoffice.headers,
    });
    expect(done.statusCode, done.body).toBe(200);

    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: '010-1111-0001', reason: '정보주체 삭제 요청' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await calls('erase-asked')).toMatchObject([{ callback_status: 'erased', from_number: null }]);
    // A callback already made stays made.
    expect(await calls('erase-called-back')).toMatchObject([{ callback_status: 'done', from_number: null }]);
    await waitFor(() =>
      streamBackoffice.events.some((e) => e.type === 'call.callback-erased' && e.data.callId === asked),
    );
    expect(streamA.events.some((e) => e.type === 'call.callback-erased')).toBe(false);

    await t.ctx.database.db.execute(
      sql`update calls set retention_ends_at = ${new Date(t.ctx.now().getTime() - 1000).toISOString()}::timestamptz where id = ${expired}`,
    );
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(await calls('erase-expired')).toMatchObject([{ callback_status: 'erased', from_number: null }]);
    await waitFor(() =>
      streamBackoffice.events.some((e) => e.type === 'call.callback-erased' && e.data.callId === expired),
    );

    const list = async (status: string) =>
      missedCallListSchema.parse(
        (
          await t.app.inject({
            url: `/api/v1/cti/missed-calls?status=${status}`,
            headers: backoffice.headers,
          })
        ).json(),
      ).items;
    const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
    expect(ids(await list('open'))).not.toContain(asked);
    expect(ids(await list('open'))).not.toContain(expired);
    expect((await list('erased')).filter((item) => [asked, expired].includes(item.id))).toMatchObject([
      { callbackStatus: 'erased', callerNumber: null },
      { callbackStatus: 'erased', callerNumber: null },
    ]);
    expect(ids(await list('erased'))).not.toContain(calledBack);
    expect(ids(await list('all'))).toEqual(expect.arrayContaining([asked, expired, calledBack]));
    // Nothing left to do: "done" answers it as it stands, the number cannot be revealed.
    const lateDone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${asked}/done`,
      headers: backoffice.headers,
    });
    expect(lateDone.json()).toMatchObject({ callbackStatus: 'erased', callbackDoneAt: null });
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${asked}/reveal`,
      headers: backoffice.headers,
      payload: { reason: '부재중 콜백' },
    });
    expect(reveal.statusCode).toBe(409);
  });

  it('says in 부재중 전화 who a missed caller is by the directory, masked as the pop does, in the reader’s language', async () => {
    t.setNow('2026-11-25T11:30:00+09:00');
    for (const [callId, from] of [
      ['missed-registered', '01023456789'],
      ['missed-unknown', '01099990001'],
    ] as const)
      await post({ event: 'hangup', from, to: '16447391', direction: 'in', callId, cause: 'busy' }, 'form');
    const [registered] = await calls('missed-registered');
    const [unknown] = await calls('missed-unknown');
    const list = async (language: string) => {
      const response = await t.app.inject({
        url: '/api/v1/cti/missed-calls',
        headers: { ...backoffice.headers, 'accept-language': language },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain('김민수');
      return missedCallListSchema.parse(response.json()).items;
    };
    const korean = await list('ko');
    expect(korean.find((item) => item.id === registered?.id)?.caller).toMatchObject({
      registered: true,
      label: '등록된 관리책임자 · 김*수 · (주)누리테크',
      contacts: [{ name: '김*수', roleLabel: '관리책임자' }],
    });
    expect(korean.find((item) => item.id === unknown?.id)?.caller).toEqual({
      registered: false,
      label: '미등록 번호',
      contacts: [],
    });
    const english = await list('en');
    expect(english.find((item) => item.id === registered?.id)?.caller?.label).toBe(
      'Registered account manager · 김*수 · (주)누리테크',
    );
    // Marking the callback made answers the same shape.
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${registered?.id}/done`,
      headers: backoffice.headers,
    });
    expect(done.json()).toMatchObject({
      callbackStatus: 'done',
      caller: { registered: true, label: '등록된 관리책임자 · 김*수 · (주)누리테크' },
    });
  });

  it('leaves no callback for an anonymous caller, an outbound call or a forwarded one', async () => {
    await post(
      {
        event: 'hangup',
        from: 'anonymous',
        to: '16447391',
        direction: 'in',
        callId: 'anon',
        cause: 'cancel',
      },
      'json',
    );
    await post(
      {
        event: 'hangup',
        from: '16447391',
        to: '01011112222',
        direction: 'out',
        callId: 'out',
        cause: 'noAnswer',
      },
      'json',
    );
    await post(
      {
        event: 'hangup',
        from: '01011112222',
        to: '16447391',
        direction: 'in',
        callId: 'fwd',
        cause: 'forwarded',
      },
      'json',
    );
    for (const id of ['anon', 'out', 'fwd']) {
      const [row] = await calls(id);
      expect(row).toMatchObject({ state: 'missed', callback_status: null });
    }
  });

  it('answers 200 to an answer that pops nowhere and to a hangup cause it does not know, and warns in the log naming the extension or cause', async () => {
    await setExtension(backoffice.id, '1010');
    const warnings = () =>
      t.log
        .map(
          (line) =>
            JSON.parse(line) as {
              level: number;
              time?: number;
              pid?: number;
              msg: string;
              cti?: Record<string, unknown>;
            },
        )
        .filter((entry) => entry.level === 40 && entry.cti !== undefined);
    const before = warnings().length;
    const answerAt = async (callId: string, answeringNumber?: string) => {
      const common = { from: '01088887777', to: '16447391', direction: 'in', callId };
      expect((await post({ event: 'newCall', ...common }, 'form')).statusCode).toBe(200);
      const answered = await post(
        { event: 'answer', ...common, ...(answeringNumber === undefined ? {} : { answeringNumber }) },
        'form',
      );
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json()).toEqual({});
    };
    await answerAt('warn-unknown-extension', '9999');
    await answerAt('warn-backoffice', '1010');
    await answerAt('warn-no-extension');
    const hangup = await post(
      {
        event: 'hangup',
        from: '01088887777',
        to: '16447391',
        direction: 'in',
        callId: 'warn-cause',
        cause: 'weird',
      },
      'json',
    );
    expect(hangup.statusCode, hangup.body).toBe(200);
    // The hangup still ends the call; an unknown cause makes no callback.
    expect(await calls('warn-cause')).toMatchObject([{ state: 'missed', callback_status: null }]);
    // A repeat changes nothing and warns no more.
    await answerAt('warn-unknown-extension', '9999');
    const logged = warnings().slice(before);
    expect(logged.map((entry) => [entry.msg, entry.cti])).toEqual([
      [
        'CTI answer at an extension no account has: the call pops on no screen',
        { event: 'answer', callId: 'warn-unknown-extension', integration: 'PBX 본사', extension: '9999' },
      ],
      [
        'CTI answer at the extension of an account that takes no calls: the call pops on no screen',
        {
          event: 'answer',
          callId: 'warn-backoffice',
          integration: 'PBX 본사',
          extension: '1010',
          role: 'backoffice',
          disabled: 'no',
        },
      ],
      [
        'CTI answer without answeringNumber: the call pops on no screen',
        { event: 'answer', callId: 'warn-no-extension', integration: 'PBX 본사' },
      ],
      [
        'CTI hangup with a cause outside the documented set: the call ended, no callback was made',
        { event: 'hangup', callId: 'warn-cause', integration: 'PBX 본사', cause: 'weird' },
      ],
    ]);
    // No caller number in them, in any form: what the entries say, beside the logger's own clock
    // and process id (a timestamp such as 1796567777985 holds "7777" by chance).
    const text = JSON.stringify(logged.map(({ level: _level, time: _time, pid: _pid, ...said }) => said));
    expect(text).toContain('warn-unknown-extension');
    expect(text).not.toContain('8888');
    expect(text).not.toContain('7777');
  });

  it('never logs the token of the path, nor a caller number in clear', async () => {
    const log = t.log.join('\n');
    expect(log).toContain('/api/v1/cti/[redacted]');
    expect(log).not.toContain(token);
    expect(log).not.toContain('01023456789');
    expect(log).not.toContain('010-2345-6789');
  });

  it('refuses a bad event with a Korean problem naming the field, and writes nothing', async () => {
    const bad = await post({ event: 'ring', direction: 'sideways', callId: 'bad' }, 'form');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { where: string }) => error.where)).toEqual(
      expect.arrayContaining(['body/event', 'body/direction']),
    );
    expect(await calls('bad')).toEqual([]);
  });

  it('keeps extensions unique and takes one at account creation', async () => {
    const clash = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${agentA.id}`,
      headers: admin.headers,
      payload: { extension: '1002' },
    });
    expect(clash.statusCode).toBe(409);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'ext@ieum.test',
        name: '내선 상담사',
        role: 'agent',
        password: 'correct horse battery',
        extension: '2001',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ extension: '2001', disabled: false });
    expect(tokenId).toBeTruthy();
  });
});
