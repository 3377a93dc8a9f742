import { normalizeKoreanPhone } from '../privacy/normalizeKoreanPhone.ts';
import { validateEmail } from '../privacy/validateEmail.ts';
import type { TransferDraft } from './draftTransferFields.ts';

/** A field of a transfer and what is wrong with it, in Korean for the form. */
export type TransferDraftProblem = {
  field: 'inquiryType' | 'inquiry' | 'phone' | 'email';
  message: string;
};

/** A transfer draft that can be filed: its type known, phone and e-mail in their stored forms. */
export type ValidTransferDraft = Omit<TransferDraft, 'inquiryType' | 'phone' | 'email'> & {
  inquiryType: number;
  /** Display form ('010-1234-5678'), or null when only an e-mail was given. */
  phone: string | null;
  email: string | null;
};

/** Either the draft ready to file or every problem found, field by field. */
export type TransferDraftResult =
  | { ok: true; value: ValidTransferDraft }
  | { ok: false; problems: TransferDraftProblem[] };

/**
 * The rules a transfer must meet before the business team gets it: a known inquiry type, what the
 * caller asked (문의 내용), and somewhere to reach them (a Korean phone number or an e-mail
 * address, each valid when given). Used by every way of filing (POST /transfers, finishing a
 * consultation), so the console and integrations are held to the same rules.
 */
export function validateTransferDraft(
  draft: TransferDraft,
  knownInquiryTypes: readonly number[],
): TransferDraftResult {
  const problems: TransferDraftProblem[] = [];
  if (draft.inquiryType === null) problems.push({ field: 'inquiryType', message: '이관 유형을 고르세요' });
  else if (!knownInquiryTypes.includes(draft.inquiryType))
    problems.push({
      field: 'inquiryType',
      message: `이관 유형은 ${knownInquiryTypes.join(', ')} 중 하나입니다`,
    });
  if (draft.inquiry === '') problems.push({ field: 'inquiry', message: '문의 내용을 입력하세요' });
  let phone: string | null = null;
  if (draft.phone !== '') {
    const normalized = normalizeKoreanPhone(draft.phone);
    if (normalized.ok) phone = normalized.display;
    else problems.push({ field: 'phone', message: normalized.message });
  }
  let email: string | null = null;
  if (draft.email !== '') {
    const validated = validateEmail(draft.email);
    if (validated.ok) email = validated.email;
    else problems.push({ field: 'email', message: validated.message });
  }
  if (draft.phone === '' && draft.email === '') {
    problems.push({
      field: 'phone',
      message: '연락처(또는 이메일)를 입력하세요: 담당 부서가 연락할 곳이 필요합니다',
    });
  }
  if (problems.length > 0 || draft.inquiryType === null) return { ok: false, problems };
  return { ok: true, value: { ...draft, inquiryType: draft.inquiryType, phone, email } };
}
