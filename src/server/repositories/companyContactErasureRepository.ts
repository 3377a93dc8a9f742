import { and, arrayOverlaps, asc, eq, inArray, lte } from 'drizzle-orm';
import { companies, companyContacts } from '../db/directorySchema.ts';
import type { Database } from '../db/openDatabase.ts';

/** A registered contact due for erasure: its company inactive since before the cutoff. */
export type ExpiredCompanyContact = { id: string; companyId: string; inactiveSince: Date | null };

const due = (cutoff: Date) => and(eq(companies.status, 'inactive'), lte(companies.inactiveSince, cutoff));

/** The erasure of the business directory's registered contacts (retention end, data-subject requests). */
export const companyContactErasureRepository = {
  /** Contacts of companies inactive since before `cutoff` (dry run: no locks). */
  listExpired: (db: Database, cutoff: Date, limit: number): Promise<ExpiredCompanyContact[]> =>
    db
      .select({
        id: companyContacts.id,
        companyId: companyContacts.companyId,
        inactiveSince: companies.inactiveSince,
      })
      .from(companyContacts)
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .where(due(cutoff))
      .orderBy(asc(companies.inactiveSince), asc(companyContacts.id))
      .limit(limit),

  /** The same, locked (FOR UPDATE SKIP LOCKED: purges on several instances take disjoint batches). */
  lockExpiredBatch: (db: Database, cutoff: Date, limit: number): Promise<ExpiredCompanyContact[]> =>
    db
      .select({
        id: companyContacts.id,
        companyId: companyContacts.companyId,
        inactiveSince: companies.inactiveSince,
      })
      .from(companyContacts)
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .where(due(cutoff))
      .orderBy(asc(companies.inactiveSince), asc(companyContacts.id))
      .limit(limit)
      .for('update', { of: companyContacts, skipLocked: true }),

  /** Deletes contacts; returns those deleted now. */
  deleteByIds: async (
    db: Database,
    ids: readonly string[],
  ): Promise<Array<{ id: string; companyId: string }>> =>
    ids.length === 0
      ? []
      : db
          .delete(companyContacts)
          .where(inArray(companyContacts.id, [...ids]))
          .returning({ id: companyContacts.id, companyId: companyContacts.companyId }),

  /** Deletes the contacts holding this blind index (a phone or e-mail); returns them. */
  deleteByContactIndex: (db: Database, index: string): Promise<Array<{ id: string; companyId: string }>> =>
    db
      .delete(companyContacts)
      .where(arrayOverlaps(companyContacts.contactIndex, [index]))
      .returning({ id: companyContacts.id, companyId: companyContacts.companyId }),
};
