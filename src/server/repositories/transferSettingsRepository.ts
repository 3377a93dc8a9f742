import { and, asc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Role, roleSchema } from '../../contract/users/roleSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { PrebuiltStatement } from '../db/prebuiltStatement.ts';
import { users } from '../db/schema.ts';
import { transferAssignees, transfers, transferTypeSettings } from '../db/transferSchema.ts';

/** An inquiry type's stored settings. */
export type TransferTypeSettingsRow = typeof transferTypeSettings.$inferSelect;
/** An inquiry type of a guide: settings and rotations are kept per guide. */
export type TransferTypeKey = { guideId: string; inquiryType: number };

/** A member of an inquiry type's rotation, with what screens and e-mails need about them. */
export type TransferAssigneeRow = {
  guideId: string;
  inquiryType: number;
  userId: string;
  position: number;
  onDuty: boolean;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
};

const assigneeColumns = {
  guideId: transferAssignees.guideId,
  inquiryType: transferAssignees.inquiryType,
  userId: transferAssignees.userId,
  position: transferAssignees.position,
  onDuty: transferAssignees.onDuty,
  name: users.name,
  email: users.email,
  role: users.role,
  disabledAt: users.disabledAt,
};

function toAssignee(row: {
  guideId: string;
  inquiryType: number;
  userId: string;
  position: number;
  onDuty: boolean;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
}): TransferAssigneeRow {
  const { disabledAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null };
}

