import { housekeepingRepository } from '../../../repositories/housekeepingRepository.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const DAY_MS = 24 * 60 * 60_000;
/**
 * The webhook delivery log is kept a month. Delivered and given-up bodies go with it: for
 * subscriptions with personal data they carry it (sealed at rest; the signed bytes are sent as stored).
 */
export const WEBHOOK_DELIVERY_KEEP_DAYS = 30;

/**
 * Webhook deliveries: delivered and given-up deliveries are deleted, body and all, a month after
 * they were queued; a pending one stays until its retries end. The log is operational, so the rows
 * are counted, not listed in the report. A data-subject request redacts the subject from the bodies
 * kept (redactSubjectInSealedTables), which is all a delivery holds about anyone.
 */
export const webhookDeliveryPurger: PersonalDataPurger = {
  kind: 'webhook-delivery',
  covers: ['webhookDeliveries'],

  async purgeExpired(db, { now }, { dryRun }) {
    if (dryRun) return { records: [], removedRows: 0 };
    const removedRows = await housekeepingRepository.deleteFinishedWebhookDeliveriesBefore(
      db,
      new Date(now.getTime() - WEBHOOK_DELIVERY_KEEP_DAYS * DAY_MS),
    );
    return { records: [], removedRows };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
