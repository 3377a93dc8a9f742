import { INVALID_PHONE_MESSAGE } from '../../domain/privacy/normalizeKoreanPhone.ts';
import { INVALID_EMAIL_MESSAGE } from '../../domain/privacy/validateEmail.ts';
import { INVALID_PERSON_NAME_MESSAGE } from '../../domain/privacy/validatePersonName.ts';
import type { ProblemText } from '../errors.ts';
import { type LocalisedText, msg } from './localisedText.ts';

/** The fixed Korean messages pure domain functions return, with their catalogue keys. */
const wordedDomainMessages = new Map<string, LocalisedText>([
  [INVALID_PHONE_MESSAGE, msg('common.invalidPhone')],
  [INVALID_EMAIL_MESSAGE, msg('common.invalidEmail')],
  ['사업자등록번호는 10자리 숫자입니다 (예: 123-45-67890)', msg('common.bizNoFormat')],
  ['사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요', msg('common.bizNoChecksum')],
  ['업체명은 200자 이하입니다', msg('leads.companyNameTooLong')],
  ['이관 유형을 고르세요', msg('transfers.inquiryTypeRequired')],
  ['문의 내용을 입력하세요', msg('transfers.inquiryRequired')],
  ['연락처(또는 이메일)를 입력하세요: 담당 부서가 연락할 곳이 필요합니다', msg('transfers.contactRequired')],
  [
    '기업명을 입력하세요: 담당 부서가 그 기업의 등록 연락처로 연락합니다',
    msg('transfers.companyRequiredForRegisteredContact'),
  ],
  ['담당자 이름은 100자 이하입니다', msg('leads.contactNameTooLong')],
  [INVALID_PERSON_NAME_MESSAGE, msg('leads.contactNameInvalid')],
  ['업체명을 입력하세요', msg('leads.companyNameRequired')],
  ['담당자 이름을 입력하세요', msg('leads.contactNameRequired')],
  ['연락처를 입력하세요', msg('leads.phoneRequired')],
  ['이메일주소를 입력하세요: 가입 소개서를 보낼 곳입니다', msg('leads.emailRequired')],
]);

/**
 * A message a pure domain function returned (the domain speaks Korean and has no catalogue) as a
 * catalogue text when it is one of the fixed ones, so it is answered in the caller's language.
 * Any other message keeps its Korean words for Korean answers under `general`, the catalogue's
 * plainer text for the same failure (its English is used in English answers); without `general`
 * it is passed on as it is.
 */
export function wordDomainMessage(message: string, general?: LocalisedText): ProblemText {
  const worded = wordedDomainMessages.get(message);
  if (worded) return worded;
  return general ? { ...general, wordings: { ko: message } } : message;
}
