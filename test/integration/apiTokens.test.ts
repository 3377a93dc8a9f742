import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenListSchema } from '../../src/contract/tokens/apiTokenListSchema.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type TestBackend, testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

/** Creates a token through the API as `owner`; returns its id and ready-to-use headers. */
async function createToken(
  t: TestApp,
  owner: Headers,
  body: Record<string, unknown> = { name: 'CTI' },
): Promise<{ id: string; headers: Headers; expiresAt: string | null }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: owner,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json();
  return {
    id: created.id,
    headers: { authorization: `Bearer ${created.token}` },
    expiresAt: created.expiresAt,
  };
}

async function listTokens(t: TestApp, headers: Headers, query = '') {
  const response = await t.app.inject({ url: `/api/v1/tokens${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return apiTokenListSchema.parse(response.json()).items;
}

async function statusWith(t: TestApp, headers: Headers): Promise<number> {
  return (await t.app.inject({ url: '/api/v1/business-hours', headers })).statusCode;
}

describe.each(testBackends())('API tokens on $name', (backend) => {
  let t: TestApp;
  let admin: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists a token with its last use, and revokes it at once (204, then 401; revoking again changes nothing)', async () => {
    const agent = await t.userWithToken('agent');
    const token = await createToken(t, agent.headers);
    expect(token.expiresAt).toBeNull();
    const [before] = (await listTokens(t, agent.headers)).filter((item) => item.id === token.id);
    expect(before).toMatchObject({ name: 'CTI', status: 'active', lastUsedAt: null, userEmail: agent.email });
    t.advance(2 * 60_000);
    expect(await statusWith(t, token.headers)).toBe(200);
    const [used] = (await listTokens(t, agent.headers)).filter((item) => item.id === token.id);
    expect(used?.lastUsedAt).toBe(t.ctx.now().toISOString());

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.id}`,
      headers: agent.headers,
    });
    expect(revoked.statusCode).toBe(204);
    // The token was just used (and remembered by the credential cache): refused all the same.
    expect(await statusWith(t, token.headers)).toBe(401);
    const [after] = (await listTokens(t, agent.headers)).filter((item) => item.id === token.id);
    expect(after).toMatchObject({ status: 'revoked', revokedAt: t.ctx.now().toISOString() });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.id}`,
      headers: agent.headers,
    });
    expect(again.statusCode).toBe(204);
    // Still valid: the agent's own first token.
    expect(await statusWith(t, agent.headers)).toBe(200);
  });

  it('lets a token expire: expiresInDays or expiresAt, refused once the instant passes', async () => {
    const agent = await t.userWithToken('agent');
    const inDays = await createToken(t, agent.headers, { name: 'report', expiresInDays: 30 });
    expect(inDays.expiresAt).toBe(new Date(t.ctx.now().getTime() + 30 * 86_400_000).toISOString());
    const at = new Date(t.ctx.now().getTime() + 3_600_000).toISOString();
    const atInstant = await createToken(t, agent.headers, { name: 'batch', expiresAt: at });
    expect(atInstant.expiresAt).toBe(at);
    expect(await statusWith(t, atInstant.headers)).toBe(200);
    t.advance(3_600_000);
    expect(await statusWith(t, atInstant.headers)).toBe(401);
    expect(await statusWith(t, inDays.headers)).toBe(200);
    const items = await listTokens(t, agent.headers);
    expect(items.find((item) => item.id === atInstant.id)?.status).toBe('expired');
    expect(items.find((item) => item.id === inDays.id)?.status).toBe('active');
  });

  it('refuses an expiry in the past, both forms at once, and a lifetime out of range (400 naming the field)', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', expiresAt: '2020-01-01T00:00:00+09:00' }, '/expiresAt'],
      [{ name: 'x', expiresAt: 'tomorrow' }, 'body/expiresAt'],
      [{ name: 'x', expiresInDays: 0 }, 'body/expiresInDays'],
      [{ name: 'x', expiresInDays: 1.5 }, 'body/expiresInDays'],
      [{ name: 'x', expiresInDays: 3, expiresAt: '2030-01-01T00:00:00+09:00' }, 'body/expiresInDays'],
    ];
    for (const [payload, where] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin.headers,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].where).toBe(where);
    }
  });

  it('shows each user only their own tokens and keeps others’ out of reach; admins see and revoke all', async () => {
    const one = await t.userWithToken('agent');
    const two = await t.userWithToken('backoffice');
    const oneToken = await createToken(t, one.headers);
    const seenByTwo = await listTokens(t, two.headers, `?userId=${one.id}`);
    expect(seenByTwo.every((item) => item.userId === two.id)).toBe(true);
    const stolen = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${oneToken.id}`,
      headers: two.headers,
    });
    expect(stolen.statusCode).toBe(404);
    expect(await statusWith(t, oneToken.headers)).toBe(200);

    const seenByAdmin = await listTokens(t, admin.headers, `?userId=${one.id}`);
    expect(seenByAdmin.map((item) => item.userId)).toEqual([one.id, one.id]);
    expect((await listTokens(t, admin.headers)).some((item) => item.userId === two.id)).toBe(true);
    const byAdmin = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${oneToken.id}`,
      headers: admin.headers,
    });
    expect(byAdmin.statusCode).toBe(204);
    expect(await statusWith(t, oneToken.headers)).toBe(401);
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/tokens/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('re-enabling a disabled account revives none of its old tokens or sessions', async () => {
    const agent = await t.userWithToken('agent');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'correct horse battery' },
    });
    const cookies = { ieum_session: login.cookies.find((c) => c.name === 'ieum_session')?.value ?? '' };
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(200);
    for (const disabled of [true, false]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${agent.id}`,
        headers: admin.headers,
        payload: { disabled },
      });
      expect(response.statusCode).toBe(200);
    }
    expect(await statusWith(t, agent.headers)).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(401);
    const items = await listTokens(t, admin.headers, `?userId=${agent.id}`);
    expect(items.map((item) => item.status)).toEqual(['revoked']);
    // The account itself works again: a fresh login and a fresh token do.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'correct horse battery' },
    });
    expect(again.statusCode).toBe(200);
  });
});

