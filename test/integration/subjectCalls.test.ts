import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLogListSchema } from '../../src/contract/privacy/accessLogListSchema.ts';
import { dataSubjectDeletionSchema } from '../../src/contract/privacy/dataSubjectDeletionSchema.ts';
import { dataSubjectExportSchema } from '../../src/contract/privacy/dataSubjectExportSchema.ts';
import { dataSubjectFindingsSchema } from '../../src/contract/privacy/dataSubjectFindingsSchema.ts';
import { destructionLogSchema } from '../../src/contract/privacy/destructionLogSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// The person asking: they called once and were answered, and called twice more and nobody picked up.
const PHONE = '010-7777-8888';
const PBX_FROM = '01077778888';

describe.each(testBackends())(
  'a data-subject request covers the CTI calls holding the number on $name',
  (backend) => {
    let t: TestApp;
    let admin: User;
    let agent: User;
    let token: string;

    /** One PBX event through the real endpoint, as a bridge posts it. */
    const event = async (fields: Record<string, string>) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cti/${token}`,
        payload: { to: '16447391', direction: 'in', ...fields },
      });
      expect(response.statusCode, response.body).toBe(200);
    };

    const post = async (url: string, payload: object) => {
      const response = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    const lastAccessLogDetail = async (action: string) => {
      const response = await t.app.inject({
        url: `/api/v1/access-log?action=${action}&limit=1`,
        headers: admin.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return accessLogListSchema.parse(response.json()).items[0]?.detail;
    };

    beforeAll(async () => {
      t = await buildTestApp(backend);
      t.setNow('2026-12-08T10:00:00+09:00');
      admin = await t.userWithToken('admin');
      agent = await t.userWithToken('agent');
      const extension = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${agent.id}`,
        headers: admin.headers,
        payload: { extension: '1001' },
      });
      expect(extension.statusCode, extension.body).toBe(200);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cti/tokens',
        headers: admin.headers,
        payload: { name: '본사 PBX' },
      });
      expect(created.statusCode, created.body).toBe(201);
      token = created.json().token;

      // Answered: a call consultation is opened for the agent.
      await event({ event: 'newCall', from: PBX_FROM, callId: 'answered-1' });
      await event({ event: 'answer', from: PBX_FROM, callId: 'answered-1', answeringNumber: '1001' });
      await event({ event: 'hangup', from: PBX_FROM, callId: 'answered-1', cause: 'normalClearing' });
      // Two missed calls: open callbacks in 부재중 전화.
      await event({ event: 'hangup', from: PBX_FROM, callId: 'missed-1', cause: 'noAnswer' });
      await event({ event: 'newCall', from: PBX_FROM, callId: 'missed-2' });
      await event({ event: 'hangup', from: PBX_FROM, callId: 'missed-2', cause: 'cancel' });
      // Someone else's missed call, which no request about the subject may show or erase.
      await event({ event: 'hangup', from: '01055556666', callId: 'other-missed', cause: 'noAnswer' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('find lists the calls, missed ones included, masked; export shows them in clear; both access-log entries name them', async () => {
      const found = dataSubjectFindingsSchema.parse(
        await post('/api/v1/data-subjects/find', { phone: PHONE, reason: '정보주체 열람 요청' }),
      );
      expect(found.calls).toHaveLength(3);
      expect(found.calls.filter((call) => call.missed)).toHaveLength(2);
      for (const call of found.calls) {
        expect(call).toMatchObject({
          direction: 'in',
          customerNumber: '010-****-8888',
          fromNumber: '010-****-8888',
          toNumber: '1644-7391',
          personalDataErasedAt: null,
        });
      }
      expect(found.calls.filter((call) => call.callbackStatus === 'open')).toHaveLength(2);
      const answered = found.calls.find((call) => call.state === 'ended');
      expect(answered?.consultationId).toEqual(expect.any(String));
      // The consultation the answered call opened is listed as before.
      expect(found.consultations.map((row) => row.id)).toContain(answered?.consultationId);
      expect(JSON.stringify(found)).not.toContain('7777-8888');
      expect(await lastAccessLogDetail('data-subject.find')).toMatchObject({ calls: 3 });

      const exported = dataSubjectExportSchema.parse(
        await post('/api/v1/data-subjects/export', { phone: PHONE, reason: '정보주체 열람 요청' }),
      );
      expect(exported.calls.map((call) => call.id).sort()).toEqual(found.calls.map((call) => call.id).sort());
      for (const call of exported.calls) {
        expect(call).toMatchObject({ customerNumber: PHONE, fromNumber: PBX_FROM, toNumber: '16447391' });
      }
      const exportDetail = await lastAccessLogDetail('data-subject.export');
      expect([...((exportDetail?.calls as string[]) ?? [])].sort()).toEqual(
        found.calls.map((call) => call.id).sort(),
      );

      // An e-mail subject holds no call; the section is there, empty.
      const byEmail = dataSubjectFindingsSchema.parse(
        await post('/api/v1/data-subjects/find', {
          email: 'nobody@example.com',
          reason: '정보주체 열람 요청',
        }),
      );
      expect(byEmail.calls).toEqual([]);
    });

    it('delete says which calls it erased, as the destruction log does, and the access log names them; another caller’s call stays', async () => {
      const before = dataSubjectFindingsSchema.parse(
        await post('/api/v1/data-subjects/find', { phone: PHONE, reason: '정보주체 삭제 전 확인' }),
      );
      const expected = before.calls.map((call) => call.id).sort();
      const deleted = dataSubjectDeletionSchema.parse(
        await post('/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청' }),
      );
      expect([...deleted.erasedCalls].sort()).toEqual(expected);

      const destructions = destructionLogSchema.parse(
        (await t.app.inject({ url: '/api/v1/destruction-log?limit=1000', headers: admin.headers })).json(),
      );
      const destroyedCalls = destructions.items
        .filter((item) => item.recordKind === 'call.personal-data' && item.reason === 'subject-request')
        .map((item) => item.recordId)
        .sort();
      expect(destroyedCalls).toEqual(expected);
      const detail = await lastAccessLogDetail('data-subject.delete');
      expect([...((detail?.calls as string[]) ?? [])].sort()).toEqual(expected);

      // Erased: nothing is held by that number any more, and a second delete erases nothing.
      const after = dataSubjectFindingsSchema.parse(
        await post('/api/v1/data-subjects/find', { phone: PHONE, reason: '정보주체 삭제 후 확인' }),
      );
      expect(after.calls).toEqual([]);
      const again = dataSubjectDeletionSchema.parse(
        await post('/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청' }),
      );
      expect(again.erasedCalls).toEqual([]);
      const other = dataSubjectFindingsSchema.parse(
        await post('/api/v1/data-subjects/find', { phone: '010-5555-6666', reason: '다른 고객 확인' }),
      );
      expect(other.calls).toMatchObject([
        { missed: true, customerNumber: '010-****-6666', callbackStatus: 'open' },
      ]);
    });
  },
);
