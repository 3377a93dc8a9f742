import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScratchPostgres, scratchPostgres } from '../../../test/helpers/scratchPostgres.ts';
import { StatementNamingClient } from './statementNamingClient.ts';

const adminUrl = process.env.IEUM_TEST_DATABASE_URL;

describe.skipIf(!adminUrl /* needs IEUM_TEST_DATABASE_URL */)('StatementNamingClient', () => {
  let database: ScratchPostgres;
  let named: pg.Client;
  let plain: pg.Client;
  beforeAll(async () => {
    if (!adminUrl) return;
    database = await scratchPostgres(adminUrl);
    named = new StatementNamingClient({ connectionString: database.url });
    plain = new pg.Client({ connectionString: database.url });
    await named.connect();
    await plain.connect();
    await plain.query(
      'create table items (id serial primary key, name text not null unique, at timestamptz)',
    );
  });
  afterAll(async () => {
    await named?.end();
    await plain?.end();
    await database?.drop();
  });

  const preparedNames = async () =>
    (
      await named.query<{ name: string }>(
        "select name from pg_prepared_statements where name like 'ieum_%' order by name",
      )
    ).rows.map((row) => row.name);

  it('prepares each parameterised statement once and answers as an unnamed one does', async () => {
    const insert = {
      text: 'insert into items (name, at) values ($1, $2) returning name, at',
      values: ['가', null],
    };
    const first = await named.query(insert);
    const again = await named.query({ ...insert, values: ['나', new Date(0)] });
    expect(first.rows).toEqual([{ name: '가', at: null }]);
    expect(again.rows).toEqual([{ name: '나', at: new Date(0) }]);
    const select = {
      text: 'select name from items where name = any($1) order by id',
      values: [['가', '나']],
    };
    expect((await named.query({ ...select, rowMode: 'array' })).rows).toEqual(
      (await plain.query({ ...select, rowMode: 'array' })).rows,
    );
    // The two statements above, each prepared once; the statement without values is not.
    expect(await preparedNames()).toHaveLength(2);
  });

  it('passes errors through with their codes and leaves other query forms alone', async () => {
    await expect(
      named.query({ text: 'insert into items (name) values ($1)', values: ['가'] }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'items_name_key' });
    const positional = await named.query('select $1::int + 1 as n', [1]);
    expect(positional.rows).toEqual([{ n: 2 }]);
  });

  it('names the statements of a Pool and of Drizzle, which pass values beside the config', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1, Client: StatementNamingClient });
    try {
      const db = drizzle(pool);
      const chosen = 'select name from items where name = $1 and id > $2';
      // Drizzle: query(config, values); pg's Pool: query(text | config, values, callback).
      expect(await db.execute(sql`select name from items where name = ${'가'} and id >= ${0}`)).toMatchObject(
        {
          rows: [{ name: '가' }],
        },
      );
      expect((await pool.query(chosen, ['가', 0])).rows).toEqual([{ name: '가' }]);
      expect((await pool.query({ text: chosen, values: ['나', 0] })).rows).toEqual([{ name: '나' }]);
      const inConfig = 'select name from items where name = $1 and id <> $2';
      expect((await pool.query({ text: inConfig, values: ['나', 0] })).rows).toEqual([{ name: '나' }]);
      const prepared = await pool.query<{ statement: string }>(
        "select statement from pg_prepared_statements where name like 'ieum_%' order by prepare_time",
      );
      // Each text prepared once on the pool's one connection, whichever form ran it.
      expect(prepared.rows.map((row) => row.statement)).toEqual([
        'select name from items where name = $1 and id >= $2',
        chosen,
        inConfig,
      ]);
    } finally {
      await pool.end();
    }
  });

  it('prepares a statement again when a schema change alters its result', async () => {
    const select = { text: 'select * from items where name = $1', values: ['가'] };
    expect(Object.keys((await named.query(select)).rows[0] ?? {})).toEqual(['id', 'name', 'at']);
    await plain.query('alter table items add column note text');
    await expect(named.query(select)).rejects.toMatchObject({ code: '0A000' });
    expect(Object.keys((await named.query(select)).rows[0] ?? {})).toEqual(['id', 'name', 'at', 'note']);
  });
});
