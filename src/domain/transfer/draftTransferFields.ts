import type { Channel } from '../../contract/common/channelSchema.ts';
/** What the transfer form holds: the guide's 기업명 / 담당자 이름 / 연락처 / 문의 내용, plus routing. */
export type TransferDraft = {
  kind: 'transfer' | 'lead';
  /** The guide the type and channel belong to; null: the caller's default guide. */
  guideId: string | null;
  inquiryType: number | null;
  /** Null: the guide's first channel. */
  channel: Channel | null;
  companyName: string;
  contactName: string;
  phone: string;
  email: string;
  inquiry: string;
  /**
   * 'registered-contact': the team reaches the caller at the contact registered for the business
   * account (the guide's callback "카카오 T 앱 내의 등록된 연락처로"), not at a number taken down.
   */
  reachVia: 'registered-contact' | null;
};

/** What a consultation already knows when the agent files a transfer from it. */
export type ConsultationFacts = {
  guideId: string;
  channel: Channel;
  inquiryType: number | null;
  outcome: string | null;
  callerNumber: string | null;
  /** The record fields saved with the consultation, if it was completed. */
  recordFields: Readonly<Record<string, string>> | null;
};

/**
 * Pre-fills a transfer from its consultation so the agent never types anything twice; whatever the
 * agent sent explicitly wins over the consultation. A sign-up flow (outcome 'lead', Q4-Y) files a
 * lead, unless filed under another type; everything else a transfer. Without a saved record the
 * phone falls back to the caller number from the phone system. Values are trimmed; missing ones are
 * empty strings for the form.
 */
export function draftTransferFields(
  consultation: ConsultationFacts | null,
  given: Partial<TransferDraft>,
): TransferDraft {
  const record = consultation?.recordFields ?? {};
  const pick = (key: 'companyName' | 'contactName' | 'phone' | 'inquiry' | 'email', fallback = '') =>
    (given[key] ?? (record[key]?.trim() || fallback)).trim();
  return {
    // A sign-up call's lead under its own type; the same call filed under another type is a transfer.
    kind:
      given.kind ??
      (consultation?.outcome === 'lead' &&
      (given.inquiryType === undefined || given.inquiryType === consultation.inquiryType)
        ? 'lead'
        : 'transfer'),
    guideId: given.guideId ?? consultation?.guideId ?? null,
    inquiryType: given.inquiryType ?? consultation?.inquiryType ?? null,
    channel: given.channel ?? consultation?.channel ?? null,
    companyName: pick('companyName'),
    contactName: pick('contactName'),
    phone: pick('phone', consultation?.callerNumber ?? ''),
    email: pick('email'),
    inquiry: pick('inquiry'),
    reachVia: given.reachVia ?? null,
  };
}