// The rotation as lockTypeSettings reads it along with the settings row (json_agg, ordered by position).
const lockedRotationSchema = z.array(
  z.object({
    userId: z.string(),
    position: z.number().int(),
    onDuty: z.boolean(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
  }),
);

const lockedSettings = {
  ...getTableColumns(transferTypeSettings),
  // Each member's account row is share-locked as it is read: a disable of one of them (an update
  // of that row) that committed while this statement waited for the settings row is then read as
  // it is now, not as the statement's snapshot had it, and a disable that comes after waits for
  // the filing to commit. Either way no transfer is rotated to a person being disabled.
  rotation: sql<unknown>`(
    select coalesce(json_agg(json_build_object(
      'userId', member.user_id, 'position', member.position, 'onDuty', member.on_duty,
      'name', member.name, 'email', member.email, 'role', member.role,
      'disabled', member.disabled_at is not null
    ) order by member.position), '[]'::json)
    from (
      select ${transferAssignees.userId} as user_id, ${transferAssignees.position} as position,
             ${transferAssignees.onDuty} as on_duty, ${users.name} as name, ${users.email} as email,
             ${users.role} as role, ${users.disabledAt} as disabled_at
      from ${transferAssignees} join ${users} on ${users.id} = ${transferAssignees.userId}
      where ${transferAssignees.guideId} = ${sql.placeholder('lock_guideId')}
        and ${transferAssignees.inquiryType} = ${sql.placeholder('lock_inquiryType')}
      for share of ${users}
    ) as member)`.as('rotation'),
};

// Creates the row with the defaults, or locks the existing one (a no-op update takes the row lock
// as FOR UPDATE would) and returns it with the rotation. Its values are the placeholders lock_*.
const lockSettings = (db: Database) =>
  db
    .insert(transferTypeSettings)
    .values({
      guideId: sql.placeholder('lock_guideId'),
      inquiryType: sql.placeholder('lock_inquiryType'),
      slaKind: sql.placeholder('lock_slaKind'),
      slaTime: sql.placeholder('lock_slaTime'),
      slaMinutes: sql.placeholder('lock_slaMinutes'),
    })
    .onConflictDoUpdate({
      target: [transferTypeSettings.guideId, transferTypeSettings.inquiryType],
      set: { slaKind: sql`${transferTypeSettings.slaKind}` },
    })
    .returning(lockedSettings);

// On the filing path when the caller did not lock the type already: built once.
const lockTypeSettingsStatement = new PrebuiltStatement(lockSettings, lockedSettings);

/** The SLA columns a type's settings row is created with when it has none yet. */
export type TransferSettingsDefaults = {
  slaKind: TransferTypeSettingsRow['slaKind'];
  slaTime: string | null;
  slaMinutes: number | null;
};

/** An inquiry type to lock the settings of, and the SLA its row is created with when missing. */
export type TypeSettingsLock = { key: TransferTypeKey; defaults: TransferSettingsDefaults };

/** What filing reads of an inquiry type under its lock: its settings and its rotation. */
export type LockedTypeSettings = { settings: TransferTypeSettingsRow; assignees: TransferAssigneeRow[] };

const assigneesOf = (key: TransferTypeKey, rotation: unknown): TransferAssigneeRow[] =>
  lockedRotationSchema.parse(rotation).map((member) => ({ ...key, ...member }));

// lockExpression's row as its statement returns it: the settings row and the rotation, as json.
const lockedRowSchema = z.object({
  guide_id: z.string(),
  inquiry_type: z.number().int(),
  sla_kind: z.enum(transferTypeSettings.slaKind.enumValues),
  sla_time: z.string().nullable(),
  sla_minutes: z.number().int().nullable(),
  last_assignee_id: z.string().nullable(),
  updated_by: z.string().nullable(),
  updated_at: z.coerce.date(),
  rotation: z.unknown(),
});

const settingsOf = (key: TransferTypeKey) =>
  and(eq(transferTypeSettings.guideId, key.guideId), eq(transferTypeSettings.inquiryType, key.inquiryType));

/** SQL for per-inquiry-type SLA rules and assignee rotations, kept per guide. */
export const transferSettingsRepository = {
  listTypeSettings: (db: Database): Promise<TransferTypeSettingsRow[]> =>
    db
      .select()
      .from(transferTypeSettings)
      .orderBy(asc(transferTypeSettings.guideId), asc(transferTypeSettings.inquiryType)),

  findTypeSettings: async (
    db: Database,
    key: TransferTypeKey,
  ): Promise<TransferTypeSettingsRow | undefined> => {
    const rows = await db.select().from(transferTypeSettings).where(settingsOf(key)).limit(1);
    return rows[0];
  },

  /**
   * Locks an inquiry type's settings row for the transaction (creating it with the default SLA when
   * missing), so concurrent filings of one type take turns on the rotation cursor, and returns it
   * with the type's rotation as listAssignees would (read under the lock, in the same statement:
   * filing is on every finished call's path).
   */
  lockTypeSettings: async (
    db: Database,
    key: TransferTypeKey,
    defaults: TransferSettingsDefaults,
  ): Promise<LockedTypeSettings> => {
    const rows = await lockTypeSettingsStatement.runOnly(
      db,
      transferSettingsRepository.lockValues(key, defaults),
    );
    const row = rows[0];
    if (!row) throw new Error(`transfer settings for ${key.guideId} type ${key.inquiryType} vanished`);
    const { rotation, ...settings } = row;
    return { settings, assignees: assigneesOf(key, rotation) };
  },

  /**
   * lockTypeSettings as a common table expression (`locked_settings`), for the statement before the
   * filing in the same transaction (finishing a consultation locks the type with the completing
   * UPDATE): one round trip fewer. Its values are lockValues'; lockedOf reads its row, selected
   * whole as json (`row_to_json(locked_settings)`).
   */
  lockExpression: (db: Database) => db.$with('locked_settings').as(lockSettings(db)),

  /** The placeholder values of lockTypeSettings and lockExpression. */
  lockValues: (key: TransferTypeKey, defaults: TransferSettingsDefaults): Record<string, unknown> => ({
    lock_guideId: key.guideId,
    lock_inquiryType: key.inquiryType,
    lock_slaKind: defaults.slaKind,
    lock_slaTime: defaults.slaTime,
    lock_slaMinutes: defaults.slaMinutes,
  }),

  /** lockExpression's row (as `row_to_json` gave it) as lockTypeSettings returns it. */
  lockedOf: (key: TransferTypeKey, json: unknown): LockedTypeSettings => {
    const { rotation, ...row } = lockedRowSchema.parse(json);
    return {
      settings: {
        guideId: row.guide_id,
        inquiryType: row.inquiry_type,
        slaKind: row.sla_kind,
        slaTime: row.sla_time,
        slaMinutes: row.sla_minutes,
        lastAssigneeId: row.last_assignee_id,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      },
      assignees: assigneesOf(key, rotation),
    };
  },

  upsertTypeSettings: async (
    db: Database,
    values: {
      guideId: string;
      inquiryType: number;
      slaKind: TransferTypeSettingsRow['slaKind'];
      slaTime: string | null;
      slaMinutes: number | null;
      updatedBy: string;
      updatedAt: Date;
    },
  ): Promise<void> => {
    const { guideId, inquiryType, ...rest } = values;
    await db
      .insert(transferTypeSettings)
      .values(values)
      .onConflictDoUpdate({
        target: [transferTypeSettings.guideId, transferTypeSettings.inquiryType],
        set: rest,
      });
  },

  /**
   * Moves the type's rotation cursor to the member just given a transfer, as a common table
   * expression (`rotated`) for the statement that files it: the settings row is locked already
   * (lockTypeSettings), and the cursor moves exactly when the transfer is written. Its values are
   * the placeholders rotation_guideId, rotation_inquiryType and rotation_assigneeId (the filing
   * statement is built once, see PrebuiltStatement).
   */
  advanceRotationExpression: (db: Database) =>
    db.$with('rotated').as(
      db
        .update(transferTypeSettings)
        .set({ lastAssigneeId: sql`${sql.placeholder('rotation_assigneeId')}` })
        .where(
          and(
            eq(transferTypeSettings.guideId, sql.placeholder('rotation_guideId')),
            eq(transferTypeSettings.inquiryType, sql.placeholder('rotation_inquiryType')),
          ),
        )
        .returning({ lastAssigneeId: transferTypeSettings.lastAssigneeId }),
    ),

  /** Moves a type's rotation cursor to the member just given a transfer (outside filing's statement). */
  setLastAssignee: async (db: Database, key: TransferTypeKey, assigneeId: string): Promise<void> => {
    await db.update(transferTypeSettings).set({ lastAssigneeId: assigneeId }).where(settingsOf(key));
  },

  /** Every rotation, or one inquiry type's. */
  listAssignees: async (db: Database, key?: TransferTypeKey): Promise<TransferAssigneeRow[]> => {
    const query = db
      .select(assigneeColumns)
      .from(transferAssignees)
      .innerJoin(users, eq(users.id, transferAssignees.userId));
    const rows = await (key
      ? query.where(
          and(eq(transferAssignees.guideId, key.guideId), eq(transferAssignees.inquiryType, key.inquiryType)),
        )
      : query
    ).orderBy(
      asc(transferAssignees.guideId),
      asc(transferAssignees.inquiryType),
      asc(transferAssignees.position),
    );
    return rows.map(toAssignee);
  },

  /**
   * The inquiry types a person is in the rotation of or holds open (not closed) work of, in the
   * order filings and hand-overs lock types (guide, then type number), so a caller locking them
   * all in turn never waits on another in the opposite order.
   */
  typesOfPerson: async (db: Database, userId: string): Promise<TransferTypeKey[]> => {
    const rotations = db
      .select({ guideId: transferAssignees.guideId, inquiryType: transferAssignees.inquiryType })
      .from(transferAssignees)
      .where(eq(transferAssignees.userId, userId));
    const held = db
      .select({ guideId: transfers.guideId, inquiryType: transfers.inquiryType })
      .from(transfers)
      .where(and(eq(transfers.assigneeId, userId), ne(transfers.status, 'closed')));
    // Ordered by the database, as the hand-over orders the items it locks (its collation).
    return rotations.union(held).orderBy(sql`guide_id`, sql`inquiry_type`);
  },

  replaceAssignees: async (
    db: Database,
    key: TransferTypeKey,
    members: ReadonlyArray<{ userId: string; onDuty: boolean }>,
  ): Promise<void> => {
    await db
      .delete(transferAssignees)
      .where(
        and(eq(transferAssignees.guideId, key.guideId), eq(transferAssignees.inquiryType, key.inquiryType)),
      );
    if (members.length === 0) return;
    await db
      .insert(transferAssignees)
      .values(members.map((member, position) => ({ ...key, position, ...member })));
  },
};
