import { and, arrayOverlaps, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CompanyStatus } from '../../contract/companies/companyStatusSchema.ts';
import type { ContactRole } from '../../contract/companies/contactRoleSchema.ts';
import { foldCompanyName } from '../../domain/search/foldCompanyName.ts';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { companies, companyContacts } from '../db/directorySchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { sealedTables } from './sealedTables.ts';

/** A company of the directory (no personal data: read as stored). */
export type CompanyRow = typeof companies.$inferSelect;

/** A registered contact, personal fields in clear (sealed at rest, see sealedTables.ts). */
export type DirectoryContact = {
  id: string;
  companyId: string;
  name: string;
  role: ContactRole;
  phones: string[];
  emails: string[];
  /** Blind indexes of the phones and e-mails (the access log's subject index of a reveal). */
  contactIndex: string[];
  createdAt: Date;
  updatedAt: Date;
  /** Sealed columns that could not be opened (their values read as empty). */
  unreadableFields: readonly string[];
};

/** A contact as written: clear values; the repository seals them and computes the blind indexes. */
export type ContactValues = {
  name: string;
  role: ContactRole;
  phones: readonly string[];
  emails: readonly string[];
};

/** A contact to insert, optionally keeping the id and creation time of the contact it replaces. */
export type ContactInsert = ContactValues & { companyId: string; id?: string; createdAt?: Date };

/** A company as written (the search columns are derived here). */
export type CompanyValues = { bizNo: string; name: string; status: CompanyStatus };

/** What a search looks for; a company matches when any given criterion does. */
export type CompanySearch = {
  /** Digits the 사업자등록번호 starts with. */
  bizNoPrefix?: string;
  /** Part of the folded company name. */
  nameContains?: string;
  /** Part of the company name's 초성. */
  choseongContains?: string;
  /** Blind indexes of a phone or e-mail one of its contacts has. */
  contactIndexes?: readonly string[];
  /** Blind indexes of a contact's whole name. */
  nameIndexes?: readonly string[];
  /** Blind indexes of a contact name's 초성. */
  nameChoseongIndexes?: readonly string[];
};

/** A registered contact found by phone, with its company. */
export type ContactWithCompany = { company: CompanyRow; contact: DirectoryContact };

// Rows per INSERT (and ids per IN list): well under PostgreSQL's 65,535 bind parameters.
const INSERT_BATCH = 1000;

// Values are stored one per line: a phone or an e-mail never contains a line break.
const joinLines = (values: readonly string[]) => values.join('\n');
const splitLines = (value: string) => value.split('\n').filter((line) => line !== '');

const contactColumns = {
  id: companyContacts.id,
  companyId: companyContacts.companyId,
  name: companyContacts.name,
  role: companyContacts.role,
  phones: companyContacts.phones,
  emails: companyContacts.emails,
  contactIndex: companyContacts.contactIndex,
  createdAt: companyContacts.createdAt,
  updatedAt: companyContacts.updatedAt,
};

type StoredContact = {
  id: string;
  companyId: string;
  name: string;
  role: ContactRole;
  phones: string;
  emails: string;
  contactIndex: string[] | null;
  createdAt: Date;
  updatedAt: Date;
};

function openContact(codec: FieldCodec, row: StoredContact): DirectoryContact {
  const opened = openRow(codec, sealedTables.companyContacts, row);
  return {
    id: opened.id,
    companyId: opened.companyId,
    name: opened.name,
    role: opened.role,
    phones: splitLines(opened.phones),
    emails: splitLines(opened.emails),
    contactIndex: opened.contactIndex ?? [],
    createdAt: opened.createdAt,
    updatedAt: opened.updatedAt,
    unreadableFields: opened.unreadableFields,
  };
}

/** Seals a contact's values and computes its blind indexes (phones and e-mails one per line). */
function sealContact(codec: FieldCodec, values: ContactValues, write: 'insert' | 'update' = 'insert') {
  return sealRow(
    codec,
    sealedTables.companyContacts,
    {
      name: values.name,
      role: values.role,
      phones: joinLines(values.phones),
      emails: joinLines(values.emails),
    },
    write,
  );
}

/** The row an insert writes: sealed values, blind indexes, and a kept id and creation time if given. */
function contactRow(codec: FieldCodec, value: ContactInsert, now: Date) {
  return {
    ...sealContact(codec, value),
    companyId: value.companyId,
    ...(value.id ? { id: value.id } : {}),
    createdAt: value.createdAt ?? now,
    updatedAt: now,
  };
}

function companyColumns(values: CompanyValues) {
  const folded = foldCompanyName(values.name);
  return {
    bizNo: values.bizNo,
    name: values.name,
    searchName: folded.name,
    searchChoseong: folded.choseong,
    status: values.status,
  };
}