/** Two app instances on one database: PostgreSQL (two pools), or one PGlite shared in-process. */
function sharedBackends(): Array<{
  name: string;
  make: () => Promise<{ backend: TestBackend; drop: () => Promise<void> }>;
}> {
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  const list: Array<{
    name: string;
    make: () => Promise<{ backend: TestBackend; drop: () => Promise<void> }>;
  }> = [
    {
      name: 'pglite',
      make: async () => {
        const client = await PGlite.create();
        return {
          backend: { name: 'pglite', open: () => openDatabase({ kind: 'pglite-instance', client }) },
          drop: () => client.close(),
        };
      },
    },
  ];
  if (adminUrl)
    list.push({
      name: 'postgres',
      make: async () => {
        const name = `ieum_test_${randomBytes(6).toString('hex')}`;
        const adminClient = new pg.Client({ connectionString: adminUrl });
        await adminClient.connect();
        await adminClient.query(`create database ${name}`);
        await adminClient.end();
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return {
          backend: { name: 'postgres', open: () => openDatabase({ kind: 'postgres', url: url.toString() }) },
          drop: async () => {
            const cleanup = new pg.Client({ connectionString: adminUrl });
            await cleanup.connect();
            await cleanup.query(`drop database if exists ${name} with (force)`);
            await cleanup.end();
          },
        };
      },
    });
  return list;
}

describe.each(sharedBackends())('token revocation across two instances on $name', (shared) => {
  let one: TestApp;
  let two: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const made = await shared.make();
    drop = made.drop;
    const key = randomBytes(32).toString('base64');
    one = await buildTestApp(made.backend, { IEUM_ENCRYPTION_KEY: key });
    two = await buildTestApp(made.backend, { IEUM_ENCRYPTION_KEY: key });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await drop();
  });

  it('a token revoked on one instance is refused on the other at once, though that one had it cached', async () => {
    const agent = await one.userWithToken('agent');
    const token = await createToken(one, agent.headers);
    expect(await statusWith(two, token.headers)).toBe(200);
    const revoked = await one.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.id}`,
      headers: agent.headers,
    });
    expect(revoked.statusCode).toBe(204);
    // The other instance learns through credentials.changed (NOTIFY), well before its 5 s cache would lapse.
    const started = performance.now();
    let status = await statusWith(two, token.headers);
    while (status === 200 && performance.now() - started < 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = await statusWith(two, token.headers);
    }
    expect(status).toBe(401);
  });
});

/** Runs `ieum …` as a user would; returns stdout, failing the test with stderr on a non-zero exit. */
function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], { env, input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ieum ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

// The CLI on PostgreSQL when the suite has one (fast), else on an embedded data directory.
describe('npx ieum token create / list / revoke', () => {
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-cli-tokens-'));
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL')),
    IEUM_DATA_DIR: dataDir,
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  };
  beforeAll(async () => {
    if (!adminUrl) return;
    const adminClient = new pg.Client({ connectionString: adminUrl });
    await adminClient.connect();
    await adminClient.query(`create database ${name}`);
    await adminClient.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (!adminUrl) return;
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });

  it('creates an expiring token, lists it with its state, revokes it by id', () => {
    const email = 'cli-tokens@ieum.test';
    cli(
      env,
      ['user', 'create', '--email', email, '--name', '김연동', '--role', 'agent', '--password-stdin'],
      'a long passphrase for the cli\n',
    );
    const created = cli(env, [
      'token',
      'create',
      '--email',
      email,
      '--name',
      'CTI',
      '--expires-in-days',
      '7',
    ]);
    expect(created).toMatch(/valid until \d{4}-\d{2}-\d{2}T/);
    expect(created.trim().split('\n').at(-1)).toMatch(/^ieum_\S+$/);
    const listed = cli(env, ['token', 'list', '--email', email]).trim().split('\n');
    expect(listed).toHaveLength(1);
    const [id, status] = (listed[0] ?? '').split(/\s+/);
    expect(status).toBe('active');
    expect(listed[0]).toContain('name="CTI"');
    expect(listed[0]).toContain('last-used=never');
    expect(listed[0]).toMatch(/expires=\d{4}-/);

    expect(cli(env, ['token', 'revoke', '--id', id ?? ''])).toContain(`revoked API token ${id}`);
    expect(cli(env, ['token', 'list', '--email', email])).toMatch(new RegExp(`^${id}\\s+revoked`));
    const wrong = spawnSync(process.execPath, ['src/cli/main.ts', 'token', 'revoke', '--id', 'nope'], {
      env,
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--id');
  }, 120_000);
});
