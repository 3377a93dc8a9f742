import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide } from '../guide/guideSchema.ts';
import { normalizeKoreanPhone } from '../privacy/normalizeKoreanPhone.ts';
import { validateEmail } from '../privacy/validateEmail.ts';
import { validatePersonName } from '../privacy/validatePersonName.ts';
import type { TransferDraft } from './draftTransferFields.ts';

/** A field of a transfer and what is wrong with it, in Korean for the form. */
export type TransferDraftProblem = {
  field: 'kind' | 'inquiryType' | 'channel' | 'companyName' | 'contactName' | 'inquiry' | 'phone' | 'email';
  message: string;
  /** The type numbers the field could have taken (and their guide), for a caller wording it anew. */
  choices?: { guide: string; types: readonly number[] };
};

/** A transfer draft that can be filed: its type known, phone and e-mail in their stored forms. */
export type ValidTransferDraft = Omit<
  TransferDraft,
  'guideId' | 'inquiryType' | 'channel' | 'phone' | 'email'
> & {
  guideId: string;
  inquiryType: number;
  channel: Channel;
  /** Display form ('010-1234-5678'), or null when only an e-mail was given. */
  phone: string | null;
  email: string | null;
};

/** Either the draft ready to file or every problem found, field by field. */
export type TransferDraftResult =
  | { ok: true; value: ValidTransferDraft }
  | { ok: false; problems: TransferDraftProblem[] };

/** The inquiry types whose script can end in a sign-up lead (the guide's Q4: outcome 'lead'). */
function signUpTypesOf(guide: Pick<Guide, 'inquiryTypes' | 'scripts'>): number[] {
  const signUpScripts = new Set(
    guide.scripts
      .filter((script) => script.nodes.some((node) => node.type === 'end' && node.outcome === 'lead'))
      .map((script) => script.id),
  );
  return guide.inquiryTypes.filter((type) => signUpScripts.has(type.scriptId)).map((type) => type.number);
}

/**
 * The rules a transfer must meet before the business team gets it: an inquiry type and a channel
 * of its guide (the guide's first channel when none is given), a sign-up lead only under a type
 * whose script takes sign-ups (the team works it as one: brochure, OB call), a 담당자 that is a
 * person's name when given, what the caller asked (문의 내용), and somewhere to reach them (a
 * Korean phone number or an e-mail address, each valid when given — or, for a callback to the
 * business account's registered contact, the company whose account it is). Used by every way of filing
 * (POST /transfers, finishing a consultation, sign-up leads), so the console and integrations are
 * held to the same rules.
 */
export function validateTransferDraft(
  draft: TransferDraft,
  guide: Pick<Guide, 'id' | 'heading' | 'inquiryTypes' | 'channels' | 'scripts'>,
): TransferDraftResult {
  const problems: TransferDraftProblem[] = [];
  const knownInquiryTypes = guide.inquiryTypes.map((type) => type.number);
  if (draft.inquiryType === null) problems.push({ field: 'inquiryType', message: '이관 유형을 고르세요' });
  else if (!knownInquiryTypes.includes(draft.inquiryType))
    problems.push({
      field: 'inquiryType',
      message: `이관 유형은 ${guide.heading} 가이드의 ${knownInquiryTypes.join(', ')} 중 하나입니다`,
      choices: { guide: guide.heading, types: knownInquiryTypes },
    });
  else if (draft.kind === 'lead') {
    const signUpTypes = signUpTypesOf(guide);
    if (!signUpTypes.includes(draft.inquiryType))
      problems.push({
        field: 'kind',
        message:
          signUpTypes.length === 0
            ? `${guide.heading} 가이드에는 가입 리드를 받는 유형이 없습니다`
            : `가입 리드는 ${guide.heading} 가이드의 가입 상담 유형(${signUpTypes.join(', ')})으로만 접수합니다`,
        choices: { guide: guide.heading, types: signUpTypes },
      });
  }
  const channel = draft.channel ?? guide.channels[0]?.id;
  if (!guide.channels.some((candidate) => candidate.id === channel))
    problems.push({
      field: 'channel',
      message: `채널은 ${guide.heading} 가이드의 ${guide.channels.map((candidate) => candidate.id).join(', ')} 중 하나입니다`,
    });
  if (draft.contactName !== '') {
    const name = validatePersonName(draft.contactName);
    if (!name.ok) problems.push({ field: 'contactName', message: name.message });
  }
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
    // Reached at the account's registered contact, the team needs to know whose account it is; a
    // number the caller was not asked for is not collected (nothing new: no consent needed).
    if (draft.reachVia === 'registered-contact') {
      if (draft.companyName === '')
        problems.push({
          field: 'companyName',
          message: '기업명을 입력하세요: 담당 부서가 그 기업의 등록 연락처로 연락합니다',
        });
    } else {
      problems.push({
        field: 'phone',
        message: '연락처(또는 이메일)를 입력하세요: 담당 부서가 연락할 곳이 필요합니다',
      });
    }
  }
  if (problems.length > 0 || draft.inquiryType === null || channel === undefined)
    return { ok: false, problems };
  return {
    ok: true,
    value: { ...draft, guideId: guide.id, inquiryType: draft.inquiryType, channel, phone, email },
  };
}
