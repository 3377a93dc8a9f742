import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAsteriskBridge } from '../../src/cli/startAsteriskBridge.ts';
import { callPopSchema } from '../../src/contract/cti/callPopSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { companyRepository } from '../../src/server/repositories/companyRepository.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { readAmiSession, startFakeAmiServer } from '../helpers/startFakeAmiServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const session = readAmiSession(path.resolve(import.meta.dirname, '../fixtures/ami/queue-session.ami'));
const credentials = { username: 'ieum', secret: 'ami-secret-for-tests' };

const callRow = z.object({
  external_id: z.string(),
  id: z.string(),
  state: z.string(),
  agent_id: z.string().nullable(),
  consultation_id: z.string().nullable(),
  callback_status: z.string().nullable(),
  callback_due_at: z.coerce.date().nullable(),
  cause: z.string().nullable(),
});

describe.each(testBackends())('Asterisk bridge (recorded AMI session over loopback) on $name', (backend) => {
  let t: TestApp;
  let base: string;
  let token: string;
  let agentA: { id: string; headers: { authorization: string } };
  let agentB: { id: string; headers: { authorization: string } };
  let streams: EventStream[] = [];

  const allCalls = () =>
    queryRows(
      t.ctx.database.db,
      sql`select external_id, id, state, agent_id, consultation_id, callback_status, callback_due_at, cause
            from calls order by external_id`,
      callRow,
    );

  const replay = async () => {
    const ami = await startFakeAmiServer(session, credentials);
    const lines: string[] = [];
    const bridge = startAsteriskBridge({
      ami: { host: '127.0.0.1', port: ami.port, ...credentials },
      ctiUrl: `${base}/api/v1/cti/${token}`,
      log: (line) => lines.push(line),
    });
    await bridge.ready;
    // Every recorded event has arrived once the final Hangup has been delivered.
    const deadline = Date.now() + 10_000;
    while (!lines.some((line) => line.startsWith('hangup 1764727200.131'))) {
      if (Date.now() > deadline) throw new Error(`bridge stalled:\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await bridge.idle();
    await bridge.stop();
    await ami.close();
    return { lines, logins: ami.logins() };
  };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await t.userWithToken('admin');
    agentA = await t.userWithToken('agent');
    agentB = await t.userWithToken('agent');
    for (const [agent, extension] of [
      [agentA, '1001'],
      [agentB, '1002'],
    ] as const) {
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${agent.id}`,
        headers: admin.headers,
        payload: { extension },
      });
      expect(patched.statusCode).toBe(200);
    }
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: admin.headers,
      payload: { name: 'Asterisk' },
    });
    token = created.json().token;
    const nuri = await companyRepository.insert(
      t.ctx.database.db,
      { bizNo: '1208147521', name: '(주)누리테크', status: 'active' },
      t.ctx.now(),
    );
    await companyRepository.insertContacts(
      t.ctx.database.db,
      t.ctx.fieldCodec,
      [{ companyId: nuri.id, name: '김민수', role: 'manager', phones: ['010-2345-6789'], emails: [] }],
      t.ctx.now(),
    );
    streams = [
      await openEventStream(base, agentA.headers.authorization),
      await openEventStream(base, agentB.headers.authorization),
    ];
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t?.close();
  });

  it('replays the session into the same calls, pop and callback as the HTTP endpoint; a second replay changes nothing', async () => {
    // Wednesday 10:00 KST: open, so the missed call's callback is due at once.
    t.setNow('2026-11-25T10:00:00+09:00');
    const first = await replay();
    expect(first.logins).toBe(1);
    expect(first.lines.join('\n')).not.toMatch(/010-?\d{4}-?\d{4}/);
    const rows = await allCalls();
    expect(rows).toEqual([
      expect.objectContaining({
        external_id: '1764727200.131',
        state: 'ended',
        agent_id: agentB.id,
        cause: 'normalClearing',
        callback_status: null,
      }),
      expect.objectContaining({
        external_id: '1764727215.134',
        state: 'missed',
        agent_id: null,
        cause: 'cancel',
        callback_status: 'open',
        callback_due_at: new Date('2026-11-25T10:00:00+09:00'),
      }),
    ]);
    const answered = rows[0];
    const [streamA, streamB] = streams;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const popsB = streamB?.events.filter((event) => event.type === 'call.answered') ?? [];
    expect(popsB.map((event) => event.data)).toEqual([
      expect.objectContaining({
        callId: answered?.id,
        consultationId: answered?.consultation_id,
        agentId: agentB.id,
      }),
    ]);
    expect(streamA?.events.some((event) => event.type === 'call.answered')).toBe(false);
    const pop = callPopSchema.parse(
      (await t.app.inject({ url: `/api/v1/cti/calls/${answered?.id}`, headers: agentB.headers })).json(),
    );
    expect(pop.caller.label).toBe('등록된 관리책임자 · 김*수 · (주)누리테크');

    // The bridge restarted and Asterisk sent the same events again: nothing new.
    await replay();
    expect(await allCalls()).toEqual(rows);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamB?.events.filter((event) => event.type === 'call.answered')).toHaveLength(1);
  });

  it('stops with a clear error when the AMI refuses the login', async () => {
    const ami = await startFakeAmiServer(session, credentials);
    const bridge = startAsteriskBridge({
      ami: { host: '127.0.0.1', port: ami.port, username: 'ieum', secret: 'wrong' },
      ctiUrl: `${base}/api/v1/cti/${token}`,
      log: () => {},
    });
    await expect(bridge.ready).rejects.toThrow(/login refused/);
    await bridge.stop();
    await ami.close();
  });
});
