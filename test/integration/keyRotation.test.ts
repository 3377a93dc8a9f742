import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import type { AppContext } from '../../src/server/appContext.ts';
import { createFieldCodec } from '../../src/server/crypto/fieldCodec.ts';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { encryptionKeyRepository } from '../../src/server/repositories/encryptionKeyRepository.ts';
import { kakaoConversationRepository } from '../../src/server/repositories/kakaoConversationRepository.ts';
import { sealedTables } from '../../src/server/repositories/sealedTables.ts';
import { checkEncryptionKeys } from '../../src/server/services/keys/checkEncryptionKeys.ts';
import { rotatedTables } from '../../src/server/services/keys/rotatedTables.ts';
import { rotateEncryptionKey } from '../../src/server/services/keys/rotateEncryptionKey.ts';
import { findDataSubject } from '../../src/server/services/privacy/findDataSubject.ts';
import { verifyAccessLog } from '../../src/server/services/privacy/verifyAccessLog.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const record = {
  summary: '정산 문의',
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-2468-1357',
  inquiry: '월 정산 내역 확인 요청 (회신 hong@example.com)',
  title: '[비즈니스] 정산 문의',
  body: 'ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-2468-1357\nㄴ 문의 내용 : 월 정산 내역 확인 요청',
};
const text = z.object({ dump: z.string() });

describe('key rotation covers the whole registry', () => {
  it('rotates every table the sealed-column registry declares', () => {
    expect(rotatedTables.map((entry) => entry.sealed.name).sort()).toEqual(
      Object.values(sealedTables)
        .map((table) => table.name)
        .sort(),
    );
  });
});

describe.each(testBackends())('ieum key rotate on $name', (backend) => {
  let t: TestApp;
  // The first database of a run is migrated from scratch: under the hook's longer timeout.
  beforeAll(async () => {
    await (await backend.open()).close();
  });
  afterEach(async () => {
    await t?.close();
  });

  it('re-encrypts every sealed column and reason under the new key, recomputes indexes, and retires the old key', async () => {
    t = await buildTestApp(backend);
    const agent = await t.userWithToken('agent');
    const backoffice = await t.userWithToken('backoffice');
    const guide = t.ctx.guides.get('business-inquiry');
    const history = guide
      ? enumerateFlowPaths(guide, 'q1').find(
          (path) =>
            path.outcome === 'transfer' &&
            !path.history.some((e) => e.answer === 'open' || e.answer === 'closed'),
        )?.history
      : undefined;
    if (!history) throw new Error('no q1 transfer path');
    const consultationId = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: '01099998888',
      scriptId: 'q1',
      inquiryType: 1,
      history,
      record,
    });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: { consultationId },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${filed.json().id}/reveal`,
      headers: backoffice.headers,
      payload: { reason: '홍길동 고객 재통화' },
    });
    expect(reveal.statusCode).toBe(200);
    // A status note: a sealed json value in a table keyed by a bigserial id.
    const noted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${filed.json().id}/status`,
      headers: backoffice.headers,
      payload: { status: 'in-progress', note: '홍길동 님 부재' },
    });
    expect(noted.statusCode, noted.body).toBeLessThan(300);

    const db = t.ctx.database.db;
    // A KakaoTalk chat in progress: found by its user's keyed index, which the rotation recomputes.
    const botUserKey = 'botUserKey-rotation-0001';
    const chat = await kakaoConversationRepository.insert(db, t.ctx.fieldCodec, {
      userIndex: kakaoUserIndex(t.ctx.fieldKeys, botUserKey),
      userKey: botUserKey,
      state: '{}',
      guideId: 'business-inquiry',
    });
    const oldKeyId = t.ctx.fieldKeys.keyId;
    const previous = t.ctx.env.IEUM_ENCRYPTION_KEY ?? '';
    const next = randomBytes(32).toString('base64');
    const rotatedKeys = loadFieldKeys({
      IEUM_ENCRYPTION_KEY: next,
      IEUM_ENCRYPTION_OLD_KEYS: previous,
      IEUM_DATA_DIR: '/x',
    });
    const nextOnly = loadFieldKeys({ IEUM_ENCRYPTION_KEY: next, IEUM_DATA_DIR: '/x' });
    await checkEncryptionKeys(db, rotatedKeys, t.ctx.now());
    const rotated: AppContext = {
      ...t.ctx,
      fieldKeys: rotatedKeys,
      fieldCodec: createFieldCodec(rotatedKeys),
    };
    // Before the rotation the previous key still holds data: a start without it is refused.
    await expect(checkEncryptionKeys(db, nextOnly, t.ctx.now())).rejects.toThrow(/IEUM_ENCRYPTION_OLD_KEYS/);

    const report = await rotateEncryptionKey(rotated);
    expect(report.unreadable).toBe(0);
    expect(report.retiredKeyIds).toEqual([oldKeyId]);
    expect(report.tables.find((table) => table.table === 'consultations')?.rows).toBe(1);
    expect(report.tables.find((table) => table.table === 'transfers')?.rows).toBe(1);
    expect(report.tables.find((table) => table.table === 'transfer_events')?.rows).toBeGreaterThanOrEqual(1);
    expect(report.accessLogReasons).toBeGreaterThanOrEqual(1);

    // No value anywhere is still under the previous key.
    for (const table of [...Object.values(sealedTables).map((entry) => entry.name), 'audit_events']) {
      const [row] = await queryRows(
        db,
        sql`select coalesce(string_agg(row_to_json(t)::text, '\n'), '') as dump from ${sql.identifier(table)} t`,
        text,
      );
      expect(row?.dump ?? '').not.toContain(`enc:v1:${oldKeyId}:`);
    }
    // Indexes follow the key: found by phone under the new key alone.
    const onlyNew: AppContext = { ...t.ctx, fieldKeys: nextOnly, fieldCodec: createFieldCodec(nextOnly) };
    await checkEncryptionKeys(db, nextOnly, t.ctx.now());
    const found = await findDataSubject(
      onlyNew,
      null,
      { phone: '010-2468-1357', reason: '확인' },
      { ip: null },
    );
    expect(found.consultations.map((c) => c.id)).toEqual([consultationId]);
    expect(found.transfers).toHaveLength(1);
    const chatAfter = await kakaoConversationRepository.findLatestForUser(
      db,
      onlyNew.fieldCodec,
      kakaoUserIndex(nextOnly, botUserKey),
    );
    expect(chatAfter?.id).toBe(chat.id);
    expect(chatAfter?.userKey).toBe(botUserKey);
    expect(
      (await encryptionKeyRepository.list(db)).find((row) => row.keyId === oldKeyId)?.retiredAt,
    ).not.toBeNull();
    // The access log stays verifiable with the key that chained its older rows.
    expect((await verifyAccessLog(rotated)).ok).toBe(true);
    // Run again: nothing left to do.
    expect((await rotateEncryptionKey(rotated)).tables.every((table) => table.rows === 0)).toBe(true);
  });
});
