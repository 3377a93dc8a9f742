import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../src/server/db/ctiSchema.ts';
import { companies, companyContacts } from '../../src/server/db/directorySchema.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { destructionLog } from '../../src/server/db/privacySchema.ts';
import { companyRepository } from '../../src/server/repositories/companyRepository.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

describe.each(testBackends())(
  'the purgers of registered contacts, CTI calls and KakaoTalk conversations on $name',
  (backend) => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['userWithToken']>>;

    beforeAll(async () => {
      t = await buildTestApp(backend);
      admin = await t.userWithToken('admin');
    });
    afterAll(async () => {
      await t?.close();
    });

    it('deletes the contacts of an account inactive past the retention, and a subject’s contacts on request', async () => {
      const { db } = t.ctx.database;
      const now = t.ctx.now();
      const active = await companyRepository.insert(
        db,
        { bizNo: '1208147521', name: '누리테크', status: 'active' },
        now,
      );
      const gone = await companyRepository.insert(
        db,
        { bizNo: '1208147574', name: '옛상사', status: 'inactive' },
        now,
      );
      const recent = await companyRepository.insert(
        db,
        { bizNo: '2208162517', name: '쉼상사', status: 'inactive' },
        now,
      );
      const years = t.ctx.env.IEUM_RETENTION_DEFAULT_YEARS;
      await db
        .update(companies)
        .set({ inactiveSince: new Date(now.getTime() - (years * 366 + 1) * 86_400_000) })
        .where(eq(companies.id, gone.id));
      await companyRepository.insertContacts(
        db,
        t.ctx.fieldCodec,
        [
          { companyId: active.id, name: '김민수', role: 'manager', phones: ['010-2345-6789'], emails: [] },
          { companyId: gone.id, name: '박옛날', role: 'manager', phones: ['010-9999-0000'], emails: [] },
          { companyId: recent.id, name: '최쉼', role: 'manager', phones: ['010-8888-0000'], emails: [] },
        ],
        now,
      );
      const contactsOf = async (companyId: string) =>
        db
          .select({ id: companyContacts.id })
          .from(companyContacts)
          .where(eq(companyContacts.companyId, companyId));
      const [goneContact] = await contactsOf(gone.id);

      const dry = await purgeExpiredPersonalData(t.ctx, { dryRun: true });
      expect(
        dry.records.filter((record) => record.kind === 'company-contact.personal-data').map((r) => r.id),
      ).toEqual([goneContact?.id]);
      const report = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
      expect(
        report.records.filter((record) => record.kind === 'company-contact.personal-data').map((r) => r.id),
      ).toEqual([goneContact?.id]);
      expect(await contactsOf(gone.id)).toEqual([]);
      expect(await contactsOf(recent.id)).toHaveLength(1);
      expect(await contactsOf(active.id)).toHaveLength(1);
      const logged = await db
        .select()
        .from(destructionLog)
        .where(eq(destructionLog.recordId, goneContact?.id ?? ''));
      expect(logged).toMatchObject([
        { recordKind: 'company-contact.personal-data', reason: 'retention-ended' },
      ]);
      expect(JSON.stringify(logged)).not.toContain('박옛날');

      const deleted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/data-subjects/delete',
        headers: admin.headers,
        payload: { phone: '01023456789', reason: '정보주체 삭제 요청' },
      });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(await contactsOf(active.id)).toEqual([]);
      expect(await contactsOf(recent.id)).toHaveLength(1);
    });

    it('erases the numbers of a CTI call at its retention end, and a caller’s calls on request', async () => {
      const { db } = t.ctx.database;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cti/tokens',
        headers: admin.headers,
        payload: { name: 'PBX' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const newCall = async (callId: string, from: string) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/cti/${created.json().token}`,
          payload: { event: 'newCall', from, to: '16447391', direction: 'in', callId },
        });
        expect(response.statusCode, response.body).toBe(200);
        const [row] = await db.select().from(calls).where(eq(calls.externalId, callId));
        if (!row) throw new Error(`no call ${callId}`);
        return row;
      };
      const old = await newCall('old-1', '01077770001');
      const kept = await newCall('kept-1', '01077770002');
      const asked = await newCall('asked-1', '01077770003');
      await db
        .update(calls)
        .set({ retentionEndsAt: new Date(t.ctx.now().getTime() - 1000) })
        .where(eq(calls.id, old.id));

      const report = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
      expect(
        report.records.filter((record) => record.kind === 'call.personal-data').map((r) => r.id),
      ).toEqual([old.id]);
      const read = async (id: string) => (await db.select().from(calls).where(eq(calls.id, id)))[0];
      expect(await read(old.id)).toMatchObject({
        fromNumber: null,
        customerNumber: null,
        customerIndex: null,
      });
      expect((await read(old.id))?.personalDataErasedAt).not.toBeNull();
      expect((await read(kept.id))?.customerNumber).toMatch(/^enc:v1:/);

      const deleted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/data-subjects/delete',
        headers: admin.headers,
        payload: { phone: '010-7777-0003', reason: '정보주체 삭제 요청' },
      });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(await read(asked.id)).toMatchObject({
        fromNumber: null,
        customerNumber: null,
        customerIndex: null,
      });
      expect((await read(kept.id))?.customerNumber).toMatch(/^enc:v1:/);
      const logged = await db.select().from(destructionLog).where(eq(destructionLog.recordId, asked.id));
      expect(logged).toMatchObject([{ recordKind: 'call.personal-data', reason: 'subject-request' }]);
    });

    it('erases an ended KakaoTalk conversation whose retention is over with the retention purge, and keeps a younger one', async () => {
      const { db } = t.ctx.database;
      const now = t.ctx.now();
      const conversation = (retentionEndsAt: Date) => ({
        userIndex: 'test-index',
        userKey: t.ctx.fieldCodec.sealText('kakao-user-1'),
        state: t.ctx.fieldCodec.sealText('{"transcript":["010-4444-5555"]}'),
        status: 'resolved' as const,
        guideId: 'business-inquiry',
        endedAt: now,
        retentionEndsAt,
      });
      const [over] = await db
        .insert(kakaoConversations)
        .values(conversation(new Date(now.getTime() - 1000)))
        .returning({ id: kakaoConversations.id });
      const [young] = await db
        .insert(kakaoConversations)
        .values(conversation(new Date(now.getTime() + 86_400_000)))
        .returning({ id: kakaoConversations.id });
      const dryRun = await purgeExpiredPersonalData(t.ctx, { dryRun: true });
      expect(dryRun.records.map((record) => record.id)).toContain(over?.id);
      expect(dryRun.records.map((record) => record.id)).not.toContain(young?.id);
      const report = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
      expect(report.records).toContainEqual({
        kind: 'kakao-conversation.personal-data',
        id: over?.id,
        retentionEndedAt: new Date(now.getTime() - 1000).toISOString(),
      });
      const read = async (id: string | undefined) =>
        (
          await db
            .select()
            .from(kakaoConversations)
            .where(eq(kakaoConversations.id, id ?? ''))
        )[0];
      expect(await read(over?.id)).toMatchObject({ state: '', userKey: '', lastResponse: null });
      expect((await read(over?.id))?.personalDataErasedAt).not.toBeNull();
      expect((await read(young?.id))?.state).toMatch(/^enc:v1:/);
      // Like every destruction, it leaves its record in the destruction log.
      const logged = await db
        .select()
        .from(destructionLog)
        .where(eq(destructionLog.recordId, over?.id ?? ''));
      expect(logged).toMatchObject([
        {
          recordKind: 'kakao-conversation.personal-data',
          reason: 'retention-ended',
          detail: { fields: ['userKey', 'state', 'lastResponse'] },
        },
      ]);
      expect(
        await db
          .select()
          .from(destructionLog)
          .where(eq(destructionLog.recordId, young?.id ?? '')),
      ).toEqual([]);
    });

    it('expires a chat idle for a day with the retention purge too, so its text goes without the server’s sweep', async () => {
      const { db } = t.ctx.database;
      const now = t.ctx.now();
      const [idle] = await db
        .insert(kakaoConversations)
        .values({
          userIndex: 'test-index-idle',
          userKey: t.ctx.fieldCodec.sealText('kakao-user-idle'),
          state: t.ctx.fieldCodec.sealText('{"transcript":["제 번호는 010-4444-5555, 김민수입니다"]}'),
          status: 'active' as const,
          guideId: 'business-inquiry',
          lastActivityAt: new Date(now.getTime() - 2 * 86_400_000),
        })
        .returning({ id: kakaoConversations.id });
      const dryRun = await purgeExpiredPersonalData(t.ctx, { dryRun: true });
      expect(dryRun.records.map((record) => record.id)).toContain(idle?.id);
      const report = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
      expect(report.records.map((record) => record.id)).toContain(idle?.id);
      const [row] = await db
        .select()
        .from(kakaoConversations)
        .where(eq(kakaoConversations.id, idle?.id ?? ''));
      expect(row).toMatchObject({ status: 'expired', state: '', userKey: '', lastResponse: null });
      const logged = await db
        .select()
        .from(destructionLog)
        .where(eq(destructionLog.recordId, idle?.id ?? ''));
      expect(logged).toMatchObject([
        { recordKind: 'kakao-conversation.personal-data', reason: 'retention-ended' },
      ]);
    });
  },
);
