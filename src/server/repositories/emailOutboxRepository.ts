import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, like, lt, ne, notExists, or, sql } from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { firstRunSteps } from '../db/firstRunSchema.ts';
import { emailOutbox, type OutboxAttachment } from '../db/jobsSchema.ts';
import { leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { transferEvents } from '../db/transferSchema.ts';
import { sealedTables } from './sealedTables.ts';

/** An outbox row, recipient, subject and body in clear (sealed at rest: they may name a customer). */
export type OutboxEmailRow = Opened<typeof emailOutbox.$inferSelect>;

/** A queued e-mail this worker may now send. */
export type ClaimedEmail = {
  kind: 'claimed';
  email: OutboxEmailRow;
  /** A previous claim expired without an outcome: that attempt was cut off and may have been delivered. */
  interrupted: boolean;
};

/** Why an e-mail could not be claimed: it is done with (sent, given up, gone) or another sender holds it until `until`. */
export type UnclaimableEmail = { kind: 'finished' } | { kind: 'busy'; until: Date };

/** The e-mail outbox's delivery bookkeeping. No network I/O ever happens inside these statements. */
export const emailOutboxRepository = {
  /** Inserts an e-mail unless one with its dedupe key exists; returns the new id, or undefined. */
  insertOnce: async (
    db: Database,
    codec: FieldCodec,
    values: Omit<typeof emailOutbox.$inferInsert, 'messageId'>,
  ): Promise<string | undefined> => {
    const rows = await db
      .insert(emailOutbox)
      .values(sealRow(codec, sealedTables.emailOutbox, { ...values, messageId: `<${randomUUID()}@ieum>` }))
      .onConflictDoNothing()
      .returning({ id: emailOutbox.id });
    return rows[0]?.id;
  },

  findIdByDedupeKey: async (db: Database, dedupeKey: string): Promise<string | undefined> => {
    const rows = await db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, dedupeKey))
      .limit(1);
    return rows[0]?.id;
  },

  /**
   * Reserves a queued e-mail for one sender until `until` and counts the attempt, in a short
   * transaction of its own, committed before anyone talks SMTP. Otherwise says whether the
   * e-mail is done with (sent, given up) or held by another sender, and until when.
   */
  claimForSending: async (
    db: Database,
    codec: FieldCodec,
    claim: { id: string; by: string; now: Date; until: Date },
  ): Promise<ClaimedEmail | UnclaimableEmail> =>
    db.transaction(async (tx): Promise<ClaimedEmail | UnclaimableEmail> => {
      const [email] = await tx
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.id, claim.id))
        .for('update')
        .limit(1);
      if (email?.status !== 'queued') return { kind: 'finished' };
      if (email.sendClaimedUntil !== null && email.sendClaimedUntil >= claim.now) {
        return { kind: 'busy', until: email.sendClaimedUntil };
      }
      const [updated] = await tx
        .update(emailOutbox)
        .set({ sendClaimedUntil: claim.until, sendClaimedBy: claim.by, attempts: email.attempts + 1 })
        .where(eq(emailOutbox.id, claim.id))
        .returning();
      if (!updated) return { kind: 'finished' };
      return {
        kind: 'claimed',
        email: openRow(codec, sealedTables.emailOutbox, updated),
        interrupted: email.sendClaimedUntil !== null,
      };
    }),

  /** Pushes this sender's claim further out while the SMTP conversation goes on. */
  extendClaim: async (db: Database, claim: { id: string; by: string; until: Date }): Promise<void> => {
    await db
      .update(emailOutbox)
      .set({ sendClaimedUntil: claim.until })
      .where(and(eq(emailOutbox.id, claim.id), eq(emailOutbox.sendClaimedBy, claim.by)));
  },

  /**
   * Marks a claimed e-mail sent (call in the transaction that also tells whoever queued it). False
   * when it is no longer queued — the retention purge gave it up meanwhile — so nobody hears twice.
   */
  recordSent: async (db: Database, id: string, sentAt: Date): Promise<boolean> =>
    (
      await db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt, lastError: null, sendClaimedUntil: null, sendClaimedBy: null })
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'queued')))
        .returning({ id: emailOutbox.id })
    ).length > 0,

  /** Records a failed attempt and releases the claim; `final` gives the e-mail up ('failed'). */
  recordFailure: async (
    db: Database,
    failure: { id: string; by: string; lastError: string; final: boolean },
  ): Promise<void> => {
    await db
      .update(emailOutbox)
      .set({
        lastError: failure.lastError,
        sendClaimedUntil: null,
        sendClaimedBy: null,
        ...(failure.final ? { status: 'failed' as const } : {}),
      })
      .where(
        and(
          eq(emailOutbox.id, failure.id),
          eq(emailOutbox.status, 'queued'),
          eq(emailOutbox.sendClaimedBy, failure.by),
        ),
      );
  },

  /** Makes every claim on a queued e-mail expired (its sender is known to be gone), keeping the trace of it. */
  expireAllClaims: async (db: Database): Promise<void> => {
    await db
      .update(emailOutbox)
      .set({ sendClaimedUntil: new Date(0) })
      .where(and(eq(emailOutbox.status, 'queued'), isNotNull(emailOutbox.sendClaimedUntil)));
  },

  /** One outbox e-mail's delivery state, locked for the caller's transaction. */
  lockById: async (db: Database, id: string): Promise<Pick<OutboxEmailRow, 'id' | 'status'> | undefined> =>
    (
      await db
        .select({ id: emailOutbox.id, status: emailOutbox.status })
        .from(emailOutbox)
        .where(eq(emailOutbox.id, id))
        .for('update')
        .limit(1)
    )[0],

  /** Puts a given-up e-mail back in the queue (a person asked to send it again). */
  requeueFailed: async (db: Database, id: string): Promise<void> => {
    await db
      .update(emailOutbox)
      .set({ status: 'queued', lastError: null, sendClaimedUntil: null, sendClaimedBy: null })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')));
  },

  /**
   * Points the brochure attachment of every sign-up e-mail not sent yet — queued, or given up and
   * so still resendable — and held by no sender (one being sent, or cut off mid-send, keeps what it
   * went out with) at `brochure`; the attachment keeps its file name. Returns how many changed.
   */
  reattachUnsentBrochures: async (
    db: Database,
    dedupePrefix: string,
    brochure: Omit<OutboxAttachment, 'filename' | 'contentBase64'>,
  ): Promise<number> => {
    const unsent = await db
      .select({ id: emailOutbox.id, attachments: emailOutbox.attachments })
      .from(emailOutbox)
      .where(
        and(
          inArray(emailOutbox.status, ['queued', 'failed']),
          isNull(emailOutbox.sendClaimedUntil),
          like(emailOutbox.dedupeKey, `${dedupePrefix}%`),
        ),
      )
      .for('update', { skipLocked: true });
    for (const row of unsent) {
      const attachments = row.attachments.map((attachment) =>
        attachment.brochureFileId !== undefined || attachment.path !== undefined
          ? { filename: attachment.filename, ...brochure }
          : attachment,
      );
      await db.update(emailOutbox).set({ attachments }).where(eq(emailOutbox.id, row.id));
    }
    return unsent.length;
  },

  /** Ids of every e-mail still waiting to be sent, oldest first. */
  listQueuedIds: async (db: Database): Promise<string[]> =>
    (
      await db
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(eq(emailOutbox.status, 'queued'))
        .orderBy(asc(emailOutbox.createdAt))
    ).map((row) => row.id),

  /** Notes on a queued e-mail why it waits (no SMTP server configured). */
  noteWaiting: async (db: Database, id: string, reason: string): Promise<void> => {
    await db
      .update(emailOutbox)
      .set({ lastError: reason })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'queued')));
  },

  /**
   * Withdraws an e-mail not sent yet: deleted while it waits in the outbox and no worker is
   * talking SMTP for it (one that is cannot be stopped). True when it was withdrawn. A lead
   * finished before its brochure went (QA-10 M5): the customer who declined, or already signed up,
   * would otherwise be told the team will call them about joining.
   */
  withdrawQueued: async (db: Database, id: string, now: Date): Promise<boolean> =>
    (
      await db
        .delete(emailOutbox)
        .where(
          and(
            eq(emailOutbox.id, id),
            eq(emailOutbox.status, 'queued'),
            or(isNull(emailOutbox.sendClaimedUntil), lt(emailOutbox.sendClaimedUntil, now)),
          ),
        )
        .returning({ id: emailOutbox.id })
    ).length > 0,

  /**
   * Deletes the staff notices about these transfers — the assignment, status, comment and mention
   * e-mails announceTransferChange queues, keyed `transfer:<history id>:<user id>` — queued or
   * kept. Called where a transfer's personal data is erased: a notice still queued would otherwise
   * go out afterwards with the erased inquiry and comment text, and a kept one holds them (QA-10 H2).
   * A notice a worker is sending at this very moment cannot be stopped; its outcome then records
   * nothing. Returns how many were deleted.
   */
  deleteTransferNotices: async (db: Database, transferIds: readonly string[]): Promise<number> =>
    transferIds.length === 0
      ? 0
      : (
          await db
            .delete(emailOutbox)
            .where(
              and(
                like(emailOutbox.dedupeKey, 'transfer:%'),
                inArray(
                  sql`split_part(${emailOutbox.dedupeKey}, ':', 2)`,
                  db
                    .select({ id: sql`${transferEvents.id}::text` })
                    .from(transferEvents)
                    .where(inArray(transferEvents.transferId, [...transferIds])),
                ),
              ),
            )
            .returning({ id: emailOutbox.id })
        ).length,

  /**
   * Deletes outbox e-mails that are nobody's record — staff notices (assigned, mentioned) and
   * superseded SMTP test mails — queued before `before` and no longer being sent: sent, given up,
   * or still queued with no sender holding them (a notice a month late is no use). A lead's brochure
   * e-mail follows its lead (leadPurger), and the latest test mail, which the first-run checklist
   * reads, is kept (eraseKeptTestMailsBefore). Returns how many went.
   */
  deleteStaffMailBefore: async (db: Database, before: Date, now: Date): Promise<number> =>
    (
      await db
        .delete(emailOutbox)
        .where(
          and(
            lt(emailOutbox.createdAt, before),
            or(
              inArray(emailOutbox.status, ['sent', 'failed']),
              isNull(emailOutbox.sendClaimedUntil),
              lt(emailOutbox.sendClaimedUntil, now),
            ),
            notExists(
              db.select({ id: leads.id }).from(leads).where(eq(leads.brochureEmailId, emailOutbox.id)),
            ),
            notExists(
              db
                .select({ step: firstRunSteps.step })
                .from(firstRunSteps)
                .where(eq(firstRunSteps.testMailId, emailOutbox.id)),
            ),
          ),
        )
        .returning({ id: emailOutbox.id })
    ).length,

  /**
   * The latest SMTP test mail queued before `before` and done with (sent or given up): recipient,
   * subject and body cleared, its delivery record (status, times, error) kept for the checklist,
   * which shows the masked recipient it keeps itself. Returns how many were erased.
   */
  eraseKeptTestMailsBefore: async (db: Database, before: Date): Promise<number> =>
    (
      await db
        .update(emailOutbox)
        .set({ toAddress: '', subject: '', text: '', html: null, attachments: [] })
        .where(
          and(
            lt(emailOutbox.createdAt, before),
            inArray(emailOutbox.status, ['sent', 'failed']),
            ne(emailOutbox.toAddress, ''),
            inArray(
              emailOutbox.id,
              db
                .select({ id: firstRunSteps.testMailId })
                .from(firstRunSteps)
                .where(isNotNull(firstRunSteps.testMailId)),
            ),
          ),
        )
        .returning({ id: emailOutbox.id })
    ).length,
};
