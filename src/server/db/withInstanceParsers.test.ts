import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withInstanceParsers } from './withInstanceParsers.ts';

const TEXT_VALUES = `select timestamptz '2026-12-03 10:00:00+09' as at, date '2026-12-03' as day,
  interval '90 minutes' as span, array[date '2026-12-03'] as days`;

describe('withInstanceParsers', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create();
  });
  afterAll(async () => {
    await client.close();
  });

  it('parses dates, times and intervals as text, as Drizzle asks, without its per-query parsers', async () => {
    const wrapped = withInstanceParsers(client);
    const refuse = () => {
      throw new Error('a per-query parser ran');
    };
    const options = { parsers: { 1184: refuse, 1082: refuse } };
    const direct = await wrapped.query<Record<string, unknown>>(TEXT_VALUES, [], options);
    const inTransaction = await wrapped.transaction((tx) =>
      tx.query<Record<string, unknown>>(TEXT_VALUES, [], options),
    );
    for (const result of [direct, inTransaction]) {
      expect(result.rows[0]).toEqual({
        at: '2026-12-03 01:00:00+00',
        day: '2026-12-03',
        span: '01:30:00',
        days: '{2026-12-03}',
      });
    }
  });

  it('gives Drizzle the same values it gets from a client left as PGlite made it', async () => {
    const query = sql.raw(TEXT_VALUES);
    const untouched = await PGlite.create();
    try {
      const plain = await drizzle(untouched).execute(query);
      const wrapped = await drizzle(withInstanceParsers(client)).execute(query);
      expect(wrapped.rows).toEqual(plain.rows);
    } finally {
      await untouched.close();
    }
  });
});
