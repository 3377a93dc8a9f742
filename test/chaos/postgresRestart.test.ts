import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBin } from '../../scripts/test/ensureSystemPackages.ts';
import { startTestPostgres, type TestPostgres } from '../../scripts/test/startTestPostgres.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { type ServerProcess, startServerProcess } from '../helpers/startServerProcess.ts';

const at = encodeURIComponent('2026-12-30T10:00:00+09:00');
const pgCtl = findPostgresBin('pg_ctl');

// Issue 10 item 2: after PostgreSQL restarted, an instance's LISTEN connection was never opened
// again — writes worked, but live screens got nothing and the per-instance calendar and
// credential caches went stale until ieum itself restarted. This runs ieum as its own process on a
// private PostgreSQL cluster, restarts the cluster under it, and changes things through a second
// instance while the first is still reconnecting.
describe.skipIf(!pgCtl /* needs pg_ctl */)('PostgreSQL restarted under a running instance', () => {
  let cluster: TestPostgres | null = null;
  let server: ServerProcess;
  let writer: TestApp;
  let stream: EventStream | undefined;
  beforeAll(async () => {
    cluster = await startTestPostgres();
    if (!cluster) throw new Error('no PostgreSQL server binaries');
    const url = cluster.url;
    const key = randomBytes(32).toString('base64');
    writer = await buildTestApp(
      { name: 'postgres', open: () => openDatabase({ kind: 'postgres', url }) },
      { IEUM_ENCRYPTION_KEY: key },
    );
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('IEUM_') && name !== 'DATABASE_URL'),
    );
    server = await startServerProcess({
      ...inherited,
      DATABASE_URL: url,
      IEUM_ENCRYPTION_KEY: key,
      IEUM_WEB_DIR: '/nonexistent',
      IEUM_PURGE_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'info',
    });
  }, 120_000);
  afterAll(async () => {
    stream?.close();
    await server?.kill('SIGTERM');
    await writer?.close();
    cluster?.stop();
  });

  it('is not ready while its LISTEN connection is down, then delivers every event and cache invalidation it missed', async () => {
    const agent = await writer.userWithToken('agent');
    const leaving = await writer.userWithToken('agent');
    const backoffice = await writer.userWithToken('backoffice');
    const admin = await writer.userWithToken('admin');
    const onServer = (path: string, authorization: string) =>
      fetch(`${server.base}${path}`, { headers: { authorization } });
    // The instance caches the calendar (without the closure) and the leaving agent's token.
    const hours = async () =>
      (await (await onServer(`/api/v1/business-hours?at=${at}`, agent.headers.authorization)).json()).reason;
    expect(await hours()).toBe('open');
    expect((await onServer('/api/v1/business-hours', leaving.headers.authorization)).status).toBe(200);
    stream = await openEventStream(server.base, backoffice.headers.authorization);

    cluster?.shutDown();
    await expect
      .poll(async () => (await fetch(`${server.base}/readyz`)).status, { timeout: 10_000, interval: 100 })
      .toBe(503);
    // Down long enough that the instance is between reconnection attempts when the server is back.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    cluster?.startUp();
    await expect
      .poll(
        () =>
          writer.ctx.database.ping().then(
            () => true,
            () => false,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);

    // Changes through another instance, right after the restart.
    const closure = await writer.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin.headers,
      payload: { date: '2026-12-30', name: '창립기념일' },
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const disabled = await writer.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leaving.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const filed = await writer.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: { inquiryType: 1, phone: '010-1234-5678', inquiry: '재시작 중 접수' },
    });
    expect(filed.statusCode, filed.body).toBe(201);

    await expect
      .poll(async () => (await fetch(`${server.base}/readyz`)).status, { timeout: 20_000, interval: 100 })
      .toBe(200);
    await expect
      .poll(() => stream?.events.map((event) => event.type) ?? [], { timeout: 10_000, interval: 50 })
      .toEqual(expect.arrayContaining(['closure.changed', 'transfer.filed']));
    const transferEvents = stream.events.filter((event) => event.type === 'transfer.filed');
    expect(transferEvents.map((event) => event.data.transferId)).toEqual([filed.json().id]);
    expect(await hours()).toBe('closure');
    expect((await onServer('/api/v1/business-hours', leaving.headers.authorization)).status).toBe(401);
    expect(server.output()).toContain('caught up on events stored meanwhile');

    // And live delivery goes on as before.
    const after = await writer.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: { inquiryType: 1, phone: '010-1234-5679', inquiry: '재시작 후 접수' },
    });
    expect(after.statusCode, after.body).toBe(201);
    await expect
      .poll(() => stream?.events.filter((event) => event.type === 'transfer.filed').length, {
        timeout: 10_000,
      })
      .toBe(2);
  }, 120_000);
});
