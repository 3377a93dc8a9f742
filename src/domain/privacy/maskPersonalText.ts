import { maskKnownNames } from './maskKnownNames.ts';
import { maskText } from './maskText.ts';

/**
 * The one masking of free text for every masked output (API views, staff e-mails, masked webhooks,
 * privacy screens): phone numbers and e-mail addresses by pattern (`maskText`), then the names the
 * record is known to hold wherever the text writes them (`maskKnownNames`: '김민수 님이 다시 전화
 * 요청' → '김*수 님이 다시 전화 요청'). Pass every name field of the record the text is about (contact
 * name, 담당자 …); a text with none of them is only `maskText`ed (and returned in NFC).
 * Idempotent. Phones and e-mails go first so a name inside an address ('minsu.kim@…') is masked
 * as an address.
 */
export function maskPersonalText(text: string, knownNames: readonly string[]): string {
  return maskKnownNames(maskText(text), knownNames);
}
