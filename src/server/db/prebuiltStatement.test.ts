import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/helpers/testDatabases.ts';
import type { Database, OpenDatabase } from './openDatabase.ts';
import { PrebuiltStatement } from './prebuiltStatement.ts';
import { consultations, users } from './schema.ts';

describe.each(testBackends())('PrebuiltStatement on $name', (backend) => {
  let database: OpenDatabase;
  const agentId = randomUUID();
  beforeAll(async () => {
    database = await backend.open();
    await database.db.insert(users).values({
      id: agentId,
      email: 'prebuilt@example.com',
      name: '상담원',
      role: 'agent',
      passwordHash: 'x',
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  // A table and a column of another, as the consultation lists select them.
  const withAgent = { consultation: consultations, agentName: users.name };
  const queryOfAgent = (db: Database, agent: unknown) =>
    db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(eq(consultations.agentId, sql`${agent}`))
      .orderBy(consultations.startedAt, consultations.id);
  const ofAgent = new PrebuiltStatement((db) => queryOfAgent(db, sql.placeholder('agentId')), withAgent);
  const returned = getTableColumns(consultations);
  // As the repositories set columns: placeholders by name, each encoded by its column when run.
  const setOf = (columns: string[]) =>
    Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
  const update = new PrebuiltStatement(
    (db, shape: 'with-outcome' | 'without') =>
      db
        .update(consultations)
        .set(
          setOf(
            shape === 'with-outcome'
              ? ['completedAt', 'recordFields', 'outcome']
              : ['completedAt', 'recordFields'],
          ),
        )
        .where(eq(consultations.id, sql.placeholder('id')))
        .returning(),
    returned,
  );

  const start = async () => {
    const [row] = await database.db
      .insert(consultations)
      .values({ agentId, channel: 'call', guideId: 'g', guideVersion: '1' })
      .returning({ id: consultations.id });
    if (!row) throw new Error('no consultation inserted');
    return row.id;
  };

  it('reads rows as the builder it was built from does, joined table and all', async () => {
    await start();
    await start();
    const built = await queryOfAgent(database.db, agentId);
    const prebuilt = await ofAgent.runOnly(database.db, { agentId });
    expect(prebuilt).toHaveLength(2);
    expect(prebuilt).toEqual(built);
    expect(prebuilt[0]?.agentName).toBe('상담원');
    expect(prebuilt[0]?.consultation.startedAt).toBeInstanceOf(Date);
    expect(await ofAgent.runOnly(database.db, { agentId: randomUUID() })).toEqual([]);
  });

  it('encodes values by their columns, keeps null as NULL and runs inside a transaction', async () => {
    const id = await start();
    const completedAt = new Date('2026-12-04T01:02:03.456Z');
    const recordFields = { companyName: '이음', phone: '010-1234-5678' };
    const [row] = await database.db.transaction((tx) =>
      update.run(tx, 'with-outcome', { id, completedAt, recordFields, outcome: null }),
    );
    expect(row?.completedAt).toEqual(completedAt);
    expect(row?.recordFields).toEqual(recordFields);
    expect(row?.outcome).toBeNull();
    // NULL, not the JSON null a jsonb encoder would make of it.
    const [cleared] = await update.run(database.db, 'without', { id, completedAt, recordFields: null });
    expect(cleared?.recordFields).toBeNull();
    const [stored] = await database.db
      .select({ isNull: sql<boolean>`${consultations.recordFields} is null` })
      .from(consultations)
      .where(eq(consultations.id, id));
    expect(stored?.isNull).toBe(true);
  });

  it('refuses to run without a value for every placeholder, or without its shape when it has several', async () => {
    await expect(update.run(database.db, 'without', { id: randomUUID(), completedAt: null })).rejects.toThrow(
      'no value for placeholder "recordFields"',
    );
    // tsc checks this file: runOnly on a statement built per shape does not compile.
    // @ts-expect-error runOnly is for statements of one shape
    await expect(update.runOnly(database.db, { id: randomUUID() })).rejects.toThrow(
      'no value for placeholder',
    );
  });
});