/**
 * `column IN (values)` with the values as one jsonb parameter: an import's thousands of ids cost
 * Drizzle far more to bind one by one than PostgreSQL takes to match them.
 */
function inJsonList(
  column: SQL | typeof companies.bizNo | typeof companyContacts.companyId,
  values: readonly string[],
  cast: 'uuid' | 'text',
): SQL {
  return sql`${column} in (select (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::${sql.raw(cast)})`;
}

/** LIKE pattern matching `text` anywhere, with the pattern characters escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function whereOf(search: CompanySearch, status: CompanyStatus | undefined): SQL | undefined {
  const contactMatches = [
    search.contactIndexes?.length
      ? arrayOverlaps(companyContacts.contactIndex, [...search.contactIndexes])
      : undefined,
    search.nameIndexes?.length ? inArray(companyContacts.nameIndex, [...search.nameIndexes]) : undefined,
    search.nameChoseongIndexes?.length
      ? inArray(companyContacts.nameChoseongIndex, [...search.nameChoseongIndexes])
      : undefined,
  ].filter((clause): clause is SQL => clause !== undefined);
  const anyOf = [
    search.bizNoPrefix ? sql`${companies.bizNo} like ${`${search.bizNoPrefix}%`}` : undefined,
    search.nameContains ? sql`${companies.searchName} like ${containing(search.nameContains)}` : undefined,
    search.choseongContains
      ? sql`${companies.searchChoseong} like ${containing(search.choseongContains)}`
      : undefined,
    contactMatches.length > 0
      ? sql`exists (select 1 from ${companyContacts} where ${companyContacts.companyId} = ${companies.id} and (${or(...contactMatches)}))`
      : undefined,
  ].filter((clause): clause is SQL => clause !== undefined);
  const searching = Object.values(search).some((value) => value !== undefined);
  return and(
    searching ? (anyOf.length > 0 ? or(...anyOf) : sql`false`) : undefined,
    status ? eq(companies.status, status) : undefined,
  );
}

const upsertedCompany = z.object({ id: z.string(), biz_no: z.string(), created: z.boolean() });

/**
 * One batch of an import's company upsert. The rows travel as one jsonb parameter: building a
 * 1,000-row multi-VALUES statement costs Drizzle more than PostgreSQL takes to run it.
 */
async function upsertNameBatch(
  db: Database,
  values: ReadonlyArray<{ bizNo: string; name: string }>,
  now: Date,
): Promise<Array<{ id: string; bizNo: string; created: boolean }>> {
  const rows = values.map((value) => ({ ...companyColumns({ ...value, status: 'active' }) }));
  const column = (name: keyof typeof companies.$inferSelect) => sql.identifier(companies[name].name);
  const at = now.toISOString();
  const upserted = await queryRows(
    db,
    sql`insert into ${companies} (${column('bizNo')}, ${column('name')}, ${column('searchName')}, ${column('searchChoseong')}, ${column('status')}, ${column('createdAt')}, ${column('updatedAt')})
        select r->>'bizNo', r->>'name', r->>'searchName', r->>'searchChoseong', 'active', ${at}::timestamptz, ${at}::timestamptz
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r
        on conflict (${column('bizNo')}) do update set
          ${column('name')} = excluded.${column('name')},
          ${column('searchName')} = excluded.${column('searchName')},
          ${column('searchChoseong')} = excluded.${column('searchChoseong')},
          ${column('updatedAt')} = excluded.${column('updatedAt')}
        returning ${column('id')}::text as id, ${column('bizNo')} as biz_no, (xmax = 0) as created`,
    upsertedCompany,
  );
  // xmax is 0 on a row this statement inserted, set on one it updated.
  return upserted.map((row) => ({ id: row.id, bizNo: row.biz_no, created: row.created }));
}

