import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withInstanceParsers } from './withInstanceParsers.ts';
import { withPreparedStatements } from './withPreparedStatements.ts';

const SETUP = `create table items (
  id serial primary key, name text not null unique, tags text[], body jsonb, data bytea,
  at timestamptz, amount numeric, done boolean)`;

async function preparedCount(client: PGlite): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "select count(*)::int as n from pg_prepared_statements where name like 'ieum_%'",
  );
  return rows[0]?.n ?? -1;
}

describe('withPreparedStatements', () => {
  let plain: PGlite;
  let client: PGlite;
  let prepared: PGlite;
  beforeAll(async () => {
    plain = await PGlite.create();
    client = await PGlite.create();
    prepared = withPreparedStatements(client);
    for (const db of [plain, client]) await db.exec(SETUP);
  });
  afterAll(async () => {
    await plain.close();
    await client.close();
  });

  it('answers every statement exactly as PGlite does, in both row modes, and prepares it once', async () => {
    const insert =
      'insert into items (name, tags, body, data, at, amount, done) values ($1, $2, $3, $4, $5, $6, $7) returning *';
    const values = [
      [
        '첫째',
        ['a', 'b "q"'],
        { k: [1, 2], 한: '글' },
        new Uint8Array([0, 255, 7]),
        new Date(0),
        '1.50',
        true,
      ],
      ['둘째', null, null, null, null, null, null],
    ];
    for (const row of values) {
      expect(await prepared.query(insert, row)).toEqual(await plain.query(insert, row));
    }
    const select =
      'select name, tags, body, data, at, amount, done from items where name = any($1) order by id';
    for (const rowMode of ['object', 'array'] as const) {
      expect(await prepared.query(select, [['첫째', '둘째']], { rowMode })).toEqual(
        await plain.query(select, [['첫째', '둘째']], { rowMode }),
      );
    }
    const update = 'update items set done = $1 where name = $2';
    expect(await prepared.query(update, [false, '없음'])).toEqual(await plain.query(update, [false, '없음']));
    // Three statements, each prepared once however often it ran.
    expect(await preparedCount(client)).toBe(3);
  });

  it('keeps transactions whole: a failed statement rolls back everything before it', async () => {
    const insert = 'insert into items (name) values ($1)';
    await expect(
      prepared.transaction(async (tx) => {
        await tx.query(insert, ['셋째']);
        await tx.query(insert, ['첫째']);
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'items_name_key' });
    const { rows } = await prepared.query<{ n: number }>(
      'select count(*)::int as n from items where name = $1',
      ['셋째'],
    );
    expect(rows).toEqual([{ n: 0 }]);
    await prepared.transaction(async (tx) => {
      await tx.query(insert, ['셋째']);
    });
    const after = await prepared.query<{ n: number }>(
      'select count(*)::int as n from items where name = $1',
      ['셋째'],
    );
    expect(after.rows).toEqual([{ n: 1 }]);
  });

  it('runs transactions as PGlite does: unparameterised statements, rollback(), a failed COMMIT', async () => {
    const count = async (name: string) =>
      (await prepared.query<{ n: number }>('select count(*)::int as n from items where name = $1', [name]))
        .rows[0]?.n;
    // Unparameterised statements in a transaction answer as PGlite's own do; exec runs several.
    const inside = await prepared.transaction(async (tx) => {
      const one = await tx.query<{ n: number }>('select 1 as n');
      const both = await tx.exec(
        "insert into items (name) values ('넷째'); select name from items where name = '넷째'",
      );
      const templated = await tx.sql<{ name: string }>`select name from items where name = ${'넷째'}`;
      return { one: one.rows, both: both.map((result) => result.rows), templated: templated.rows };
    });
    expect(inside).toEqual({
      one: [{ n: 1 }],
      both: [[], [{ name: '넷째' }]],
      templated: [{ name: '넷째' }],
    });
    expect(await count('넷째')).toBe(1);

    // rollback() ends it there, and nothing after it may run in it.
    await prepared.transaction(async (tx) => {
      await tx.query('insert into items (name) values ($1)', ['다섯째']);
      await tx.rollback();
      expect(tx.closed).toBe(true);
      await expect(tx.query('select 1')).rejects.toThrow('Transaction is closed');
    });
    expect(await count('다섯째')).toBe(0);

    // An error the work catches still leaves the transaction failed: the COMMIT throws, nothing stays.
    await expect(
      prepared.transaction(async (tx) => {
        await tx.query('insert into items (name) values ($1)', ['여섯째']);
        await tx.query('insert into items (name) values ($1)', ['첫째']).catch(() => undefined);
      }),
    ).rejects.toThrow();
    expect(await count('여섯째')).toBe(0);

    // Drizzle's nested transactions are savepoints: the inner one's failure undoes only its own rows.
    const db = drizzle(withInstanceParsers(prepared));
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into items (name) values (${'일곱째'})`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`insert into items (name) values (${'여덟째'})`);
          await inner.execute(sql`insert into items (name) values (${'첫째'})`);
        }),
      ).rejects.toThrow();
    });
    expect([await count('일곱째'), await count('여덟째')]).toEqual([1, 0]);
    // And the client is free again: a statement outside any transaction runs.
    expect((await prepared.query<{ n: number }>('select 2 as n')).rows).toEqual([{ n: 2 }]);
  });

  it('prepares a statement again when a schema change alters its result', async () => {
    const select = 'select * from items where id = $1';
    const before = await prepared.query<Record<string, unknown>>(select, [1]);
    expect(before.rows[0]).not.toHaveProperty('note');
    await prepared.exec('alter table items add column note text');
    const after = await prepared.query<Record<string, unknown>>(select, [1]);
    expect(after.rows[0]).toHaveProperty('note', null);
  });

  it('keeps at most a bounded number of statements prepared, closing the oldest', async () => {
    for (let i = 0; i < 450; i++) await prepared.query(`select $1::int + ${i} as n`, [i]);
    const count = await preparedCount(client);
    expect(count).toBeLessThanOrEqual(400);
    expect(count).toBeGreaterThan(300);
    const { rows } = await prepared.query<{ n: number }>('select $1::int + 0 as n', [5]);
    expect(rows).toEqual([{ n: 5 }]);
  });

  it('shares the prepared statements of one PGlite between the handles opened on it', async () => {
    const other = withPreparedStatements(client);
    const select = 'select name from items where name = $1';
    const first = await prepared.query(select, ['첫째']);
    expect(await other.query(select, ['첫째'])).toEqual(first);
    expect(await other.transaction((tx) => tx.query(select, ['첫째']))).toEqual(first);
  });

  it('gives Drizzle the same rows through the parsers it asks for', async () => {
    const query = sql`select name, at, tags from items where name = ${'첫째'}`;
    const wrapped = await drizzle(withInstanceParsers(prepared)).execute(query);
    const untouched = await drizzle(plain).execute(query);
    expect(wrapped.rows).toEqual(untouched.rows);
  });
});
