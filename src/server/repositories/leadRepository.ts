import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { emailOutbox } from '../db/jobsSchema.ts';
import { brochureFiles, leadCallbacks, leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { users } from '../db/schema.ts';
import { transfers } from '../db/transferSchema.ts';
import { sealedTables } from './sealedTables.ts';

/** A lead row, personal fields in clear (sealed at rest, see sealedTables.ts). */
export type LeadRow = Opened<typeof leads.$inferSelect>;
/** What is written: contact fields in clear; the repository seals them and computes the blind indexes. */
export type LeadValues = Omit<typeof leads.$inferInsert, 'phoneIndex' | 'emailIndex'>;
/** A lead's workflow state without its contact fields (what status changes and callbacks need). */
export type LeadState = Omit<typeof leads.$inferSelect, 'contactName' | 'phone' | 'email'>;
/** A callback attempt row with its actor's name (the note in clear). */
export type LeadCallbackRow = Opened<typeof leadCallbacks.$inferSelect> & { actorName: string | null };
/** An outbox e-mail, recipient and content in clear. */
export type OutboxEmailRow = Opened<typeof emailOutbox.$inferSelect>;
/** A stored brochure upload. */
export type BrochureFileRow = typeof brochureFiles.$inferSelect;

/** The brochure e-mail's delivery state, read from the outbox row. */
export type LeadEmailState = {
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
};

/** A lead with what screens show beside it: its transfer's number and assignee, the filer, the e-mail state. */
export type LeadWithContext = {
  lead: LeadRow;
  transferNumber: string;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The assignee's account is disabled: nobody is working the lead until it is reassigned. */
  assigneeDisabled: boolean;
  filedByName: string;
  email: LeadEmailState | null;
  /** The customer's open lead this one was filed beside (repeatOfLeadId), with its number. */
  repeatOf: { id: string; number: string } | null;
  /**
   * The earlier lead whose brochure the customer got instead of one for this lead, with its number
   * and that e-mail's state (null once the e-mail is gone).
   */
  brochureSentWith: { id: string; number: string; emailStatus: LeadEmailState['status'] | null } | null;
};

/** A lead whose personal data is due for erasure, with the rows erased along with it. */
export type ExpiredLead = {
  id: string;
  transferId: string;
  brochureEmailId: string | null;
  retentionEndsAt: Date;
};

const expiredColumns = {
  id: leads.id,
  transferId: leads.transferId,
  brochureEmailId: leads.brochureEmailId,
  retentionEndsAt: leads.retentionEndsAt,
};

/** List filters; all optional, combined with AND. */
export type LeadFilter = {
  statuses?: readonly LeadRow['status'][];
  /** 'due': a callback is due at `now` (including overdue); 'pending': any callback scheduled. */
  callback?: 'due' | 'pending';
  now: Date;
  /** The transfer's assignee. */
  assigneeId?: string;
  filedBy?: string;
  createdFrom?: Date;
  createdBefore?: Date;
};

// Every column but the contact fields: state reads never need to open anything.
const { contactName: _name, phone: _phone, email: _email, ...stateColumns } = getTableColumns(leads);

/** The advisory-lock class of sign-up lead filings per e-mail address (lockByEmailIndex). */
const REPEAT_LEAD_LOCK_CLASS = 0x6965756c;

const filer = aliasedTable(users, 'lead_filer');
const assignee = aliasedTable(users, 'lead_assignee');

/** The state of the brochure e-mail of the lead this column points at; null when it has none. */
const brochureStatusOfLead = (column: typeof leads.brochureSentWithLeadId) =>
  sql<
    LeadEmailState['status'] | null
  >`(select linked_email.status from leads linked_lead join email_outbox linked_email on linked_email.id = linked_lead.brochure_email_id where linked_lead.id = ${column})`;

/** The transfer number of the lead this column points at (a repeat's open lead, a brochure's lead); null when none. */
const numberOfLead = (column: typeof leads.repeatOfLeadId | typeof leads.brochureSentWithLeadId) =>
  sql<
    string | null
  >`(select linked_transfer.number from leads linked_lead join transfers linked_transfer on linked_transfer.id = linked_lead.transfer_id where linked_lead.id = ${column})`;

const withContext = {
  lead: leads,
  transferNumber: transfers.number,
  assigneeId: transfers.assigneeId,
  assigneeName: assignee.name,
  assigneeDisabledAt: assignee.disabledAt,
  filedByName: filer.name,
  emailStatus: emailOutbox.status,
  emailAttempts: emailOutbox.attempts,
  emailLastError: emailOutbox.lastError,
  emailSentAt: emailOutbox.sentAt,
  repeatOfNumber: numberOfLead(leads.repeatOfLeadId),
  brochureSentWithNumber: numberOfLead(leads.brochureSentWithLeadId),
  brochureSentWithStatus: brochureStatusOfLead(leads.brochureSentWithLeadId),
};

type ContextRow = {
  lead: typeof leads.$inferSelect;
  transferNumber: string;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeDisabledAt: Date | null;
  filedByName: string;
  emailStatus: 'queued' | 'sent' | 'failed' | null;
  emailAttempts: number | null;
  emailLastError: string | null;
  emailSentAt: Date | null;
  repeatOfNumber: string | null;
  brochureSentWithNumber: string | null;
  brochureSentWithStatus: LeadEmailState['status'] | null;
};

const linkOf = (id: string | null, number: string | null) =>
  id !== null && number !== null ? { id, number } : null;

function toContext(codec: FieldCodec, row: ContextRow): LeadWithContext {
  return {
    lead: openRow(codec, sealedTables.leads, row.lead),
    transferNumber: row.transferNumber,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    assigneeDisabled: row.assigneeDisabledAt !== null,
    filedByName: row.filedByName,
    email:
      row.emailStatus === null
        ? null
        : {
            status: row.emailStatus,
            attempts: row.emailAttempts ?? 0,
            lastError: row.emailLastError,
            sentAt: row.emailSentAt,
          },
    repeatOf: linkOf(row.lead.repeatOfLeadId, row.repeatOfNumber),
    brochureSentWith: (() => {
      const link = linkOf(row.lead.brochureSentWithLeadId, row.brochureSentWithNumber);
      return link && { ...link, emailStatus: row.brochureSentWithStatus };
    })(),
  };
}

function whereOf(filter: LeadFilter): SQL | undefined {
  return and(
    filter.statuses?.length ? inArray(leads.status, [...filter.statuses]) : undefined,
    filter.callback === 'due' ? lte(leads.callbackDueAt, filter.now) : undefined,
    filter.callback === 'pending' ? isNotNull(leads.callbackDueAt) : undefined,
    filter.assigneeId !== undefined ? eq(transfers.assigneeId, filter.assigneeId) : undefined,
    filter.filedBy !== undefined ? eq(leads.filedBy, filter.filedBy) : undefined,
    filter.createdFrom !== undefined ? gte(leads.createdAt, filter.createdFrom) : undefined,
    filter.createdBefore !== undefined ? lt(leads.createdAt, filter.createdBefore) : undefined,
  );
}

function selectWithContext(db: Database) {
  return db
    .select(withContext)
    .from(leads)
    .innerJoin(transfers, eq(transfers.id, leads.transferId))
    .innerJoin(filer, eq(filer.id, leads.filedBy))
    .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
    .leftJoin(emailOutbox, eq(emailOutbox.id, leads.brochureEmailId));
}

/** SQL for sign-up leads, their callback attempts and the uploaded brochure. */
export const leadRepository = {
  insert: async (db: Database, codec: FieldCodec, values: LeadValues): Promise<LeadRow> => {
    const rows = await db
      .insert(leads)
      .values(sealRow(codec, sealedTables.leads, values))
      .returning();
    const row = rows[0];
    if (!row) throw new Error('insert into leads returned no row');
    return openRow(codec, sealedTables.leads, row);
  },

  findById: async (db: Database, codec: FieldCodec, id: string): Promise<LeadWithContext | undefined> => {
    const rows = await selectWithContext(db).where(eq(leads.id, id)).limit(1);
    const row = rows[0];
    return row ? toContext(codec, row) : undefined;
  },

  findByConsultation: async (db: Database, consultationId: string): Promise<LeadState | undefined> => {
    const rows = await db
      .select(stateColumns)
      .from(leads)
      .where(eq(leads.consultationId, consultationId))
      .limit(1);
    return rows[0];
  },

  findIdByTransfer: async (db: Database, transferId: string): Promise<string | undefined> => {
    const rows = await db
      .select({ id: leads.id })
      .from(leads)
      .where(eq(leads.transferId, transferId))
      .limit(1);
    return rows[0]?.id;
  },

  /**
   * The status of the lead filed with a transfer, if one is. Not locked: a lead's outcome locks
   * the lead and then its transfer, and a caller holding the transfer's lock would take them in the
   * other order. Nor is a lock needed there: an outcome that finishes the lead closes the transfer
   * in its own transaction, so an open lead read while such an outcome is on its way only refuses
   * a 종결 the outcome is about to make.
   */
  findStatusByTransfer: async (db: Database, transferId: string): Promise<LeadRow['status'] | undefined> => {
    const rows = await db
      .select({ status: leads.status })
      .from(leads)
      .where(eq(leads.transferId, transferId))
      .limit(1);
    return rows[0]?.status;
  },

  /** Locks a lead for the rest of the transaction, so two handlers' outcomes apply one after the other. */
  lockById: async (db: Database, id: string): Promise<LeadState | undefined> => {
    const rows = await db.select(stateColumns).from(leads).where(eq(leads.id, id)).for('update').limit(1);
    return rows[0];
  },

  /** The lead whose brochure is the given outbox e-mail, locked. */
  lockByBrochureEmail: async (db: Database, outboxId: string): Promise<LeadState | undefined> => {
    const rows = await db
      .select(stateColumns)
      .from(leads)
      .where(eq(leads.brochureEmailId, outboxId))
      .for('update')
      .limit(1);
    return rows[0];
  },

  /** Changes a lead's workflow state; contact fields are written once, at filing. */
  update: async (
    db: Database,
    id: string,
    values: Partial<Omit<LeadValues, 'contactName' | 'phone' | 'email'>>,
  ): Promise<void> => {
    await db.update(leads).set(values).where(eq(leads.id, id));
  },

  /**
   * A page of leads: callbacks that are due first (earliest due time first), then the rest newest
   * first, so the business team's screen opens on what to call now.
   */
  list: async (
    db: Database,
    codec: FieldCodec,
    filter: LeadFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: LeadWithContext[]; total: number }> => {
    const where = whereOf(filter);
    const rows = await selectWithContext(db)
      .where(where)
      .orderBy(sql`${leads.callbackDueAt} asc nulls last`, desc(leads.createdAt), asc(leads.id))
      .limit(page.limit)
      .offset(page.offset);
    const totals = await db
      .select({ total: count() })
      .from(leads)
      .innerJoin(transfers, eq(transfers.id, leads.transferId))
      .where(where);
    return { items: rows.map((row) => toContext(codec, row)), total: totals[0]?.total ?? 0 };
  },

  /** The contact fields of leads in clear, by id (exports). */
  listContacts: async (
    db: Database,
    codec: FieldCodec,
    ids: readonly string[],
  ): Promise<Array<Opened<{ id: string; contactName: string; phone: string; email: string }>>> => {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ id: leads.id, contactName: leads.contactName, phone: leads.phone, email: leads.email })
      .from(leads)
      .where(inArray(leads.id, [...ids]));
    return rows.map((row) => openRow(codec, sealedTables.leads, row));
  },

  /** Leads holding this blind index (phone or e-mail), newest first (data-subject requests). */
  findByPersonalIndex: async (
    db: Database,
    codec: FieldCodec,
    index: string,
    limit: number,
  ): Promise<LeadWithContext[]> => {
    const rows = await selectWithContext(db)
      .where(or(eq(leads.phoneIndex, index), eq(leads.emailIndex, index)))
      .orderBy(desc(leads.createdAt), asc(leads.id))
      .limit(limit);
    return rows.map((row) => toContext(codec, row));
  },

  /**
   * Leads filed since `since` whose e-mail has this blind index, newest first: the candidates for a
   * duplicate warning (the company name, not personal data, is compared by the caller). Only the
   * columns the warning shows; nothing is opened.
   */
  findRecentByEmailIndex: (
    db: Database,
    emailIndex: string,
    since: Date,
    limit: number,
  ): Promise<
    Array<{
      id: string;
      number: string;
      companyName: string;
      status: LeadRow['status'];
      createdAt: Date;
      filedById: string;
      filedByName: string;
      assigneeId: string | null;
      assigneeName: string | null;
    }>
  > =>
    db
      .select({
        id: leads.id,
        number: transfers.number,
        companyName: leads.companyName,
        status: leads.status,
        createdAt: leads.createdAt,
        // Staff who filed and who holds it (not the customer's data): what an agent who may not
        // open someone else's lead needs to know about it.
        filedById: leads.filedBy,
        filedByName: filer.name,
        assigneeId: transfers.assigneeId,
        assigneeName: assignee.name,
      })
      .from(leads)
      .innerJoin(transfers, eq(transfers.id, leads.transferId))
      .innerJoin(filer, eq(filer.id, leads.filedBy))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .where(and(eq(leads.emailIndex, emailIndex), gte(leads.createdAt, since)))
      .orderBy(desc(leads.createdAt), asc(leads.id))
      .limit(limit),

  /**
   * Every lead whose e-mail has this blind index, oldest first, locked for the caller's transaction:
   * the candidates for the customer's open lead when a new one is filed (decideRepeatLead compares
   * the company and decides what is open). Locked so a callback outcome closing one of them at the
   * same moment is applied first or waits, never half-seen. Filings for the address are serialised
   * too (a transaction-level advisory lock on the index's hash, taken first): two first leads of one
   * customer filed at once — two agents, or the chatbot and an agent — would each find none and both
   * go to the rotation; the second now waits and, reading after the first commits, joins it. Nothing
   * personal is read or opened; the brochure is the lead's own outbox e-mail, else the earlier
   * lead's it went with.
   */
  lockByEmailIndex: async (
    db: Database,
    emailIndex: string,
  ): Promise<
    Array<{
      id: string;
      number: string;
      companyName: string;
      status: LeadRow['status'];
      transferStatus: (typeof transfers.$inferSelect)['status'];
      createdAt: Date;
      repeatOfLeadId: string | null;
      assigneeId: string | null;
      assigneeDisabledAt: Date | null;
      ownBrochureStatus: 'queued' | 'sent' | 'failed' | null;
      brochureSentWithLeadId: string | null;
      brochureSentWithNumber: string | null;
      brochureSentWithStatus: 'queued' | 'sent' | 'failed' | null;
    }>
  > => {
    // Two keys: this constant ("ieul") for the kind, the index's hash for the address (a collision
    // only makes two customers' filings wait for each other).
    await db.execute(sql`select pg_advisory_xact_lock(${REPEAT_LEAD_LOCK_CLASS}, hashtext(${emailIndex}))`);
    return db
      .select({
        id: leads.id,
        number: transfers.number,
        companyName: leads.companyName,
        status: leads.status,
        transferStatus: transfers.status,
        createdAt: leads.createdAt,
        repeatOfLeadId: leads.repeatOfLeadId,
        assigneeId: transfers.assigneeId,
        assigneeDisabledAt: assignee.disabledAt,
        ownBrochureStatus: emailOutbox.status,
        brochureSentWithLeadId: leads.brochureSentWithLeadId,
        brochureSentWithNumber: numberOfLead(leads.brochureSentWithLeadId),
        brochureSentWithStatus: brochureStatusOfLead(leads.brochureSentWithLeadId),
      })
      .from(leads)
      .innerJoin(transfers, eq(transfers.id, leads.transferId))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .leftJoin(emailOutbox, eq(emailOutbox.id, leads.brochureEmailId))
      .where(eq(leads.emailIndex, emailIndex))
      .orderBy(asc(leads.createdAt), asc(leads.id))
      .for('update', { of: leads });
  },

  /** Leads whose personal data is due for erasure, oldest first (dry run: no locks). */
  listExpired: (db: Database, now: Date, limit: number): Promise<ExpiredLead[]> =>
    db
      .select(expiredColumns)
      .from(leads)
      .where(and(lte(leads.retentionEndsAt, now), isNull(leads.personalDataErasedAt)))
      .orderBy(asc(leads.retentionEndsAt))
      .limit(limit),

  /**
   * Locks up to `limit` leads due for erasure that no other transaction holds (FOR UPDATE SKIP
   * LOCKED): purges on several instances take disjoint batches. Call inside a transaction.
   */
  lockExpiredBatch: (db: Database, now: Date, limit: number): Promise<ExpiredLead[]> =>
    db
      .select(expiredColumns)
      .from(leads)
      .where(and(lte(leads.retentionEndsAt, now), isNull(leads.personalDataErasedAt)))
      .orderBy(asc(leads.retentionEndsAt))
      .limit(limit)
      .for('update', { skipLocked: true }),

  /**
   * Erases a lead's personal fields — contact name, phone, e-mail (the columns are NOT NULL, so
   * they become empty), their blind indexes, the 사업자등록번호 (a sole proprietor's identifies the
   * person) and the callback notes (free text about the call) — and keeps company, status,
   * outcomes and times for reports. A pending callback is cancelled (callbackDueAt null): there is
   * no number left to call, so it must not wait as due work. Returns the leads erased now, with their transfer and brochure
   * e-mail, which the caller erases in the same transaction.
   */
  erasePersonalData: async (
    db: Database,
    ids: readonly string[],
    at: Date,
  ): Promise<Array<{ id: string; transferId: string; brochureEmailId: string | null }>> => {
    if (ids.length === 0) return [];
    const rows = await db
      .update(leads)
      .set({
        contactName: '',
        phone: '',
        email: '',
        phoneIndex: null,
        emailIndex: null,
        businessNumber: null,
        personalDataErasedAt: at,
        // No callback is due any more: there is no number to call (its transfer closes with it).
        callbackDueAt: null,
      })
      .where(and(inArray(leads.id, [...ids]), isNull(leads.personalDataErasedAt)))
      .returning({ id: leads.id, transferId: leads.transferId, brochureEmailId: leads.brochureEmailId });
    if (rows.length > 0) {
      await db
        .update(leadCallbacks)
        .set({ note: '' })
        .where(
          inArray(
            leadCallbacks.leadId,
            rows.map((row) => row.id),
          ),
        );
    }
    return rows;
  },

  /**
   * Erases the recipient and content of brochure e-mails (the customer's address, and a body and
   * subject rendered with the lead's values); the attachment, which is the same brochure for
   * everyone, and the delivery record stay. A mail still queued is marked failed so it is never
   * sent to an erased address. Returns the e-mails erased now.
   */
  eraseBrochureEmails: async (db: Database, outboxIds: readonly string[]): Promise<string[]> => {
    if (outboxIds.length === 0) return [];
    const rows = await db
      .update(emailOutbox)
      .set({
        toAddress: '',
        subject: '',
        text: '',
        html: null,
        status: sql`case when ${emailOutbox.status} = 'queued' then 'failed' else ${emailOutbox.status} end`,
        // The reason as a catalogue key (emails.erasedBeforeSending), worded for each reader.
        lastError: sql`case when ${emailOutbox.status} = 'queued' then 'emails.erasedBeforeSending' else ${emailOutbox.lastError} end`,
      })
      .where(and(inArray(emailOutbox.id, [...outboxIds]), ne(emailOutbox.toAddress, '')))
      .returning({ id: emailOutbox.id });
    return rows.map((row) => row.id);
  },

  appendCallback: async (
    db: Database,
    codec: FieldCodec,
    values: typeof leadCallbacks.$inferInsert,
  ): Promise<void> => {
    await db.insert(leadCallbacks).values(sealRow(codec, sealedTables.leadCallbacks, values));
  },

  listCallbacks: async (db: Database, codec: FieldCodec, leadId: string): Promise<LeadCallbackRow[]> => {
    const rows = await db
      .select({ callback: leadCallbacks, actorName: users.name })
      .from(leadCallbacks)
      .leftJoin(users, eq(users.id, leadCallbacks.actorId))
      .where(eq(leadCallbacks.leadId, leadId))
      .orderBy(asc(leadCallbacks.attempt));
    return rows.map((row) => ({
      ...openRow(codec, sealedTables.leadCallbacks, row.callback),
      actorName: row.actorName,
    }));
  },

  /** The outbox e-mail of a lead's brochure (subject, body, attachments, delivery state). */
  findBrochureEmail: async (
    db: Database,
    codec: FieldCodec,
    outboxId: string,
  ): Promise<OutboxEmailRow | undefined> => {
    const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId)).limit(1);
    const row = rows[0];
    return row ? openRow(codec, sealedTables.emailOutbox, row) : undefined;
  },

  insertBrochureFile: async (
    db: Database,
    values: typeof brochureFiles.$inferInsert,
  ): Promise<BrochureFileRow> => {
    const rows = await db.insert(brochureFiles).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into brochure_files returned no row');
    return row;
  },

  /** The brochure admins uploaded last, without its bytes: what a sign-up e-mail refers to. */
  findLatestBrochureReference: async (
    db: Database,
  ): Promise<{ id: string; fileName: string; sizeBytes: number } | undefined> => {
    const rows = await db
      .select({ id: brochureFiles.id, fileName: brochureFiles.fileName, sizeBytes: brochureFiles.sizeBytes })
      .from(brochureFiles)
      .orderBy(desc(brochureFiles.uploadedAt), desc(brochureFiles.id))
      .limit(1);
    return rows[0];
  },

  /** An uploaded brochure's bytes (base64), to attach when its e-mail is sent. */
  findBrochureContent: async (db: Database, id: string): Promise<string | undefined> => {
    const rows = await db
      .select({ contentBase64: brochureFiles.contentBase64 })
      .from(brochureFiles)
      .where(eq(brochureFiles.id, id))
      .limit(1);
    return rows[0]?.contentBase64;
  },

  /** The brochure admins uploaded last, if any. */
  findLatestBrochureFile: async (db: Database): Promise<BrochureFileRow | undefined> => {
    const rows = await db
      .select()
      .from(brochureFiles)
      .orderBy(desc(brochureFiles.uploadedAt), desc(brochureFiles.id))
      .limit(1);
    return rows[0];
  },
};
