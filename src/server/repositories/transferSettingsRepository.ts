import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../contract/users/roleSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { users } from '../db/schema.ts';
import { transferAssignees, transferTypeSettings } from '../db/transferSchema.ts';

/** An inquiry type's stored settings. */
export type TransferTypeSettingsRow = typeof transferTypeSettings.$inferSelect;
/** A member of an inquiry type's rotation, with what screens and e-mails need about them. */
export type TransferAssigneeRow = {
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

/** SQL for per-inquiry-type SLA rules and assignee rotations. */
export const transferSettingsRepository = {
  listTypeSettings: (db: Database): Promise<TransferTypeSettingsRow[]> =>
    db.select().from(transferTypeSettings).orderBy(asc(transferTypeSettings.inquiryType)),

  findTypeSettings: async (
    db: Database,
    inquiryType: number,
  ): Promise<TransferTypeSettingsRow | undefined> => {
    const rows = await db
      .select()
      .from(transferTypeSettings)
      .where(eq(transferTypeSettings.inquiryType, inquiryType))
      .limit(1);
    return rows[0];
  },

  /**
   * Locks an inquiry type's settings row for the transaction (creating it with the default SLA when
   * missing), so concurrent filings of one type take turns on the rotation cursor.
   */
  lockTypeSettings: async (
    db: Database,
    inquiryType: number,
    defaults: {
      slaKind: TransferTypeSettingsRow['slaKind'];
      slaTime: string | null;
      slaMinutes: number | null;
    },
  ): Promise<TransferTypeSettingsRow> => {
    // One statement: creates the row with the defaults, or locks the existing one (a no-op update
    // takes the row lock as FOR UPDATE would) and returns it.
    const rows = await db
      .insert(transferTypeSettings)
      .values({ inquiryType, ...defaults })
      .onConflictDoUpdate({
        target: transferTypeSettings.inquiryType,
        set: { slaKind: sql`${transferTypeSettings.slaKind}` },
      })
      .returning();
    const row = rows[0];
    if (!row) throw new Error(`transfer settings for type ${inquiryType} vanished`);
    return row;
  },

  upsertTypeSettings: async (
    db: Database,
    values: {
      inquiryType: number;
      slaKind: TransferTypeSettingsRow['slaKind'];
      slaTime: string | null;
      slaMinutes: number | null;
      updatedBy: string;
      updatedAt: Date;
    },
  ): Promise<void> => {
    const { inquiryType, ...rest } = values;
    await db
      .insert(transferTypeSettings)
      .values(values)
      .onConflictDoUpdate({ target: transferTypeSettings.inquiryType, set: rest });
  },

  setLastAssignee: async (db: Database, inquiryType: number, userId: string): Promise<void> => {
    await db
      .update(transferTypeSettings)
      .set({ lastAssigneeId: userId })
      .where(eq(transferTypeSettings.inquiryType, inquiryType));
  },

  listAssignees: async (db: Database, inquiryTypes?: readonly number[]): Promise<TransferAssigneeRow[]> => {
    const query = db
      .select(assigneeColumns)
      .from(transferAssignees)
      .innerJoin(users, eq(users.id, transferAssignees.userId));
    const rows = await (inquiryTypes
      ? query.where(inArray(transferAssignees.inquiryType, [...inquiryTypes]))
      : query
    ).orderBy(asc(transferAssignees.inquiryType), asc(transferAssignees.position));
    return rows.map(toAssignee);
  },

  replaceAssignees: async (
    db: Database,
    inquiryType: number,
    members: ReadonlyArray<{ userId: string; onDuty: boolean }>,
  ): Promise<void> => {
    await db.delete(transferAssignees).where(eq(transferAssignees.inquiryType, inquiryType));
    if (members.length === 0) return;
    await db
      .insert(transferAssignees)
      .values(members.map((member, position) => ({ inquiryType, position, ...member })));
  },
};
