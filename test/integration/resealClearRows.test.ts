import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../../src/server/appContext.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { openRow } from '../../src/server/crypto/openRow.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { sqlCastType } from '../../src/server/db/sqlCastType.ts';
import { readEnv } from '../../src/server/env.ts';
import { rotatedTables } from '../../src/server/services/keys/rotatedTables.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { type RunningServer, startServer } from '../../src/server/startServer.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';

const NAME = '한옛글';
const PHONE = '010-3579-2468';
const EMAIL = 'old.clear@example.com';
const anyRow = z.record(z.string(), z.unknown());
/** What writing rows as an earlier version did needs: a database and the field codec. */
type EarlierVersion = Pick<AppContext, 'database' | 'fieldCodec'>;
const valueRow = z.object({ where: z.string(), value: z.string() });

type Backend = { name: string; env: () => Promise<Record<string, string>>; concurrentStarts: boolean };

/** PGlite in a data directory, and PostgreSQL when IEUM_TEST_DATABASE_URL names one (a database per run). */
function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'pglite',
      concurrentStarts: false,
      env: async () => ({ IEUM_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-reseal-')) }),
    },
  ];
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  if (adminUrl) {
    list.push({
      name: 'postgres',
      concurrentStarts: true,
      env: async () => {
        const name = `ieum_test_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return { DATABASE_URL: url.toString() };
      },
    });
  }
  return list;
}

describe.each(backends())('personal values an earlier version stored in clear, on $name', (backend) => {
  let env: ReturnType<typeof readEnv>;
  let receiver: TestWebhookReceiver;
  let checkpointDir: string;
  const running: RunningServer[] = [];
  const logger = createLogger('silent');

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-reseal-cp-'));
    env = readEnv({
      ...(await backend.env()),
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_ACCESS_LOG_CHECKPOINT_FILE: path.join(checkpointDir, 'checkpoint'),
      IEUM_WEBHOOK_ALLOW_PRIVATE: 'true',
      IEUM_WEB_DIR: '/nonexistent',
      PORT: '0',
      HOST: '127.0.0.1',
    });
  });
  afterAll(async () => {
    for (const server of running.splice(0)) await server.stop().catch(() => {});
    await receiver?.stop().catch(() => {});
    if (env?.DATABASE_URL && process.env.IEUM_TEST_DATABASE_URL) {
      const cleanup = new pg.Client({ connectionString: process.env.IEUM_TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(
        `drop database if exists ${new URL(env.DATABASE_URL).pathname.slice(1)} with (force)`,
      );
      await cleanup.end();
    } else if (env) {
      fs.rmSync(env.IEUM_DATA_DIR, { recursive: true, force: true });
    }
    fs.rmSync(checkpointDir, { recursive: true, force: true });
  });

  const start = async () => {
    const server = await startServer(env, logger);
    running.push(server);
    return server;
  };
  const stop = async (server: RunningServer) => {
    running.splice(running.indexOf(server), 1);
    await server.stop();
  };

  /** Every value of every sealed column (json values one by one) and every blind index, as stored, by row. */
  async function storedSealedValues(server: {
    ctx: EarlierVersion;
  }): Promise<Array<{ where: string; value: string }>> {
    const values: Array<{ where: string; value: string }> = [];
    for (const { sealed } of rotatedTables) {
      const id = sql.identifier(sealed.sqlNames[sealed.id] ?? 'id');
      for (const column of sealed.columns) {
        const name = sql.identifier(column.column);
        const label = `${column.table}.${column.column}`;
        const keys = column.jsonKeys
          ? sql`and entry.key in (${sql.join(
              column.jsonKeys.map((key) => sql`${key}`),
              sql`, `,
            )})`
          : sql``;
        const query =
          column.kind === 'text'
            ? sql`select ${label} || '#' || ${id}::text as where, ${name} as value
                  from ${sql.identifier(column.table)} where ${name} <> ''`
            : sql`select ${label} || '.' || entry.key || '#' || ${id}::text as where, entry.value #>> '{}' as value
                  from ${sql.identifier(column.table)}, jsonb_each(${name}) as entry
                  where jsonb_typeof(${name}) = 'object' and jsonb_typeof(entry.value) = 'string' ${keys}
                    and entry.value #>> '{}' <> ''`;
        values.push(...(await queryRows(server.ctx.database.db, query, valueRow)));
      }
      for (const index of sealed.indexColumns) {
        values.push(
          ...(await queryRows(
            server.ctx.database.db,
            sql`select ${`${sealed.name}.${index}`} || '#' || ${id}::text as where, ${sql.identifier(index)}::text as value
                from ${sql.identifier(sealed.name)} where ${sql.identifier(index)} is not null`,
            valueRow,
          )),
        );
      }
    }
    return values.sort((a, b) => a.where.localeCompare(b.where));
  }

  const isIndex = (where: string) => /_index#/.test(where);

  /** What an earlier version stored: every sealed value of every declared table in clear, no blind indexes. */
  async function storeInClearAsAnEarlierVersion(server: { ctx: EarlierVersion }): Promise<number> {
    let rows = 0;
    for (const { table, sealed } of rotatedTables) {
      const columns: Record<string, PgColumn> = getTableColumns(table);
      const propertyOf = new Map(
        Object.entries(columns).map(([property, column]) => [column.name, property]),
      );
      const idColumn = columns[sealed.id];
      if (!idColumn) throw new Error(`no id column in ${sealed.name}`);
      const stored = await queryRows(
        server.ctx.database.db,
        sql`select * from ${sql.identifier(getTableName(table))}`,
        anyRow,
      );
      for (const raw of stored) {
        const row = Object.fromEntries(
          Object.entries(raw).map(([name, value]) => [propertyOf.get(name) ?? name, value]),
        );
        const opened = openRow(server.ctx.fieldCodec, sealed, row);
        const assignments = [
          ...[...sealed.text, ...(sealed.json ?? []).map((json) => json.column)].flatMap((property) => {
            const column = columns[property];
            const value: unknown = opened[property];
            if (!column) return [];
            const driver = value === null || value === undefined ? null : column.mapToDriverValue(value);
            return [sql`${sql.identifier(column.name)} = ${driver}::${sql.raw(sqlCastType(column))}`];
          }),
          ...sealed.indexColumns.map((index) => sql`${sql.identifier(index)} = null`),
        ];
        await server.ctx.database.db.execute(
          sql`update ${sql.identifier(getTableName(table))} set ${sql.join(assignments, sql`, `)}
              where ${sql.identifier(idColumn.name)} = ${String(row[sealed.id])}::${sql.raw(sqlCastType(idColumn))}`,
        );
        rows += 1;
      }
    }
    return rows;
  }

  it('seals every clear value and fills the blind indexes at start; they read back; a second start changes nothing', async () => {
    const first = await start();
    const user = async (role: 'admin' | 'agent' | 'backoffice') => {
      const email = `${role}-${randomBytes(3).toString('hex')}@ieum.test`;
      await createUser(
        first.ctx,
        { email, name: `${role} 사용자`, role, password: 'correct horse battery' },
        { id: null },
      );
      const { token } = await createApiToken(first.ctx, { email }, { id: null });
      return { authorization: `Bearer ${token}` };
    };
    const admin = await user('admin');
    const agent = await user('agent');
    const backoffice = await user('backoffice');
    const call = async (
      headers: Record<string, string>,
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
    ) => {
      const response = await first.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };
    await call(admin, 'POST', '/api/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['*'],
      includePersonalData: true,
    });
    const transfer = await call(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName: NAME,
      phone: PHONE,
      email: EMAIL,
      inquiry: '정산 내역 요청',
    });
    await call(backoffice, 'POST', `/api/v1/transfers/${transfer.id}/comments`, {
      body: `${NAME} 님 ${PHONE} 재통화`,
    });
    await call(backoffice, 'POST', `/api/v1/transfers/${transfer.id}/status`, {
      status: 'in-progress',
      note: `${NAME} 님 부재 (${PHONE})`,
    });
    const consultationId = await recordConsultation(first.app, agent, {
      channel: 'call',
      callerNumber: PHONE,
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '옛글상사',
        contactName: NAME,
        phone: PHONE,
        inquiry: `이메일주소: ${EMAIL}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body: `ㄴ 담당자 : ${NAME}`,
      },
    });
    const lead = await call(agent, 'POST', '/api/v1/leads', {
      consultationId,
      companyName: '옛글상사',
      contactName: NAME,
      phone: PHONE,
      email: EMAIL,
    });
    await call(backoffice, 'POST', `/api/v1/leads/${lead.id}/callback-outcome`, {
      outcome: 'no-answer',
      note: `${NAME} 님 받지 않음`,
    });
    // What the API shows, and every stored value opened: what must read back the same afterwards.
    const views = async (server: RunningServer) => {
      const get = async (url: string) => {
        const response = await server.app.inject({ method: 'GET', url, headers: backoffice });
        expect(response.statusCode, `GET ${url}: ${response.body}`).toBe(200);
        // Without what changes between two reads on its own: the SLA's "as of" instant and the
        // business minutes left until its target (a minute boundary may pass between the reads),
        // and the brochure's delivery note, written by the mail job whenever it runs.
        return JSON.parse(response.body, (key, value) =>
          key === 'asOf' || key === 'businessMinutesLeft' || key === 'lastError' ? undefined : value,
        );
      };
      return [
        await get(`/api/v1/transfers/${transfer.id}`),
        await get(`/api/v1/leads/${lead.id}`),
        await get(`/api/v1/leads/${lead.id}/email`),
      ];
    };
    const open = (server: RunningServer, values: Array<{ where: string; value: string }>) =>
      values.map(({ where, value }) => {
        if (isIndex(where)) return { where, value };
        const opened = server.ctx.fieldCodec.openText(value);
        return { where, value: opened.readable ? opened.value : '(unreadable)' };
      });
    const original = await storedSealedValues(first);
    const originalViews = await views(first);
    const originalClear = open(first, original);
    // Each kind of free text the issue names is there (sealed, in this version).
    for (const where of [
      'transfer_comments.body',
      'transfer_events.detail.note',
      'lead_callbacks.note',
      'webhook_deliveries.body',
      'email_outbox.to_address',
      'transfers.personal_index',
      'leads.phone_index',
    ]) {
      expect(
        original.some((entry) => entry.where.startsWith(`${where}#`)),
        where,
      ).toBe(true);
    }

    await stop(first);
    // As an earlier version left them, running on the database after this one stopped: in clear,
    // without blind indexes.
    const earlier = {
      ctx: {
        database: await openDatabase(
          env.DATABASE_URL
            ? { kind: 'postgres', url: env.DATABASE_URL }
            : { kind: 'pglite', dataDir: env.IEUM_DATA_DIR },
        ),
        fieldCodec: createLoggedFieldCodec(loadFieldKeys(env), logger),
      },
    };
    try {
      expect(await storeInClearAsAnEarlierVersion(earlier)).toBeGreaterThan(8);
      expect(await storedSealedValues(earlier)).toEqual(
        originalClear.filter((entry) => !isIndex(entry.where)),
      );
    } finally {
      await earlier.ctx.database.close();
    }

    // The upgraded version starts (on PostgreSQL: two instances at once).
    const [second, twin] = backend.concurrentStarts
      ? await Promise.all([start(), start()])
      : [await start(), null];
    if (twin) await stop(twin);
    const resealed = await storedSealedValues(second);
    expect(resealed.filter((entry) => !isIndex(entry.where) && !entry.value.startsWith('enc:v1:'))).toEqual(
      [],
    );
    // The same values, and the same blind indexes (same key), as before they were stored in clear.
    expect(open(second, resealed)).toEqual(originalClear);
    expect(await views(second)).toEqual(originalViews);
    const found = await second.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin,
      payload: { phone: PHONE, reason: '열람 요청 확인' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().transfers.map((item: { id: string }) => item.id)).toContain(transfer.id);
    expect(found.json().leads.map((item: { id: string }) => item.id)).toContain(lead.id);
    expect(found.json().consultations.map((item: { id: string }) => item.id)).toContain(consultationId);
    const before = await storedSealedValues(second);
    await stop(second);

    // A later start finds nothing to do: every stored value is exactly as it was.
    const third = await start();
    expect(await storedSealedValues(third)).toEqual(before);
    await stop(third);
    // Three real starts of the server (the first migrates a new database): ~20 s on PGlite.
  }, 120_000);
});
