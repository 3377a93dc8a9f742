import { authMessages } from './messages/authMessages.ts';
import { commonMessages } from './messages/commonMessages.ts';
import { companyMessages } from './messages/companyMessages.ts';
import { consultationMessages } from './messages/consultationMessages.ts';
import { ctiMessages } from './messages/ctiMessages.ts';
import { emailMessages } from './messages/emailMessages.ts';
import { firstRunMessages } from './messages/firstRunMessages.ts';
import { httpMessages } from './messages/httpMessages.ts';
import { leadMessages } from './messages/leadMessages.ts';
import { reportMessages } from './messages/reportMessages.ts';
import { transferEmailMessages } from './messages/transferEmailMessages.ts';
import { transferHistoryMessages } from './messages/transferHistoryMessages.ts';
import { transferMessages } from './messages/transferMessages.ts';
import { userMessages } from './messages/userMessages.ts';
import { validationMessages } from './messages/validationMessages.ts';
import { webhookMessages } from './messages/webhookMessages.ts';

/**
 * Every message the server sends to people, in Korean and English, by key. Each area keeps its
 * messages in its own file under messages/ (so parallel work merges easily); keys are
 * `<area>.<name>` and never reused for another meaning, because clients may branch on them.
 */
export const serverMessages = {
  ...authMessages,
  ...commonMessages,
  ...companyMessages,
  ...consultationMessages,
  ...ctiMessages,
  ...emailMessages,
  ...firstRunMessages,
  ...httpMessages,
  ...leadMessages,
  ...reportMessages,
  ...transferEmailMessages,
  ...transferHistoryMessages,
  ...transferMessages,
  ...userMessages,
  ...validationMessages,
  ...webhookMessages,
} as const;

/** A key of the server's message catalogue. */
export type ServerMessageKey = keyof typeof serverMessages;
