import { z } from 'zod';

/** Personal fields of a consultation that can be revealed with a reason. */
export const revealableFields = [
  'callerNumber',
  'title',
  'body',
  'companyName',
  'contactName',
  'phone',
  'inquiry',
] as const;

/** One revealable field on the wire. */
export const revealableFieldSchema = z.enum(revealableFields, {
  error: `fields는 ${revealableFields.join(', ')} 중에서 고르세요`,
});

/** One revealable field. */
export type RevealableField = z.output<typeof revealableFieldSchema>;
