import http from 'node:http';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { createEventStreams, type EventStreamOptions } from '../../src/server/events/createEventStreams.ts';
import {
  EVENTS_CHANNEL,
  type NewLiveEvent,
  publishEvent,
  storeEvents,
} from '../../src/server/events/publishEvent.ts';
import type { PublicUser } from '../../src/server/services/auth/publicUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

/** A loopback server whose every request is one event stream of `user`, served by createEventStreams. */
async function serveStreams(t: TestApp, user: PublicUser, options: EventStreamOptions = {}) {
  const streams = createEventStreams(t.ctx, options);
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    const lastId = request.headers['last-event-id'];
    void streams.open(user, response, typeof lastId === 'string' ? Number(lastId) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    streams,
    port,
    close: async () => {
      streams.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Reads a stream's raw text as it comes (to check frames byte for byte). */
async function readRaw(port: number, headers: Record<string, string> = {}) {
  let text = '';
  const request = http.get({ host: '127.0.0.1', port, path: '/', headers });
  const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
  });
  await expect.poll(() => text, { timeout: 5_000 }).toContain(': connected');
  return { text: () => text, close: () => request.destroy() };
}

/**
 * Stores one event in its own transaction and returns its id. Unlike publishEvent it leaves the
 * event out of the instance's memory, so the hub reads it back from the table (another instance's
 * event, as far as this one can tell).
 */
async function storeOne(t: TestApp, event: NewLiveEvent): Promise<number> {
  const [stored] = await t.ctx.database.db.transaction((tx) => storeEvents(tx, [event]));
  return stored?.id ?? 0;
}

describe.each(testBackends())('live event fan-out on $name', (backend) => {
  let t: TestApp;
  let agent: PublicUser;
  let teamMember: PublicUser;
  beforeAll(async () => {
    t = await buildTestApp(backend);
    const a = await t.userWithToken('agent');
    const b = await t.userWithToken('backoffice');
    agent = { id: a.id, email: a.email, name: 'agent', role: 'agent' };
    teamMember = { id: b.id, email: b.email, name: 'team', role: 'backoffice' };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('notifies with the event id only, whatever the event holds', async () => {
    const payloads: string[] = [];
    const unlisten = await t.ctx.database.listen(EVENTS_CHANNEL, (payload) => payloads.push(payload));
    try {
      const id = await storeOne(t, {
        type: 'closure.changed',
        data: { date: '2026-12-31', note: 'x'.repeat(10_000) },
      });
      await expect.poll(() => payloads, { timeout: 5_000 }).toContain(String(id));
      expect(payloads.every((payload) => /^\d+$/.test(payload))).toBe(true);
    } finally {
      await unlisten();
    }
  });

  it('sends each stream the frames its user may see, byte for byte as before, with events read back whole', async () => {
    const served = await serveStreams(t, teamMember);
    const servedAgent = await serveStreams(t, agent);
    try {
      const team = await readRaw(served.port);
      const own = await readRaw(servedAgent.port);
      const db = t.ctx.database.db;
      const mine = await storeOne(t, {
        type: 'transfer.filed',
        data: { filedById: agent.id, transferId: 't-1' },
      });
      const others = await storeOne(t, {
        type: 'transfer.filed',
        data: { filedById: teamMember.id, transferId: 't-2' },
      });
      // Larger than a notification could carry: it arrives whole, read from the table.
      const big = await storeOne(t, {
        type: 'closure.changed',
        data: { date: '2026-12-30', note: '가'.repeat(5_000) },
      });
      const [mineAt, othersAt, bigAt] = await Promise.all(
        [mine, others, big].map(async (id) => {
          const [row] = await queryRows(
            db,
            sql`select to_json(at)#>>'{}' as at from events where id = ${id}`,
            z.object({ at: z.string() }),
          );
          return new Date(row?.at ?? '').toISOString();
        }),
      );
      // (Data keys in jsonb's order, as the stored row gives them: shorter keys first.)
      const frame = (id: number, type: string, data: Record<string, unknown>, at: string) =>
        `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ ...data, at })}\n\n`;
      const bigFrame = frame(
        big,
        'closure.changed',
        { date: '2026-12-30', note: '가'.repeat(5_000) },
        bigAt ?? '',
      );
      await expect.poll(() => team.text(), { timeout: 5_000 }).toContain(bigFrame);
      await expect.poll(() => own.text(), { timeout: 5_000 }).toContain(bigFrame);
      expect(team.text()).toContain(
        frame(mine, 'transfer.filed', { filedById: agent.id, transferId: 't-1' }, mineAt ?? ''),
      );
      expect(team.text()).toContain(
        frame(others, 'transfer.filed', { filedById: teamMember.id, transferId: 't-2' }, othersAt ?? ''),
      );
      // The agent follows their own filing only.
      expect(own.text()).toContain(
        frame(mine, 'transfer.filed', { filedById: agent.id, transferId: 't-1' }, mineAt ?? ''),
      );
      expect(own.text()).not.toContain('t-2');
      team.close();
      own.close();
    } finally {
      await served.close();
      await servedAgent.close();
    }
  });

  it("stores a transaction's events together as it commits and delivers them from memory, frame for frame as read back", async () => {
    const served = await serveStreams(t, teamMember);
    try {
      const team = await readRaw(served.port);
      const db = t.ctx.database.db;
      const countStored = async (handle: typeof db) =>
        (
          await queryRows(
            handle,
            sql`select count(*)::int as n from events where data->>'transferId' in ('t-3', 't-4')`,
            z.object({ n: z.number() }),
          )
        )[0]?.n;
      // Rolled back: nothing stored, nothing remembered, nothing sent.
      const before = t.ctx.database.localEvents.size;
      await db
        .transaction(async (tx) => {
          await publishEvent(tx, {
            type: 'transfer.filed',
            data: { transferId: 't-4', filedById: agent.id },
          });
          throw new Error('rolled back');
        })
        .catch(() => {});
      expect(t.ctx.database.localEvents.size).toBe(before);
      let storedInside: number | undefined;
      await db.transaction(async (tx) => {
        // Keys in another order than jsonb keeps them; an undefined value, which JSON drops.
        await publishEvent(tx, {
          type: 'transfer.filed',
          data: { transferId: 't-3', filedById: agent.id, note: undefined },
        });
        await publishEvent(tx, { type: 'closure.changed', data: { note: '나', date: '2026-12-28' } });
        storedInside = await countStored(tx);
      });
      // Kept until the callback returned, then stored by one statement: consecutive ids.
      expect(storedInside).toBe(0);
      const rows = await queryRows(
        db,
        sql`select id, type, data::text as data, to_json(at)#>>'{}' as at from events
            where data->>'transferId' = 't-3' or data->>'note' = '나' order by id`,
        z.object({ id: z.coerce.number(), type: z.string(), data: z.string(), at: z.string() }),
      );
      expect(rows.map((row) => row.type)).toEqual(['transfer.filed', 'closure.changed']);
      expect((rows[1]?.id ?? 0) - (rows[0]?.id ?? 0)).toBe(1);
      // What another instance would read back, byte for byte (jsonb's key order), in order.
      const frames = rows
        .map((row) => {
          const data: Record<string, unknown> = z.record(z.string(), z.unknown()).parse(JSON.parse(row.data));
          const at = new Date(row.at).toISOString();
          return `id: ${row.id}\nevent: ${row.type}\ndata: ${JSON.stringify({ ...data, at })}\n\n`;
        })
        .join('');
      await expect.poll(() => team.text(), { timeout: 5_000 }).toContain(frames);
      expect(await countStored(db)).toBe(1);
      // Taken from memory once delivered.
      for (const row of rows) expect(t.ctx.database.localEvents.has(row.id)).toBe(false);
      team.close();
    } finally {
      await served.close();
    }
  });

  it('catches a reconnecting stream up from Last-Event-ID without sending an event twice', async () => {
    const served = await serveStreams(t, teamMember);
    try {
      const seen = await storeOne(t, { type: 'closure.changed', data: { n: 1 } });
      const missed = await storeOne(t, { type: 'closure.changed', data: { n: 2 } });
      const stream = await readRaw(served.port, { 'last-event-id': String(seen) });
      await expect.poll(() => stream.text(), { timeout: 5_000 }).toContain(`id: ${missed}\n`);
      const live = await storeOne(t, { type: 'closure.changed', data: { n: 3 } });
      await expect.poll(() => stream.text(), { timeout: 5_000 }).toContain(`id: ${live}\n`);
      const ids = [...stream.text().matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
      expect(ids.filter((id) => id === missed)).toHaveLength(1);
      expect(ids.filter((id) => id === live)).toHaveLength(1);
      expect(ids).not.toContain(seen);
      stream.close();
    } finally {
      await served.close();
    }
  });

  it('keeps idle streams open with heartbeats from one timer', async () => {
    const served = await serveStreams(t, teamMember, { heartbeatMs: 50 });
    try {
      const first = await readRaw(served.port);
      const second = await readRaw(served.port);
      await expect.poll(() => first.text(), { timeout: 5_000 }).toContain(': keep-alive\n\n');
      await expect.poll(() => second.text(), { timeout: 5_000 }).toContain(': keep-alive\n\n');
      first.close();
      second.close();
    } finally {
      await served.close();
    }
  });

  it('ends the stream of a client that stops reading, instead of buffering for it without bound', async () => {
    const served = await serveStreams(t, teamMember, { maxBufferedBytes: 64 * 1024 });
    try {
      const reader = await readRaw(served.port);
      // A client that sends its request and then never reads a byte.
      const stalled = net.connect(served.port, '127.0.0.1');
      let stalledClosed = false;
      stalled.on('close', () => {
        stalledClosed = true;
      });
      stalled.on('error', () => {});
      await new Promise<void>((resolve) => stalled.on('connect', () => resolve()));
      stalled.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      stalled.pause();
      await expect.poll(() => served.streams.size(), { timeout: 5_000 }).toBe(2);
      // 64 KiB events, until the stalled stream is cut off (bounded: 40 MiB, far beyond socket buffers).
      const note = 'x'.repeat(64 * 1024);
      let published = 0;
      while (served.streams.size() === 2 && published < 640) {
        await storeOne(t, { type: 'closure.changed', data: { note } });
        published += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await expect.poll(() => served.streams.size(), { timeout: 5_000 }).toBe(1);
      stalled.resume(); // drains what was buffered, then sees the end
      await expect.poll(() => stalledClosed, { timeout: 10_000 }).toBe(true);
      // The client that reads is still served.
      const last = await storeOne(t, { type: 'closure.changed', data: { n: 'after' } });
      await expect.poll(() => reader.text().includes(`id: ${last}\n`), { timeout: 10_000 }).toBe(true);
      expect(t.log.some((line) => line.includes('the client is not reading'))).toBe(true);
      reader.close();
    } finally {
      await served.close();
    }
  });

  it.skipIf(backend.name !== 'postgres' /* PGlite runs in process: no LISTEN connection to count */)(
    'holds one LISTEN connection per instance for every channel',
    async () => {
      const [{ name } = { name: '' }] = await queryRows(
        t.ctx.database.db,
        sql`select current_database() as name`,
        z.object({ name: z.string() }),
      );
      const listening = await queryRows(
        t.ctx.database.db,
        sql`select count(*)::int as count from pg_stat_activity
          where datname = ${name} and (query ilike 'listen %' or query ilike 'unlisten %')`,
        z.object({ count: z.number() }),
      );
      // The job runner's wake-ups and the live events share it.
      expect(listening[0]?.count).toBe(1);
      expect(t.ctx.database.listening()).toBe(true);
    },
  );
});