/** SQL for the business directory: companies and their registered contacts. */
export const companyRepository = {
  findByBizNo: async (db: Database, bizNo: string): Promise<CompanyRow | undefined> => {
    const rows = await db.select().from(companies).where(eq(companies.bizNo, bizNo)).limit(1);
    return rows[0];
  },

  /** Locks a company for the rest of the transaction (two writers of one company's contacts queue up). */
  lockByBizNo: async (db: Database, bizNo: string): Promise<CompanyRow | undefined> => {
    const rows = await db.select().from(companies).where(eq(companies.bizNo, bizNo)).for('update').limit(1);
    return rows[0];
  },

  insert: async (db: Database, values: CompanyValues, now: Date): Promise<CompanyRow> => {
    const rows = await db
      .insert(companies)
      .values({
        ...companyColumns(values),
        inactiveSince: values.status === 'inactive' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const row = rows[0];
    if (!row) throw new Error('insert into companies returned no row');
    return row;
  },

  /** Changes name and status; `inactiveSince` starts when the status becomes inactive and clears when active. */
  update: async (
    db: Database,
    current: CompanyRow,
    values: CompanyValues,
    now: Date,
  ): Promise<CompanyRow> => {
    const inactiveSince =
      values.status === 'active' ? null : current.status === 'inactive' ? current.inactiveSince : now;
    const rows = await db
      .update(companies)
      .set({ ...companyColumns(values), inactiveSince, updatedAt: now })
      .where(eq(companies.id, current.id))
      .returning();
    const row = rows[0];
    if (!row) throw new Error('update of companies returned no row');
    return row;
  },

  /**
   * Inserts or renames many companies by 사업자등록번호 (imports): a new company is active; an
   * existing one keeps its status. Returns every row with its id.
   */
  upsertNames: async (
    db: Database,
    values: ReadonlyArray<{ bizNo: string; name: string }>,
    now: Date,
  ): Promise<Array<{ id: string; bizNo: string; created: boolean }>> => {
    const rows: Array<{ id: string; bizNo: string; created: boolean }> = [];
    for (let start = 0; start < values.length; start += INSERT_BATCH) {
      rows.push(...(await upsertNameBatch(db, values.slice(start, start + INSERT_BATCH), now)));
    }
    return rows;
  },

  /** Which of these 사업자등록번호 are registered (an import's created/updated counts). */
  listExistingBizNos: async (db: Database, bizNos: readonly string[]): Promise<Set<string>> => {
    const found = new Set<string>();
    for (let start = 0; start < bizNos.length; start += INSERT_BATCH) {
      const rows = await db
        .select({ bizNo: companies.bizNo })
        .from(companies)
        .where(inJsonList(companies.bizNo, bizNos.slice(start, start + INSERT_BATCH), 'text'));
      for (const row of rows) found.add(row.bizNo);
    }
    return found;
  },

  /** Deletes a company; its contacts go with it (cascade). */
  delete: async (db: Database, id: string): Promise<void> => {
    await db.delete(companies).where(eq(companies.id, id));
  },

  /** A page of companies matching the search, by name. */
  search: async (
    db: Database,
    search: CompanySearch,
    filter: { status?: CompanyStatus | undefined; limit: number; offset: number },
  ): Promise<{ items: CompanyRow[]; total: number }> => {
    const where = whereOf(search, filter.status);
    const items = await db
      .select()
      .from(companies)
      .where(where)
      .orderBy(asc(companies.searchName), asc(companies.bizNo))
      .limit(filter.limit)
      .offset(filter.offset);
    const totals = await db.select({ total: count() }).from(companies).where(where);
    return { items, total: totals[0]?.total ?? 0 };
  },

  /** How many contacts each company has. */
  countContacts: async (db: Database, companyIds: readonly string[]): Promise<Map<string, number>> => {
    if (companyIds.length === 0) return new Map();
    const rows = await db
      .select({ companyId: companyContacts.companyId, total: count() })
      .from(companyContacts)
      .where(inArray(companyContacts.companyId, [...companyIds]))
      .groupBy(companyContacts.companyId);
    return new Map(rows.map((row) => [row.companyId, row.total]));
  },

  /** The contacts of these companies, 관리책임자 first, then oldest first. */
  listContacts: async (
    db: Database,
    codec: FieldCodec,
    companyIds: readonly string[],
  ): Promise<DirectoryContact[]> => {
    if (companyIds.length === 0) return [];
    const rows = await db
      .select(contactColumns)
      .from(companyContacts)
      .where(inArray(companyContacts.companyId, [...companyIds]))
      .orderBy(asc(companyContacts.role), asc(companyContacts.createdAt), asc(companyContacts.id));
    return rows.map((row) => openContact(codec, row));
  },

  findContact: async (
    db: Database,
    codec: FieldCodec,
    companyId: string,
    contactId: string,
  ): Promise<DirectoryContact | undefined> => {
    const rows = await db
      .select(contactColumns)
      .from(companyContacts)
      .where(and(eq(companyContacts.companyId, companyId), eq(companyContacts.id, contactId)))
      .limit(1);
    const row = rows[0];
    return row ? openContact(codec, row) : undefined;
  },

  /**
   * Inserts contacts in batches (an import writes thousands in one transaction). Values are sealed
   * by the caller's codec here, before the statement is sent.
   */
  insertContacts: async (
    db: Database,
    codec: FieldCodec,
    values: readonly ContactInsert[],
    now: Date,
  ): Promise<DirectoryContact[]> => {
    const inserted: DirectoryContact[] = [];
    for (let start = 0; start < values.length; start += INSERT_BATCH) {
      const rows = await db
        .insert(companyContacts)
        .values(values.slice(start, start + INSERT_BATCH).map((value) => contactRow(codec, value, now)))
        .returning(contactColumns);
      inserted.push(...rows.map((row) => openContact(codec, row)));
    }
    return inserted;
  },

  /** Inserts contacts in batches without reading them back (an import: nothing to open again). */
  writeContacts: async (
    db: Database,
    codec: FieldCodec,
    values: readonly ContactInsert[],
    now: Date,
  ): Promise<void> => {
    const column = (name: keyof typeof companyContacts.$inferSelect) =>
      sql.identifier(companyContacts[name].name);
    const at = now.toISOString();
    for (let start = 0; start < values.length; start += INSERT_BATCH) {
      // One jsonb parameter per batch (see upsertNameBatch); sealed and indexed here, as in insertContacts.
      const rows = values.slice(start, start + INSERT_BATCH).map((value) => ({
        ...sealContact(codec, value),
        id: value.id ?? null,
        companyId: value.companyId,
        createdAt: (value.createdAt ?? now).toISOString(),
      }));
      await db.execute(
        sql`insert into ${companyContacts} (${column('id')}, ${column('companyId')}, ${column('name')}, ${column('role')}, ${column('phones')}, ${column('emails')}, ${column('contactIndex')}, ${column('nameIndex')}, ${column('nameChoseongIndex')}, ${column('createdAt')}, ${column('updatedAt')})
            select coalesce((r->>'id')::uuid, gen_random_uuid()), (r->>'companyId')::uuid, r->>'name', r->>'role',
              r->>'phones', r->>'emails',
              case when jsonb_typeof(r->'contactIndex') = 'array' then array(select jsonb_array_elements_text(r->'contactIndex')) end,
              r->>'nameIndex', r->>'nameChoseongIndex', (r->>'createdAt')::timestamptz, ${at}::timestamptz
            from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r`,
      );
    }
  },

  updateContact: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    values: ContactValues,
    now: Date,
  ): Promise<DirectoryContact | undefined> => {
    const rows = await db
      .update(companyContacts)
      .set({ ...sealContact(codec, values, 'update'), updatedAt: now })
      .where(eq(companyContacts.id, id))
      .returning(contactColumns);
    const row = rows[0];
    return row ? openContact(codec, row) : undefined;
  },

  deleteContact: async (db: Database, id: string): Promise<void> => {
    await db.delete(companyContacts).where(eq(companyContacts.id, id));
  },

  /** What an import matches existing contacts by: company, the name's blind index and the role. */
  listContactKeys: async (
    db: Database,
    companyIds: readonly string[],
  ): Promise<
    Array<{ id: string; companyId: string; nameIndex: string | null; role: ContactRole; createdAt: Date }>
  > => {
    const keys: Array<{
      id: string;
      companyId: string;
      nameIndex: string | null;
      role: ContactRole;
      createdAt: Date;
    }> = [];
    for (let start = 0; start < companyIds.length; start += INSERT_BATCH) {
      keys.push(
        ...(await db
          .select({
            id: companyContacts.id,
            companyId: companyContacts.companyId,
            nameIndex: companyContacts.nameIndex,
            role: companyContacts.role,
            createdAt: companyContacts.createdAt,
          })
          .from(companyContacts)
          .where(
            inJsonList(companyContacts.companyId, companyIds.slice(start, start + INSERT_BATCH), 'uuid'),
          )),
      );
    }
    return keys;
  },

  /** Removes every contact of these companies (an import then writes the file's contacts). */
  deleteContactsOfCompanies: async (db: Database, companyIds: readonly string[]): Promise<void> => {
    for (let start = 0; start < companyIds.length; start += INSERT_BATCH) {
      await db
        .delete(companyContacts)
        .where(inJsonList(companyContacts.companyId, companyIds.slice(start, start + INSERT_BATCH), 'uuid'));
    }
  },

  /**
   * Contacts holding this blind index (a phone or e-mail), with their companies: active companies
   * first, 관리책임자 before 운영담당자.
   */
  findContactsByIndex: async (
    db: Database,
    codec: FieldCodec,
    index: string,
    limit: number,
  ): Promise<ContactWithCompany[]> => {
    const rows = await db
      .select({ company: companies, contact: contactColumns })
      .from(companyContacts)
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .where(arrayOverlaps(companyContacts.contactIndex, [index]))
      .orderBy(asc(companies.status), asc(companyContacts.role), desc(companyContacts.updatedAt))
      .limit(limit);
    return rows.map((row) => ({ company: row.company, contact: openContact(codec, row.contact) }));
  },
};
