import { emailOutboxRepository } from '../../../repositories/emailOutboxRepository.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const DAY_MS = 24 * 60 * 60_000;
/**
 * E-mails that are no record of their own — notices to staff (a transfer assigned, a mention) and
 * SMTP test mails — are kept a month after they were queued: long enough to see a delivery fail
 * and send again, no longer than the webhook delivery log.
 */
export const OUTBOX_MAIL_KEEP_DAYS = 30;

/**
 * The outbox's other e-mails (a lead's brochure e-mail follows its lead: leadPurger). A month after
 * being queued, a staff notice or superseded test mail is deleted, body and all, once no sender
 * holds it; the latest test mail, whose delivery the first-run checklist shows, keeps only its
 * delivery record (recipient, subject and body cleared). The rows are operational, so they are
 * counted, not listed. A data-subject request redacts the subject from what is kept
 * (redactSubjectInSealedTables): staff notices carry customer data masked, but typed text too.
 * The notices about a transfer whose personal data is erased go with it, queued or kept
 * (eraseTransferPersonalData), so nothing erased is mailed afterwards.
 */
export const outboxMailPurger: PersonalDataPurger = {
  kind: 'email-outbox',
  covers: ['emailOutbox'],

  async purgeExpired(db, { now }, { dryRun }) {
    if (dryRun) return { records: [], removedRows: 0 };
    const before = new Date(now.getTime() - OUTBOX_MAIL_KEEP_DAYS * DAY_MS);
    const removedRows = await emailOutboxRepository.deleteStaffMailBefore(db, before, now);
    await emailOutboxRepository.eraseKeptTestMailsBefore(db, before);
    return { records: [], removedRows };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
