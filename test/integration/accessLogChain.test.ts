import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalJson } from '../../src/server/crypto/canonicalJson.ts';
import { decryptField } from '../../src/server/crypto/decryptField.ts';
import { GENESIS_HASH, hashAuditEntry } from '../../src/server/crypto/hashAuditEntry.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { auditRepository, UNREADABLE_AUDIT_REASON } from '../../src/server/repositories/auditRepository.ts';
import { accessLogCheckpoint } from '../../src/server/services/privacy/accessLogCheckpoint.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { redactAccessLogReasons } from '../../src/server/services/privacy/redactAccessLogReasons.ts';
import { sealLegacyAccessLogReasons } from '../../src/server/services/privacy/sealLegacyAccessLogReasons.ts';
import { verifyAccessLog } from '../../src/server/services/privacy/verifyAccessLog.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const rowSchema = z.object({
  id: z.coerce.number(),
  chain_seq: z.coerce.number().nullable(),
  at: z.coerce.date(),
  actor_id: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  subject_index: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  reason_digest: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  prev_hash: z.string().nullable(),
  hash: z.string().nullable(),
});

describe.each(testBackends())('the keyed access-log chain on $name', (backend) => {
  let t: TestApp;
  // The first database of a run is migrated from scratch (the template the others are cloned from):
  // done under the hook's longer timeout, not inside the first test's.
  beforeAll(async () => {
    await (await backend.open()).close();
  });
  afterEach(async () => {
    await t?.close();
  });

  const rows = () => queryRows(t.ctx.database.db, sql`select * from audit_events order by id`, rowSchema);
  // What someone who can write the database (but holds no key) does to hide an edit.
  const asIntruder = async (statements: ReturnType<typeof sql>[]) => {
    const db = t.ctx.database.db;
    await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    for (const statement of statements) await db.execute(statement);
    await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  };

  async function appendReveals(count: number, reason = (i: number) => `고객 재통화 ${i}`) {
    for (let i = 1; i <= count; i += 1) {
      await auditRepository.append(t.ctx.database.db, t.ctx.fieldKeys, {
        at: t.ctx.now(),
        actorId: null,
        action: 'personal-data.reveal',
        subject: `lead:${i}`,
        ip: '127.0.0.1',
        reason: reason(i),
        detail: { fields: ['phone'] },
      });
      t.advance(60_000);
    }
  }

  it('detects row 11’s reason edited and every later hash recomputed (unkeyed, or with a guessed key)', async () => {
    t = await buildTestApp(backend);
    await appendReveals(20);
    const before = await verifyAccessLog(t.ctx);
    expect(before).toMatchObject({ ok: true, brokenAt: null, checked: 20, legacyChecked: 0 });
    expect(before.checkpoint.written).toBe(20);
    // The reason is encrypted at rest; the chain covers its keyed digest.
    const stored = await rows();
    expect(stored.every((row) => row.reason?.startsWith('enc:v1:'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('고객 재통화');

    for (const recompute of [
      (prev: string, content: string) => createHash('sha256').update(`${prev}\n${content}`).digest('hex'),
      (prev: string, content: string) =>
        createHash('sha256').update(randomBytes(32)).update(`${prev}\n${content}`).digest('hex'),
    ]) {
      const chain = await rows();
      const statements: ReturnType<typeof sql>[] = [];
      let prev = chain[9]?.hash ?? GENESIS_HASH;
      for (const row of chain.slice(10)) {
        const reason = row.chain_seq === 11 ? '단순 조회' : row.reason;
        const digest =
          row.chain_seq === 11 ? createHash('sha256').update('단순 조회').digest('hex') : row.reason_digest;
        const hash = recompute(prev, canonicalJson({ ...row, reason, reason_digest: digest }));
        statements.push(
          sql`update audit_events set reason = ${reason}, reason_digest = ${digest}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
        );
        prev = hash;
      }
      await asIntruder(statements);
      const after = await verifyAccessLog(t.ctx);
      expect(after.ok).toBe(false);
      expect(after.brokenAt).toEqual({ id: chain[10]?.id, problem: expect.stringContaining('keyed hash') });
      // A failed verification never moves the checkpoint.
      expect(after.checkpoint.written).toBeNull();
    }
  });

  it('detects the newest 3 rows deleted past the trigger, through the signed checkpoint', async () => {
    t = await buildTestApp(backend);
    await appendReveals(12);
    expect((await verifyAccessLog(t.ctx)).checkpoint.written).toBe(12);
    await appendReveals(2);
    // The purge's own switch, misused: the chain left behind is consistent, the checkpoint is not.
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('ieum.audit_purge', 'on', true)`);
      await tx.execute(
        sql`delete from audit_events where id in (select id from audit_events order by id desc limit 3)`,
      );
    });
    const result = await verifyAccessLog(t.ctx);
    expect(result.brokenAt).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.checkpoint).toMatchObject({
      state: 'broken',
      seq: 12,
      problem: expect.stringContaining('the newest rows were removed'),
    });
    // The checkpoint file keeps the evidence: it is not moved back.
    expect((await verifyAccessLog(t.ctx)).ok).toBe(false);
  });

  it('detects a forged checkpoint file', async () => {
    t = await buildTestApp(backend);
    await appendReveals(3);
    await verifyAccessLog(t.ctx);
    const file = accessLogCheckpoint.fileOf(t.ctx.env);
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...written, seq: 2 }));
    expect((await verifyAccessLog(t.ctx)).checkpoint).toMatchObject({
      state: 'broken',
      problem: expect.stringContaining('signature'),
    });
  });

  it('shows edits made past the append-only trigger (DISABLE TRIGGER, or the reason-update switch)', async () => {
    t = await buildTestApp(backend);
    await appendReveals(6);
    const chain = await rows();
    const [third, fourth] = [chain[2], chain[3]];
    if (!third || !fourth) throw new Error('rows missing');
    // The reason-update switch lets only reason columns change: any other column is still refused.
    await expect(
      t.ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('ieum.audit_reason_update', 'on', true)`);
        await tx.execute(sql`update audit_events set action = 'user.login' where id = ${third.id}`);
      }),
    ).rejects.toThrow();
    // … and a reason swapped in from another row does not match the digest the chain covers.
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('ieum.audit_reason_update', 'on', true)`);
      await tx.execute(sql`update audit_events set reason = ${fourth.reason} where id = ${third.id}`);
    });
    expect((await verifyAccessLog(t.ctx)).brokenAt).toEqual({
      id: third.id,
      problem: expect.stringContaining('reason does not match its digest'),
    });
    await asIntruder([
      sql`update audit_events set reason = ${third.reason} where id = ${third.id}`,
      sql`update audit_events set action = 'user.login' where id = ${fourth.id}`,
    ]);
    expect((await verifyAccessLog(t.ctx)).brokenAt).toEqual({
      id: fourth.id,
      problem: expect.stringContaining('keyed hash'),
    });
  });

  it('keeps rows of the first, unkeyed chain verifiable (reasons sealed at start) and pinned by the keyed chain', async () => {
    t = await buildTestApp(backend);
    const db = t.ctx.database.db;
    // Rows as the first chain wrote them: SHA-256 links, reason in clear, no version.
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 4; i += 1) {
      const content = {
        at: new Date(`2026-11-0${i}T10:00:00Z`),
        actorId: null,
        action: 'personal-data.reveal',
        subject: `consultation:${i}`,
        subjectIndex: null,
        ip: null,
        reason: `예전 사유 ${i}`,
        detail: null,
      };
      const hash = hashAuditEntry(prev, content);
      await db.execute(
        sql`insert into audit_events (at, action, subject, reason, prev_hash, hash) values (${content.at.toISOString()}, ${content.action}, ${content.subject}, ${content.reason}, ${prev}, ${hash})`,
      );
      prev = hash;
    }
    await appendReveals(3);
    expect(await sealLegacyAccessLogReasons(t.ctx)).toBe(4);
    const stored = await rows();
    expect(JSON.stringify(stored)).not.toContain('예전 사유');
    expect(stored[4]?.prev_hash).toBe(prev);
    expect(await verifyAccessLog(t.ctx)).toMatchObject({ ok: true, checked: 7, legacyChecked: 4 });

    // Rewriting the unkeyed part consistently still breaks the first keyed row, which pins its end.
    const legacy = stored.slice(0, 4);
    const statements: ReturnType<typeof sql>[] = [];
    let forged = GENESIS_HASH;
    for (const row of legacy) {
      const content = {
        at: row.at,
        actorId: null,
        action: row.action,
        subject: row.subject === 'consultation:2' ? 'consultation:999' : row.subject,
        subjectIndex: null,
        ip: null,
        reason: decryptField(t.ctx.fieldKeys, row.reason ?? ''),
        detail: null,
      };
      const hash = hashAuditEntry(forged, content);
      statements.push(
        sql`update audit_events set subject = ${content.subject}, prev_hash = ${forged}, hash = ${hash} where id = ${row.id}`,
      );
      forged = hash;
    }
    await asIntruder(statements);
    expect((await verifyAccessLog(t.ctx)).brokenAt).toEqual({
      id: stored[4]?.id,
      problem: expect.stringContaining('does not link'),
    });
  });

  it('redacts a data subject from reasons and the chain still verifies; the purge keeps it verifiable', async () => {
    t = await buildTestApp(backend);
    await appendReveals(5, (i) =>
      i === 2
        ? '홍길동 고객(010-2468-1357) 재통화 요청, kim.minsu@example.com 회신'
        : i === 4
          ? '01024681357 번호로 재통화'
          : `다른 고객 010-1111-${String(2220 + i)} 재통화`,
    );
    const changed = await redactAccessLogReasons(
      t.ctx.database.db,
      t.ctx.fieldKeys,
      { phones: ['01024681357'], emails: ['kim.minsu@example.com'], names: ['홍길동'] },
      t.ctx.now(),
    );
    expect(changed).toHaveLength(2);
    const reasons = (await rows()).map((row) => decryptField(t.ctx.fieldKeys, row.reason ?? ''));
    expect(reasons[1]).toBe('[삭제됨] 고객([삭제됨]) 재통화 요청, [삭제됨] 회신');
    expect(reasons[3]).toBe('[삭제됨] 번호로 재통화');
    expect(reasons[0]).toBe('다른 고객 010-1111-2221 재통화');
    for (const clear of ['2468-1357', '24681357', 'kim.minsu', '홍길동']) {
      expect(reasons.join('\n')).not.toContain(clear);
    }
    expect(await verifyAccessLog(t.ctx)).toMatchObject({ ok: true, checked: 5 });

    // Three years on, the purge removes these rows and records the anchor in the keyed chain.
    t.advance(4 * 365 * 24 * 60 * 60_000);
    await appendReveals(2);
    const purged = await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect(purged.accessLogRows).toBe(5);
    expect(await verifyAccessLog(t.ctx)).toMatchObject({ ok: true, checked: 3 });
    // Removing the oldest remaining row outside the purge shows.
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('ieum.audit_purge', 'on', true)`);
      await tx.execute(sql`delete from audit_events where id = (select min(id) from audit_events)`);
    });
    expect((await verifyAccessLog(t.ctx)).brokenAt?.problem).toContain('first row does not link');
  });

  it('reports rows linked with a key the server is not given as unverifiable, not as tampering', async () => {
    t = await buildTestApp(backend);
    const admin = await t.userWithToken('admin');
    await appendReveals(2);
    // Written under another key — as after `key rotate` when the previous key is then left out of
    // IEUM_ENCRYPTION_OLD_KEYS: the links hold, the content cannot be checked here.
    const previousKey = loadFieldKeys({
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_DATA_DIR: '/x',
    });
    await auditRepository.append(t.ctx.database.db, previousKey, {
      at: t.ctx.now(),
      actorId: admin.id,
      action: 'personal-data.reveal',
      subject: 'lead:3',
      reason: '이전 키로 쓴 사유',
    });
    const foreign = (await rows()).at(-1);
    const result = await verifyAccessLog(t.ctx, { writeCheckpoint: false });
    expect(result).toMatchObject({
      ok: false,
      brokenAt: null,
      unverifiableFrom: { id: foreign?.id, keyId: previousKey.keyId },
    });
    const shown = await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers });
    expect(shown.json()).toMatchObject({
      ok: false,
      brokenAt: null,
      unverifiableFrom: { keyId: previousKey.keyId },
    });
  });

  it('reports a checkpoint signed with a key the server is not given as unverifiable, and keeps it', async () => {
    t = await buildTestApp(backend);
    const admin = await t.userWithToken('admin');
    await appendReveals(3);
    const head = (await rows()).at(-1);
    // A checkpoint of the same head signed under a key left out after a rotation: the rows' own
    // links are the current key's, so only the checkpoint's signature cannot be checked here.
    const previousKey = loadFieldKeys({
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_DATA_DIR: '/x',
    });
    const file = accessLogCheckpoint.fileOf(t.ctx.env);
    fs.rmSync(file, { force: true });
    accessLogCheckpoint.write(
      file,
      previousKey,
      { seq: head?.chain_seq ?? 0, id: head?.id ?? 0, hash: head?.hash ?? '' },
      t.ctx.now(),
    );
    const signed = fs.readFileSync(file, 'utf8');

    const result = await verifyAccessLog(t.ctx);
    expect(result).toMatchObject({
      ok: false,
      brokenAt: null,
      unverifiableFrom: null,
      checkpoint: {
        state: 'unverifiable',
        keyId: previousKey.keyId,
        problem: expect.stringContaining('not a sign of tampering'),
        written: null,
      },
    });
    // Kept: once the key is added back it may still vouch for the head it signed.
    expect(fs.readFileSync(file, 'utf8')).toBe(signed);
    const shown = await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers });
    expect(shown.json()).toMatchObject({
      ok: false,
      checkpoint: { state: 'unverifiable', keyId: previousKey.keyId },
    });
  });

  it('lists a reason no configured key can read as unreadable, without failing the list', async () => {
    t = await buildTestApp(backend);
    const admin = await t.userWithToken('admin');
    const stranger = loadFieldKeys({
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_DATA_DIR: '/x',
    });
    await auditRepository.append(t.ctx.database.db, stranger, {
      at: t.ctx.now(),
      actorId: admin.id,
      action: 'personal-data.reveal',
      subject: 'lead:1',
      reason: '다른 키로 쓴 사유',
    });
    const listed = await t.app.inject({
      url: '/api/v1/access-log?action=personal-data.reveal',
      headers: admin.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0].reason).toBe(UNREADABLE_AUDIT_REASON);
  });
});
