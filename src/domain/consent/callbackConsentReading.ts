import type { Guide } from '../guide/guideSchema.ts';
import { type ConsentReading, consentReading } from './consentReading.ts';

/**
 * The consent notice read before the chatbot takes a callback number: the notice naming only
 * the item a number is (the transfer form's phone field, `[연락처]`). The bot cannot see the number
 * the app holds, so the number is newly collected and needs consent (guide section 3); the law asks
 * that the notice name what is collected, not the four items of a sign-up.
 */
export function callbackConsentReading(guide: Guide): ConsentReading {
  const phone = guide.transferForm.fields.find((field) => field.key === 'phone')?.label;
  return consentReading(guide.consentNotice, phone ? [phone] : undefined);
}
