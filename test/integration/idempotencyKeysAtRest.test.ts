import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idempotencyKeyDigest } from '../../src/server/crypto/idempotencyKeyDigest.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { digestLegacyIdempotencyKeys } from '../../src/server/services/idempotency/digestLegacyIdempotencyKeys.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const storedKey = z.object({ key: z.string(), scope: z.string() });

/**
 * An Idempotency-Key is whatever the client sends, a phone number included: it is stored only as a
 * keyed digest, and retries still get the first answer — keys an earlier version kept in clear too,
 * once the start has stored them as digests.
 */
describe.each(testBackends())('Idempotency-Keys at rest on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const keysOf = () =>
    queryRows(
      t.ctx.database.db,
      sql`select key, scope from idempotency_keys where user_id = ${agent.id}::uuid`,
      storedKey,
    );

  const finishWith = async (key: string) => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id: string = started.json().id;
    const finish = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/finish`,
        headers: { ...agent.headers, 'idempotency-key': key },
        payload: q1TransferFinish,
      });
    return { id, finish };
  };

  it('stores a key only as its digest, and a retry gets the first answer', async () => {
    const key = 'call-010-2345-6789-kim@example.com';
    const { finish } = await finishWith(key);
    const first = await finish();
    expect(first.statusCode, first.body).toBe(200);
    const stored = await keysOf();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('2345');
    expect(JSON.stringify(stored)).not.toContain('example.com');
    const retried = await finish();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json().transfer.id).toBe(first.json().transfer.id);
  });

  it('stores the keys an earlier version kept in clear as digests, still answering their retries', async () => {
    const key = 'legacy-010-3456-7890';
    const { finish } = await finishWith(key);
    const first = await finish();
    expect(first.statusCode, first.body).toBe(200);
    // As an earlier version left it: the key as sent.
    const digest = idempotencyKeyDigest(t.ctx.fieldKeys, key);
    expect((await keysOf()).map((row) => row.key)).toContain(digest);
    await t.ctx.database.db.execute(
      sql`update idempotency_keys set key = ${key} where user_id = ${agent.id}::uuid and key = ${digest}`,
    );
    expect((await keysOf()).some((row) => row.key === key)).toBe(true);
    expect(await digestLegacyIdempotencyKeys(t.ctx)).toBe(1);
    expect(await digestLegacyIdempotencyKeys(t.ctx)).toBe(0);
    const stored = await keysOf();
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.key))).toBe(true);
    expect(stored.map((row) => row.key)).toContain(digest);
    const retried = await finish();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json().transfer.id).toBe(first.json().transfer.id);
  });
});
