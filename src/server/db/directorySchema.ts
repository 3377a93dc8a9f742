import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companyStatuses } from '../../contract/companies/companyStatusSchema.ts';
import { contactRoles } from '../../contract/companies/contactRoleSchema.ts';

/**
 * A business account in the directory (기업 고객), keyed by its 사업자등록번호. Company data is not
 * personal data: name and number are kept in clear for search (substring and 초성).
 */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 사업자등록번호, ten digits with a valid check digit (the key the business system syncs by). */
    bizNo: text('biz_no').notNull(),
    /** 기업명 as registered. */
    name: text('name').notNull(),
    /** The name folded for search: NFKC, lower-cased, without spaces and "(주)"-style marks. */
    searchName: text('search_name').notNull(),
    /** 초성 of `searchName` (ㄴㄹㅌㅋ for 누리테크), for 초성 search. */
    searchChoseong: text('search_choseong').notNull(),
    status: text('status', { enum: companyStatuses }).notNull().default('active'),
    /** Since when the account is inactive: its contacts are erased IEUM_RETENTION_DEFAULT_YEARS later. */
    inactiveSince: timestamp('inactive_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_biz_no_key').on(t.bizNo),
    index('companies_search_name_idx').on(t.searchName),
    check('companies_biz_no_check', sql`${t.bizNo} ~ '^[0-9]{10}$'`),
    check('companies_status_check', sql`${t.status} in ('active','inactive')`),
  ],
);

/**
 * A registered contact of a business account (관리책임자 or 운영담당자): the people the guide's Q1/Q3
 * may connect. Name, phones and e-mails are personal data, sealed at rest (sealedTables.ts); phones
 * and e-mails are found through `contactIndex`, the name through exact blind indexes of the name and
 * of its 초성 (a keyed hash cannot answer a substring query — see ARCHITECTURE.md).
 */
export const companyContacts = pgTable(
  'company_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** Sealed. */
    name: text('name').notNull(),
    role: text('role', { enum: contactRoles }).notNull(),
    /** Sealed: the phone numbers in display form, one per line. */
    phones: text('phones').notNull(),
    /** Sealed: the e-mail addresses, one per line. */
    emails: text('emails').notNull(),
    /** Blind indexes of every phone and e-mail (caller lookup, data-subject requests). */
    contactIndex: text('contact_index').array(),
    /** Blind index of the folded name (exact name search). */
    nameIndex: text('name_index'),
    /** Blind index of the name's 초성 (exact 초성 search, e.g. ㄱㅁㅅ for 김민수). */
    nameChoseongIndex: text('name_choseong_index'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('company_contacts_company_idx').on(t.companyId),
    index('company_contacts_contact_index_idx').using('gin', t.contactIndex),
    index('company_contacts_name_index_idx').on(t.nameIndex),
    index('company_contacts_name_choseong_index_idx').on(t.nameChoseongIndex),
    check('company_contacts_role_check', sql`${t.role} in ('manager','operator')`),
  ],
);
