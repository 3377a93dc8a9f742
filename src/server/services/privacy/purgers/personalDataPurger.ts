import type { RetentionPurgeReport } from '../../../../contract/privacy/retentionPurgeReportSchema.ts';
import type { FieldKeys } from '../../../crypto/loadFieldKeys.ts';
import type { Database } from '../../../db/openDatabase.ts';
import type { sealedTables } from '../../../repositories/sealedTables.ts';
import type { Erasure } from '../eraseTransferPersonalData.ts';

/** A declared table of the sealed-column registry (src/server/repositories/sealedTables.ts), by its key. */
export type SealedTableName = keyof typeof sealedTables;

/** One record whose retention has ended, as the purge report lists it (the contract's shape). */
export type ExpiredRecord = RetentionPurgeReport['records'][number];

/** The retention rules a purge applies, read once from the environment. */
export type RetentionPolicy = {
  /** When the purge runs. */
  now: Date;
  /** IEUM_RETENTION_DEFAULT_YEARS: how long a record with no retention of its own is kept. */
  defaultYears: number;
  /** Access-log rows before this instant are past IEUM_ACCESS_LOG_RETENTION_YEARS. */
  accessLogCutoff: Date;
  /** The keys of this run: the access-log purge appends its anchor to the keyed chain. */
  fieldKeys: FieldKeys;
};

/** What one purger did (or, dry run, would do). */
export type PurgeOutcome = {
  /** Records whose personal data was erased, each with a destruction-log entry written with it. */
  records: ExpiredRecord[];
  /** Rows removed whole and counted rather than listed one by one (access-log rows, delivery log). */
  removedRows: number;
};

/** The records a data-subject delete found about one person (by blind index, and through each other). */
export type SubjectRecords = {
  consultationIds: readonly string[];
  leadIds: readonly string[];
  /** The subject's blind index: transfers naming them themselves (one filed without a consultation). */
  personalIndex: string;
};

/** What a data-subject delete erased, by record kind (the answer's erasedConsultations, …, erasedCalls). */
export type SubjectErased = {
  consultations: string[];
  leads: string[];
  transfers: string[];
  calls: string[];
};

/**
 * One kind of record holding personal data, and how it is destroyed: at the end of its retention
 * (the scheduled purge, `npx ieum purge`, `POST /api/v1/retention/purge`) and on a data-subject
 * request (`deleteDataSubject`). Every table declared in sealedTables.ts is covered by one purger
 * (purgerRegistry.test.ts fails otherwise). Both run inside the caller's rules: a purge locks and
 * erases batch by batch, each batch in its own transaction with its destruction-log entries; a
 * subject erasure runs inside the request's one transaction.
 */
export type PersonalDataPurger = {
  /** The record kind the destruction log and the purge report name (e.g. 'consultation.personal-data'). */
  kind: string;
  /** The sealed tables whose personal columns this purger destroys (sealedTables.ts keys). */
  covers: readonly SealedTableName[];
  /** Erases what is due (or lists it, dry run), at most about `limit` records. */
  purgeExpired(
    db: Database,
    policy: RetentionPolicy,
    options: { dryRun: boolean; limit: number },
  ): Promise<PurgeOutcome>;
  /**
   * Erases the subject's records of this kind inside the request's transaction, logging each
   * erasure. Free text about other records is redacted afterwards, table by table, for every
   * declared table (redactSubjectInSealedTables), so a purger only erases whole records here.
   */
  eraseSubject(tx: Database, found: SubjectRecords, erasure: Erasure): Promise<SubjectErased>;
};

/** Nothing erased (a purger whose records a subject request leaves, or reaches through another kind). */
export function nothingErased(): SubjectErased {
  return { consultations: [], leads: [], transfers: [], calls: [] };
}
