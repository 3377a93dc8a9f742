import { accessLogPurger } from './accessLogPurger.ts';
import { callPurger } from './callPurger.ts';
import { companyContactPurger } from './companyContactPurger.ts';
import { consentRecordPurger } from './consentRecordPurger.ts';
import { consultationPurger } from './consultationPurger.ts';
import { kakaoConversationPurger } from './kakaoConversationPurger.ts';
import { leadPurger } from './leadPurger.ts';
import { outboxMailPurger } from './outboxMailPurger.ts';
import type { PersonalDataPurger } from './personalDataPurger.ts';
import { transferPurger } from './transferPurger.ts';
import { webhookDeliveryPurger } from './webhookDeliveryPurger.ts';

/**
 * Every kind of record holding personal data, in the order the purge and a data-subject delete
 * run them. A new table with personal columns is declared in sealedTables.ts and listed in the
 * `covers` of a purger here (its own, `<kind>Purger.ts`, or the purger of the record it copies);
 * purgerRegistry.test.ts fails while a declared table is covered by none.
 *
 * Order matters: consultations, then leads, then transfers — the order rows are locked in, so a
 * purge and a subject delete wait for each other rather than deadlock, and a transfer that
 * follows its consultation or lead is erased with it (and logged with it) before the transfer
 * purger looks for what is left.
 */
export const personalDataPurgers: readonly PersonalDataPurger[] = [
  consultationPurger,
  leadPurger,
  transferPurger,
  consentRecordPurger,
  companyContactPurger,
  callPurger,
  kakaoConversationPurger,
  webhookDeliveryPurger,
  outboxMailPurger,
  accessLogPurger,
];
