import { declareSealedTable, type SealedColumn } from '../crypto/sealedTable.ts';
import { calls } from '../db/ctiSchema.ts';
import { companyContacts } from '../db/directorySchema.ts';
import { emailOutbox } from '../db/jobsSchema.ts';
import { kakaoConversations } from '../db/kakaoSchema.ts';
import { leadCallbacks, leads } from '../db/leadSchema.ts';
import { consultations } from '../db/schema.ts';
import { transferComments, transferEvents, transfers, webhookDeliveries } from '../db/transferSchema.ts';

/**
 * Every table column holding personal data, sealed at rest by the field codec (src/server/crypto):
 * repositories seal these on write and open them on read, so services only see clear values. Names,
 * phones and e-mails, and the free text people type about a customer (a record's body, an inquiry,
 * comments, status and callback notes) and copies of it (webhook bodies, outbox e-mails).
 */
export const sealedTables = {
  consultations: declareSealedTable(consultations, {
    id: 'id',
    // The draft is the work in progress as JSON (names, numbers and addresses as typed).
    text: ['callerNumber', 'recordTitle', 'recordBody', 'draft'],
    json: [{ column: 'recordFields' }],
    indexes: [
      {
        column: 'personalIndex',
        kind: 'contact-points',
        from: ['callerNumber', 'recordTitle', 'recordBody', 'recordFields', 'draft'],
      },
      // Who called, alone (the repeat-contact report compares callers without decrypting).
      { column: 'callerIndex', kind: 'phone', from: ['callerNumber'] },
    ],
  }),
  transfers: declareSealedTable(transfers, {
    id: 'id',
    text: ['contactName', 'phone', 'email', 'inquiry'],
    indexes: [
      { column: 'personalIndex', kind: 'contact-points', from: ['phone', 'email', 'contactName', 'inquiry'] },
    ],
  }),
  leads: declareSealedTable(leads, {
    id: 'id',
    text: ['contactName', 'phone', 'email'],
    indexes: [
      { column: 'phoneIndex', kind: 'phone', from: ['phone'] },
      { column: 'emailIndex', kind: 'email', from: ['email'] },
    ],
  }),
  transferComments: declareSealedTable(transferComments, { id: 'id', text: ['body'] }),
  transferEvents: declareSealedTable(transferEvents, {
    id: 'id',
    text: [],
    json: [{ column: 'detail', keys: ['note'] }],
  }),
  leadCallbacks: declareSealedTable(leadCallbacks, { id: 'id', text: ['note'] }),
  webhookDeliveries: declareSealedTable(webhookDeliveries, { id: 'id', text: ['body'] }),
  emailOutbox: declareSealedTable(emailOutbox, { id: 'id', text: ['toAddress', 'subject', 'text', 'html'] }),
  // The business directory's registered contacts: phones and e-mails one per line.
  companyContacts: declareSealedTable(companyContacts, {
    id: 'id',
    text: ['name', 'phones', 'emails'],
    indexes: [
      { column: 'contactIndex', kind: 'contact-list', from: ['phones', 'emails'] },
      { column: 'nameIndex', kind: 'name', from: ['name'] },
      { column: 'nameChoseongIndex', kind: 'name-choseong', from: ['name'] },
    ],
  }),
  // Phone calls reported by a PBX (CTI): the numbers as sent and the customer's in display form.
  calls: declareSealedTable(calls, {
    id: 'id',
    text: ['fromNumber', 'toNumber', 'customerNumber'],
    indexes: [{ column: 'customerIndex', kind: 'phone', from: ['customerNumber'] }],
  }),
  // KakaoTalk chatbot conversations: the user's key, the conversation (what they typed) and the last answer.
  kakaoConversations: declareSealedTable(kakaoConversations, {
    id: 'id',
    text: ['userKey', 'state', 'lastResponse'],
    indexes: [{ column: 'userIndex', kind: 'kakao-user', from: ['userKey'] }],
  }),
};

/**
 * Every sealed column by SQL name: what key rotation re-encrypts, what the start-up re-sealing of
 * rows written in clear walks, and what the purge registry's completeness test checks.
 */
export function listSealedColumns(): SealedColumn[] {
  return Object.values(sealedTables).flatMap((table) => [...table.columns]);
}
