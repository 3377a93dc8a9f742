import { directoryColumnHeaders, directoryFieldNamesEn } from './directoryFields.ts';
import type { ImportRefusal } from './importRefusal.ts';

/** The languages refusal reasons are written in; Korean unless the caller asks for English. */
export type ReasonLanguage = 'ko' | 'en';

const nth = (value: number) => `${value + 1}`;

function describeKorean(refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'missing-field':
      return `${directoryColumnHeaders[refusal.field]} 값이 비어 있습니다`;
    case 'too-long':
      return `${directoryColumnHeaders[refusal.field]}은(는) ${refusal.max}자 이하여야 합니다`;
    case 'too-many':
      return `${directoryColumnHeaders[refusal.field]}은(는) ${refusal.max}개까지 등록할 수 있습니다`;
    case 'biz-no-format':
      return '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67890)';
    case 'biz-no-checksum':
      return '사업자등록번호의 검증번호가 맞지 않습니다 (번호를 다시 확인해 주세요)';
    case 'bad-phone':
      return `연락처 ${nth(refusal.value)}번째 번호의 형식이 올바르지 않습니다 (예: 010-1234-5678)`;
    case 'business-phone':
      return `연락처 ${nth(refusal.value)}번째 번호는 대표번호·080 번호로, 담당자 연락처로 등록할 수 없습니다`;
    case 'bad-email':
      return `이메일 ${nth(refusal.value)}번째 주소의 형식이 올바르지 않습니다`;
    case 'bad-role':
      return '담당자 구분은 관리책임자 또는 운영담당자입니다';
    case 'company-name-mismatch':
      return `같은 사업자등록번호의 기업명이 ${refusal.firstLine}행과 다릅니다`;
    case 'duplicate-contact':
      return `같은 기업에 같은 담당자(이름·구분)가 ${refusal.firstLine}행에 이미 있습니다`;
    case 'shared-phone':
      return `연락처 ${nth(refusal.value)}번째 번호는 같은 기업의 ${refusal.firstLine}행 담당자의 번호입니다 (한 번호에는 한 사람)`;
  }
}

function describeEnglish(refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'missing-field':
      return `${directoryFieldNamesEn[refusal.field]} is empty`;
    case 'too-long':
      return `${directoryFieldNamesEn[refusal.field]} must be at most ${refusal.max} characters`;
    case 'too-many':
      return `at most ${refusal.max} ${directoryFieldNamesEn[refusal.field]} values per contact`;
    case 'biz-no-format':
      return 'business registration number must be 10 digits (e.g. 123-45-67890)';
    case 'biz-no-checksum':
      return 'business registration number has a wrong check digit';
    case 'bad-phone':
      return `phone ${nth(refusal.value)} is not a valid Korean number (e.g. 010-1234-5678)`;
    case 'business-phone':
      return `phone ${nth(refusal.value)} is a representative or 080 number, not a contact's number`;
    case 'bad-email':
      return `e-mail ${nth(refusal.value)} is not a valid address`;
    case 'bad-role':
      return 'contact type must be 관리책임자 or 운영담당자';
    case 'company-name-mismatch':
      return `company name differs from line ${refusal.firstLine} for the same business registration number`;
    case 'duplicate-contact':
      return `the same contact (name and type) of this company is already on line ${refusal.firstLine}`;
    case 'shared-phone':
      return `phone ${nth(refusal.value)} is already the number of this company's contact on line ${refusal.firstLine} (one number, one person)`;
  }
}

/** A row's refusals as one reason, in the caller's language (several problems joined by '; '). */
export function describeImportRefusals(refusals: readonly ImportRefusal[], language: ReasonLanguage): string {
  return refusals.map(language === 'en' ? describeEnglish : describeKorean).join('; ');
}
