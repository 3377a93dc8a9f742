import {
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
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
import { kakaoConversations } from '../db/kakaoSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { PrebuiltStatement } from '../db/prebuiltStatement.ts';
import { consultations, users } from '../db/schema.ts';
import { type IdempotencyKeyClaim, idempotencyRepository } from './idempotencyRepository.ts';
import { sealedTables } from './sealedTables.ts';
import {
  type LockedTypeSettings,
  type TypeSettingsLock,
  transferSettingsRepository,
} from './transferSettingsRepository.ts';

/** A consultation row, personal fields in clear (sealed at rest, see sealedTables.ts). */
export type ConsultationRow = Opened<typeof consultations.$inferSelect>;
/** A consultation with its agent's name, as lists show it. */
export type ConsultationWithAgent = { consultation: ConsultationRow; agentName: string };
/** What is written: personal fields in clear; the repository seals them and computes the blind index. */
export type ConsultationValues = Omit<typeof consultations.$inferInsert, 'personalIndex' | 'callerIndex'>;

const withAgent = { consultation: consultations, agentName: users.name };
const open = (
  codec: FieldCodec,
  row: typeof consultations.$inferSelect,
  sealedNow?: ReadonlyMap<string, string>,
) => openRow(codec, sealedTables.consultations, row, sealedNow);
const seal = <Values extends Partial<ConsultationValues>>(
  codec: FieldCodec,
  values: Values,
  write: 'insert' | 'update',
  sealedNow?: Map<string, string>,
) => sealRow(codec, sealedTables.consultations, values, write, sealedNow);
const openWithAgent = (
  codec: FieldCodec,
  rows: Array<{ consultation: typeof consultations.$inferSelect; agentName: string }>,
): ConsultationWithAgent[] => rows.map((row) => ({ ...row, consultation: open(codec, row.consultation) }));

// Read on every completion and finish (the check before the write): built once.
const findByIdStatement = new PrebuiltStatement(
  (db) =>
    db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(eq(consultations.id, sql.placeholder('id')))
      .limit(1),
  withAgent,
);

// What the completing UPDATE returns: the row, and the type settings it locked (null when none).
const completed = (lockedSettings: SQL<unknown>) => ({ ...getTableColumns(consultations), lockedSettings });

/**
 * The completing UPDATE, one text per shape: which columns the completion sets, whether an
 * Idempotency-Key is claimed in the same statement (`claimed`), and whether it locks the settings
 * of the inquiry type a transfer will be filed under (`locked_settings`).
 */
const completeStatement = new PrebuiltStatement((db, shape: string) => {
  const [claim, lock, columns = ''] = shape.split(':');
  const set = Object.fromEntries(
    columns.split(',').map((column) => [column, sql.placeholder(`set_${column}`)]),
  );
  const claimed = claim === 'claim' ? idempotencyRepository.claimExpression(db) : undefined;
  const locked = lock === 'lock' ? transferSettingsRepository.lockExpression(db) : undefined;
  const ctes = [...(claimed ? [claimed] : []), ...(locked ? [locked] : [])];
  return (ctes.length > 0 ? db.with(...ctes) : db)
    .update(consultations)
    .set({ ...set, status: 'completed' })
    .where(
      and(
        eq(consultations.id, sql.placeholder('id')),
        eq(consultations.status, 'open'),
        claimed ? sql`exists (select 1 from ${claimed})` : undefined,
      ),
    )
    .returning(completed(locked ? sql`(select row_to_json(${locked}) from ${locked})` : sql`null::json`));
}, completed(sql``));

/** SQL for consultations. */
export const consultationRepository = {
  insert: async (db: Database, codec: FieldCodec, values: ConsultationValues): Promise<ConsultationRow> => {
    const rows = await db
      .insert(consultations)
      .values(seal(codec, values, 'insert'))
      .returning();
    const row = rows[0];
    if (!row) throw new Error('insert into consultations returned no row');
    return open(codec, row);
  },

  findById: async (db: Database, codec: FieldCodec, id: string): Promise<ConsultationWithAgent | undefined> =>
    openWithAgent(codec, await findByIdStatement.runOnly(db, { id }))[0],

  /** Who a consultation belongs to and where it stands, without opening its personal fields. */
  findOwner: async (
    db: Database,
    id: string,
  ): Promise<{ agentId: string; status: ConsultationRow['status'] } | undefined> => {
    const rows = await db
      .select({ agentId: consultations.agentId, status: consultations.status })
      .from(consultations)
      .where(eq(consultations.id, id))
      .limit(1);
    return rows[0];
  },

  /**
   * Completes an open consultation; returns undefined when it was not open (already completed by a
   * retry). With `lockSettings` the statement also locks that inquiry type's transfer settings (as
   * transferSettingsRepository.lockTypeSettings does) for the transfer the caller files next.
   */
  complete: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    values: Partial<ConsultationValues>,
    options: {
      /**
       * An Idempotency-Key to claim in the same statement: the row is completed only when this
       * statement claimed the key, so undefined then also means the key was taken.
       */
      claim?: IdempotencyKeyClaim;
      lockSettings?: TypeSettingsLock;
    } = {},
  ): Promise<{ row: ConsultationRow; lockedSettings?: LockedTypeSettings } | undefined> => {
    const { claim, lockSettings } = options;
    // The record supersedes the draft: the work in progress is not kept beside it.
    const sealedNow = new Map<string, string>();
    const sealed = seal(codec, { ...values, draft: null }, 'update', sealedNow);
    const set = Object.entries(sealed).filter(([, value]) => value !== undefined);
    const shape = [
      claim ? 'claim' : 'plain',
      lockSettings ? 'lock' : 'nolock',
      set.map(([column]) => column).join(','),
    ].join(':');
    const rows = await completeStatement.run(db, shape, {
      id,
      ...Object.fromEntries(set.map(([column, value]) => [`set_${column}`, value])),
      ...(claim ? idempotencyRepository.claimValues(codec, claim) : {}),
      ...(lockSettings ? transferSettingsRepository.lockValues(lockSettings.key, lockSettings.defaults) : {}),
    });
    const found = rows[0];
    if (!found) return undefined;
    const { lockedSettings, ...row } = found;
    return {
      row: open(codec, row, sealedNow),
      ...(lockSettings
        ? { lockedSettings: transferSettingsRepository.lockedOf(lockSettings.key, lockedSettings) }
        : {}),
    };
  },

  /** Consultations holding any of these blind indexes (phone or email), newest first. */
  findByPersonalIndex: async (
    db: Database,
    codec: FieldCodec,
    indexes: string[],
    limit: number,
  ): Promise<ConsultationWithAgent[]> =>
    openWithAgent(
      codec,
      await db
        .select(withAgent)
        .from(consultations)
        .innerJoin(users, eq(users.id, consultations.agentId))
        .where(arrayOverlaps(consultations.personalIndex, indexes))
        .orderBy(desc(consultations.startedAt))
        .limit(limit),
    ),

  /** Consultations whose personal data is due for erasure, oldest first (dry run: no locks). */
  listExpired: (
    db: Database,
    now: Date,
    limit: number,
  ): Promise<Array<{ id: string; retentionEndsAt: Date | null }>> =>
    db
      .select({ id: consultations.id, retentionEndsAt: consultations.retentionEndsAt })
      .from(consultations)
      .where(and(lte(consultations.retentionEndsAt, now), isNull(consultations.personalDataErasedAt)))
      .orderBy(asc(consultations.retentionEndsAt))
      .limit(limit),

  /**
   * Locks up to `limit` consultations due for erasure that no other transaction holds (FOR UPDATE
   * SKIP LOCKED): purges on several instances take disjoint batches. Call inside a transaction.
   */
  lockExpiredBatch: (
    db: Database,
    now: Date,
    limit: number,
  ): Promise<Array<{ id: string; retentionEndsAt: Date | null }>> =>
    db
      .select({ id: consultations.id, retentionEndsAt: consultations.retentionEndsAt })
      .from(consultations)
      .where(and(lte(consultations.retentionEndsAt, now), isNull(consultations.personalDataErasedAt)))
      .orderBy(asc(consultations.retentionEndsAt))
      .limit(limit)
      .for('update', { skipLocked: true }),

  /**
   * Erases the personal fields (caller number, record title, body and fields, their blind indexes)
   * and keeps the rest: channel, status, guide, path, type, outcome, category and times.
   * Returns the ids erased now (already-erased rows are left alone).
   */
  erasePersonalData: async (db: Database, ids: string[], at: Date): Promise<string[]> => {
    if (ids.length === 0) return [];
    const rows = await db
      .update(consultations)
      .set({
        callerNumber: null,
        recordTitle: null,
        recordBody: null,
        recordFields: null,
        draft: null,
        personalIndex: null,
        callerIndex: null,
        personalDataErasedAt: at,
      })
      .where(and(inArray(consultations.id, ids), isNull(consultations.personalDataErasedAt)))
      .returning({ id: consultations.id });
    return rows.map((row) => row.id);
  },

  /**
   * Stores a draft of an open consultation when its revision is newer than the stored one (last
   * write wins by revision, so a stale tab cannot overwrite a newer draft), and counts it as
   * activity. Returns undefined when the consultation is not open or the revision is stale.
   */
  saveDraft: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    values: {
      /** The draft as JSON, in clear (sealed here). */
      draft: string;
      /** The consultation's caller number in clear: the blind index covers it and the draft together. */
      callerNumber: string | null;
      draftRevision: number;
      draftSavedAt: Date;
    },
  ): Promise<{ draftRevision: number; draftSavedAt: Date | null } | undefined> => {
    // An open consultation has no record yet: its index is the caller number's and the draft's.
    const personal = seal(
      codec,
      {
        draft: values.draft,
        callerNumber: values.callerNumber,
        recordTitle: null,
        recordBody: null,
        recordFields: null,
      },
      'update',
    );
    const rows = await db
      .update(consultations)
      .set({
        ...personal,
        draftRevision: values.draftRevision,
        draftSavedAt: values.draftSavedAt,
        lastActivityAt: values.draftSavedAt,
      })
      .where(
        and(
          eq(consultations.id, id),
          eq(consultations.status, 'open'),
          lt(consultations.draftRevision, values.draftRevision),
        ),
      )
      .returning({ draftRevision: consultations.draftRevision, draftSavedAt: consultations.draftSavedAt });
    return rows[0];
  },

  /**
   * Up to `limit` open consultations idle since before `idleSince`, oldest activity first, locked
   * for the caller's transaction (rows another sweep holds are skipped), drafts opened: what the
   * abandonment sweep then marks with `abandon`. A KakaoTalk chat handed to agents and not yet
   * picked up since `handoffWaitingSince` is not idle: its customer was told a person will answer,
   * and it waits in the console's list (which shows hand-offs of that window) for one to.
   */
  lockIdle: async (
    db: Database,
    codec: FieldCodec,
    options: { idleSince: Date; handoffWaitingSince: Date; limit: number },
  ): Promise<ConsultationRow[]> => {
    const rows = await db
      .select()
      .from(consultations)
      .where(
        and(
          eq(consultations.status, 'open'),
          lt(consultations.lastActivityAt, options.idleSince),
          sql`not exists (select 1 from ${kakaoConversations}
                where ${kakaoConversations.consultationId} = ${consultations.id}
                  and ${kakaoConversations.status} = 'handed-off'
                  and ${kakaoConversations.claimedById} is null
                  and ${kakaoConversations.endedAt} >= ${options.handoffWaitingSince})`,
        ),
      )
      .orderBy(asc(consultations.lastActivityAt))
      .limit(options.limit)
      .for('update', { skipLocked: true });
    return rows.map((row) => open(codec, row));
  },

  /**
   * Marks consultations this transaction locked (lockIdle) abandoned, with what they keep of their
   * drafts (`kept`: the type chosen, on its guide) and, when given, a new retention end; returns
   * those it marked.
   */
  abandon: async (
    db: Database,
    ids: readonly string[],
    values: {
      at: Date;
      retentionEndsAt: Date | undefined;
      kept: Partial<Pick<ConsultationValues, 'guideId' | 'guideVersion' | 'scriptId' | 'inquiryType'>>;
    },
  ): Promise<Array<{ id: string; agentId: string }>> =>
    ids.length === 0
      ? []
      : db
          .update(consultations)
          .set({
            ...values.kept,
            status: 'abandoned',
            abandonedAt: values.at,
            ...(values.retentionEndsAt ? { retentionEndsAt: values.retentionEndsAt } : {}),
          })
          .where(and(inArray(consultations.id, [...ids]), eq(consultations.status, 'open')))
          .returning({ id: consultations.id, agentId: consultations.agentId }),

  /** Test servers only: moves a consultation's last activity `minutes` into the past (see testClockRoutes). */
  backdateActivity: async (db: Database, id: string, minutes: number): Promise<boolean> => {
    const rows = await db
      .update(consultations)
      .set({ lastActivityAt: sql`${consultations.lastActivityAt} - make_interval(mins => ${minutes})` })
      .where(eq(consultations.id, id))
      .returning({ id: consultations.id });
    return rows.length > 0;
  },

  /** How many consultations an agent has open (in progress): what disabling them would leave open. */
  countOpenByAgent: async (db: Database, agentId: string): Promise<number> => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(consultations)
      .where(and(eq(consultations.agentId, agentId), eq(consultations.status, 'open')));
    return row?.n ?? 0;
  },

  /** An agent's consultations still open (in progress), newest first. */
  listOpenByAgent: async (
    db: Database,
    codec: FieldCodec,
    agentId: string,
    limit: number,
  ): Promise<ConsultationWithAgent[]> =>
    openWithAgent(
      codec,
      await db
        .select(withAgent)
        .from(consultations)
        .innerJoin(users, eq(users.id, consultations.agentId))
        .where(and(eq(consultations.agentId, agentId), eq(consultations.status, 'open')))
        .orderBy(desc(consultations.startedAt))
        .limit(limit),
    ),

  /**
   * Consultations newest first (by start, then id), from after `before` when given, started in
   * [startedFrom, startedBefore) when given.
   */
  listRecent: async (
    db: Database,
    codec: FieldCodec,
    options: {
      agentId?: string;
      includeAbandoned?: boolean;
      limit: number;
      before?: { startedAt: Date; id: string };
      startedFrom?: Date;
      startedBefore?: Date;
    },
  ): Promise<ConsultationWithAgent[]> =>
    openWithAgent(
      codec,
      await db
        .select(withAgent)
        .from(consultations)
        .innerJoin(users, eq(users.id, consultations.agentId))
        .where(
          and(
            options.agentId ? eq(consultations.agentId, options.agentId) : undefined,
            options.includeAbandoned ? undefined : ne(consultations.status, 'abandoned'),
            options.startedFrom ? gte(consultations.startedAt, options.startedFrom) : undefined,
            options.startedBefore ? lt(consultations.startedAt, options.startedBefore) : undefined,
            options.before
              ? or(
                  lt(consultations.startedAt, options.before.startedAt),
                  and(
                    eq(consultations.startedAt, options.before.startedAt),
                    lt(consultations.id, options.before.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(consultations.startedAt), desc(consultations.id))
        .limit(options.limit),
    ),
};
