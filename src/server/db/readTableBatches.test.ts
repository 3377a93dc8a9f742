import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/helpers/testDatabases.ts';
import type { OpenDatabase } from './openDatabase.ts';
import { readTableBatches } from './readTableBatches.ts';

const KB = 1024;

describe.each(testBackends())('readTableBatches on $name', (backend) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await backend.open();
    // Small rows first, then rows far larger than one batch's budget, then small ones again: a
    // batch sized after the rows before it would take a thousand of the large ones at once.
    await database.db.execute(sql`create table batch_rows (n int not null, body text, meta jsonb)`);
    await database.db.execute(
      sql`insert into batch_rows select i, 'small ' || i, jsonb_build_object('i', i) from generate_series(1, 50) i`,
    );
    await database.db.execute(
      sql`insert into batch_rows select i, repeat('x', 300 * 1024), null from generate_series(51, 56) i`,
    );
    await database.db.execute(
      sql`insert into batch_rows select i, null, jsonb_build_object('i', i) from generate_series(57, 70) i`,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  const table = {
    qualifiedName: 'public.batch_rows',
    columns: [{ name: 'n' }, { name: 'body' }, { name: 'meta' }],
  };

  it('reads every row once, in order, as text, with batches kept under the byte budget', async () => {
    const batches: Array<Array<Array<string | null>>> = [];
    for await (const batch of readTableBatches(database.db, table, { rows: 1000, bytes: 512 * KB }))
      batches.push(batch);
    const rows = batches.flat();
    expect(rows.map((row) => Number(row[0]))).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(rows[0]).toEqual(['1', 'small 1', '{"i": 1}']);
    expect(rows[69]).toEqual(['70', null, '{"i": 70}']);
    expect(rows[50]?.[1]).toHaveLength(300 * KB);
    const textOf = (batch: Array<Array<string | null>>) =>
      batch.reduce((sum, row) => sum + row.reduce((inner, value) => inner + (value?.length ?? 0), 0), 0);
    // A row joins a batch while the text before it is under the budget: the 50 small rows and two
    // large ones (the second starts at ~301 KB), then two large ones a batch, then the rest.
    expect(batches.map((batch) => batch.length)).toEqual([52, 2, 2, 14]);
    for (const batch of batches)
      expect(textOf(batch) - (batch.at(-1)?.[1]?.length ?? 0)).toBeLessThan(512 * KB);
  });

  it('takes a row larger than the whole budget on its own, and stops at the row limit', async () => {
    const tiny = [];
    for await (const batch of readTableBatches(database.db, table, { rows: 1000, bytes: 1 }))
      tiny.push(batch.length);
    expect(tiny).toEqual(Array.from({ length: 70 }, () => 1));
    const byRows = [];
    for await (const batch of readTableBatches(database.db, table, { rows: 30, bytes: 64 * 1024 * KB }))
      byRows.push(batch.length);
    expect(byRows).toEqual([30, 30, 10]);
  });

  it('reads nothing from an empty table', async () => {
    await database.db.execute(sql`create table batch_empty (n int)`);
    const batches = [];
    for await (const batch of readTableBatches(database.db, {
      qualifiedName: 'public.batch_empty',
      columns: [{ name: 'n' }],
    }))
      batches.push(batch);
    expect(batches).toEqual([]);
  });
});
