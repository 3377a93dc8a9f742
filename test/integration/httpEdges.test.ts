import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/startTcpProxy.ts';
import { type TestBackend, testBackends } from '../helpers/testDatabases.ts';

/** What came back on a raw socket: the status line's code, headers, body, and how long until it closed. */
type RawAnswer = { status: number; headers: Record<string, string>; body: string; closedAfterMs: number };

/** Sends bytes as they are (no client fixes them up) and reads until the server closes the socket. */
function rawRequest(port: number, bytes: string, giveUpMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`socket still open after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body,
        closedAfterMs: performance.now() - started,
      });
    });
    socket.write(bytes);
  });
}

/** A problem+json answer with a stable code and where/what for each error. */
function expectProblem(contentType: unknown, body: string, status: number, code: string): void {
  expect(String(contentType)).toContain('application/problem+json');
  const problem = JSON.parse(body);
  expect(problem).toMatchObject({ status, code });
  expect(problem.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ where: expect.any(String), message: expect.any(String) }),
    ]),
  );
}

describe.each(testBackends())('HTTP edges on $name', (backend) => {
  let t: TestApp;
  let port: number;
  let admin: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { SESSION_IDLE_MINUTES: '1', IEUM_REQUEST_TIMEOUT_SECONDS: '1' });
    admin = await t.userWithToken('admin');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers bad percent-encoding in the path with problem+json (was FST_ERR_BAD_URL as plain JSON)', async () => {
    const response = await t.app.inject({ url: '/api/v1/leads/%FF%FE', headers: admin.headers });
    expect(response.statusCode).toBe(400);
    expectProblem(response.headers['content-type'], response.body, 400, 'bad-request');
    expect(response.json().errors[0].where).toBe('path');
  });

  it('answers an over-long path value with 414 problem+json', async () => {
    const response = await t.app.inject({ url: `/api/v1/leads/${'a'.repeat(500)}`, headers: admin.headers });
    expect(response.statusCode).toBe(414);
    expectProblem(response.headers['content-type'], response.body, 414, 'uri-too-long');
  });

  it('answers a path asked with a method it does not take with 405 and Allow, in the caller’s language', async () => {
    // POST-only, and GET /leads/:id would take "duplicates" for a lead id (it answered 400 about the id).
    const duplicates = await t.app.inject({
      url: '/api/v1/leads/duplicates',
      headers: { ...admin.headers, 'accept-language': 'en' },
    });
    expect(duplicates.statusCode, duplicates.body).toBe(405);
    expectProblem(duplicates.headers['content-type'], duplicates.body, 405, 'method-not-allowed');
    expect(duplicates.headers.allow).toBe('POST');
    expect(duplicates.json()).toMatchObject({
      messageKey: 'http.methodNotAllowed',
      detail: '/api/v1/leads/duplicates does not take GET requests. It takes: POST.',
      errors: [{ where: 'method' }],
    });

    // No route of this method at all: the methods the path has, not "there is no such route".
    const deleteList = await t.app.inject({ method: 'DELETE', url: '/api/v1/leads', headers: admin.headers });
    expect(deleteList.statusCode, deleteList.body).toBe(405);
    expect(deleteList.headers.allow).toBe('GET, HEAD, POST');
    expect(deleteList.json().detail).toBe(
      '/api/v1/leads 경로는 DELETE 요청을 받지 않습니다. 받는 요청: GET, HEAD, POST',
    );
    // A parametric path too.
    const putCallback = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/leads/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/callback-outcome`,
      headers: admin.headers,
    });
    expect(putCallback.statusCode, putCallback.body).toBe(405);
    expect(putCallback.headers.allow).toBe('POST');

    // Before authentication: a PBX or Kakao admin opening a token URL in a browser learns the
    // method, not that they should log in; the token stays out of the answer.
    for (const url of [
      '/api/v1/cti/pbx-token-1234567890',
      '/api/v1/channels/kakao/skill-token-1234567890/skill',
    ]) {
      const opened = await t.app.inject({ url });
      expect(opened.statusCode, opened.body).toBe(405);
      expect(opened.headers.allow).toBe('POST');
      expect(opened.body).not.toContain('1234567890');
    }

    // A lead id still reaches the lead, and a path nobody serves is still 404.
    const lead = await t.app.inject({
      url: `/api/v1/leads/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      headers: admin.headers,
    });
    expect(lead.statusCode, lead.body).toBe(404);
    const nowhere = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/no-such-thing',
      headers: admin.headers,
    });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json().messageKey).toBe('http.routeNotFound');
  });

  it('answers a request the HTTP parser refuses with problem+json and closes the socket', async () => {
    const answer = await rawRequest(
      port,
      'GET /api/v1/business-hours HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expectProblem(answer.headers['content-type'], answer.body, 400, 'bad-request');
  });

  it('answers headers beyond the size limit with 431 problem+json', async () => {
    const answer = await rawRequest(
      port,
      `GET /api/v1/business-hours?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expectProblem(answer.headers['content-type'], answer.body, 431, 'headers-too-large');
  });

  it('closes a request whose body never arrives (a lying Content-Length) with 408 within the timeout', async () => {
    const answer = await rawRequest(
      port,
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
    );
    expect(answer.status).toBe(408);
    expectProblem(answer.headers['content-type'], answer.body, 408, 'request-timeout');
    // IEUM_REQUEST_TIMEOUT_SECONDS=1 here; the server checks every 250 ms.
    expect(answer.closedAfterMs).toBeLessThan(5_000);
  });

  it('ends HEAD /api/v1/events at once with the stream headers and no body', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
      method: 'HEAD',
      headers: admin.headers,
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await response.text()).toBe('');
  });

  it('refuses a Last-Event-ID that no event can have with 400, before opening a stream', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
      headers: { ...admin.headers, 'last-event-id': '99999999999999999999999' },
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(400);
    expectProblem(response.headers.get('content-type'), await response.text(), 400, 'validation-failed');
  });

  it('redirects the docs index with a query string to the docs, not to itself', async () => {
    for (const url of ['/api/docs/static/index.html?a=1', '/api/docs/static/index.html']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/api/docs/');
    }
  });

  it('accepts the Bearer scheme in any letter case (RFC 7235)', async () => {
    const token = admin.headers.authorization.slice('Bearer '.length);
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const response = await t.app.inject({
        url: '/api/v1/users',
        headers: { authorization: `${scheme} ${token}` },
      });
      expect(response.statusCode, scheme).toBe(200);
    }
    const wrong = await t.app.inject({ url: '/api/v1/users', headers: { authorization: `Basic ${token}` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('keeps a session alive while its user acts every 40 s under SESSION_IDLE_MINUTES=1, and ends it when idle', async () => {
    const user = await t.userWithToken('agent');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const cookies = { ieum_session: login.cookies.find((c) => c.name === 'ieum_session')?.value ?? '' };
    for (let step = 0; step < 6; step++) {
      t.advance(40_000);
      const response = await t.app.inject({ url: '/api/v1/auth/session', cookies });
      expect(response.statusCode, `after ${(step + 1) * 40} s`).toBe(200);
    }
    t.advance(61_000);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(401);
  });
});

/** The suite's backends, with PostgreSQL reached through a proxy the test can cut. */
function outageBackends(): Array<TestBackend & { cut: () => Promise<void> }> {
  return testBackends().map((backend) => {
    let cut: () => Promise<void> = async () => {};
    const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
    if (backend.name === 'pglite' || !adminUrl) {
      return {
        ...backend,
        open: async () => {
          const database = await backend.open();
          let closed = false;
          cut = async () => {
            closed = true;
            await database.close();
          };
          return { ...database, close: async () => (closed ? undefined : database.close()) };
        },
        cut: () => cut(),
      };
    }
    let proxy: TcpProxy | null = null;
    return {
      name: backend.name,
      open: async () => {
        const name = `ieum_test_${randomBytes(6).toString('hex')}`;
        const adminClient = new pg.Client({ connectionString: adminUrl });
        await adminClient.connect();
        await adminClient.query(`create database ${name}`);
        await adminClient.end();
        const url = new URL(adminUrl);
        proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
        url.hostname = '127.0.0.1';
        url.port = String(proxy.port);
        url.pathname = `/${name}`;
        const database = await openDatabase({ kind: 'postgres', url: url.toString() });
        return {
          ...database,
          close: async () => {
            await proxy?.restore().catch(() => {});
            await database.close().catch(() => {});
            await proxy?.stop();
            const cleanup = new pg.Client({ connectionString: adminUrl });
            await cleanup.connect();
            await cleanup.query(`drop database if exists ${name} with (force)`);
            await cleanup.end();
          },
        };
      },
      cut: async () => proxy?.cut(),
    };
  });
}

describe.each(outageBackends())('a database outage on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 problem+json, not 500', async () => {
    const admin = await t.userWithToken('admin');
    expect((await t.app.inject({ url: '/api/v1/users', headers: admin.headers })).statusCode).toBe(200);
    await backend.cut();
    for (const url of ['/api/v1/users', '/api/v1/transfers', '/api/v1/consultations']) {
      const response = await t.app.inject({ url, headers: admin.headers });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(503);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(response.json().code).toBe('unavailable');
    }
  });
});
