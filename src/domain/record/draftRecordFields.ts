import type { FlowState } from '../flow/flowTypes.ts';
import { summarizeFlow } from '../flow/summarizeFlow.ts';
import { type CollectFieldKey, collectFieldKeys, type Guide } from '../guide/guideSchema.ts';
import { fieldsWithheldByRefusal } from '../privacy/fieldsWithheldByRefusal.ts';
import type { RecordFields } from './renderConsultationRecord.ts';

/** What is already known when the record is drafted. */
export type KnownConsultationFacts = {
  /** The caller's number from the phone system (CTI), if any. */
  callerNumber?: string;
  /** Values the agent took down at collect nodes, keyed by field. */
  collected?: Partial<Record<CollectFieldKey, string>>;
  /** The number of the inquiry type the agent chose (one of the guide's `inquiryTypes`), if any. */
  inquiryTypeNumber?: number;
  /** The company whose registered contact lists the caller's number (callerContactFromDirectory). */
  directoryContact?: { companyName: string } | null;
};

/**
 * Whether the path ends in something the business team calls back on (a transfer, a sign-up
 * lead): only then does the record need a number to reach the caller.
 */
function pathNeedsCallbackNumber(guide: Guide, state: FlowState): boolean {
  const { outcome } = summarizeFlow(guide, state);
  return outcome === 'transfer' || outcome === 'lead';
}

/** Longest summary drafted from the inquiry, in characters: a title, not the inquiry again. */
const SUMMARY_FROM_INQUIRY_MAX = 40;

/** The inquiry as a title: its first line, spaces collapsed, cut at a word with '…' when long. */
function summarizeInquiry(inquiry: string): string {
  const line = (inquiry.split('\n').find((part) => part.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(line);
  if (characters.length <= SUMMARY_FROM_INQUIRY_MAX) return line;
  const cut = characters.slice(0, SUMMARY_FROM_INQUIRY_MAX).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > SUMMARY_FROM_INQUIRY_MAX / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * Pre-fills the record from what the flow collected and what the phone system knows, so the
 * agent never types anything twice: Q4's company, contact, phone and email; the inquiry taken
 * down in a transfer; a summary from that inquiry (else the inquiry type or the script). The caller number from the
 * phone system fills 연락처 only where the path needs a number to call back (a transfer, a lead
 * with none typed): a record that sends the caller to the support line or ends there keeps no
 * number it has no use for (the call row holds it anyway). Every value stays editable.
 */
export function draftRecordFields(
  guide: Guide,
  state: FlowState,
  known: KnownConsultationFacts = {},
): RecordFields {
  // After a refused consent the record keeps none of what the consented collection would take,
  // neither typed earlier in the call nor known from the phone system.
  const withheld = fieldsWithheldByRefusal(guide, state);
  const given = known.collected ?? {};
  const collected: Partial<Record<CollectFieldKey, string>> = {};
  for (const key of collectFieldKeys) if (!withheld.has(key)) collected[key] = given[key];
  const script = guide.scripts.find((candidate) => candidate.id === state.scriptId);
  const inquiryType = guide.inquiryTypes.find((type) => type.number === known.inquiryTypeNumber);
  // The guide's title is "[비즈니스] 문의 내용 요약": what the caller asked, when it was taken
  // down, tells records apart; the type's label (the same on every record of it) is the fallback.
  const summary = summarizeInquiry(collected.inquiry ?? '') || (inquiryType?.label ?? script?.summary ?? '');

  // The record has no email field, but the business team needs the address to send the
  // brochure, so it travels in the inquiry line under the label the script used to ask for it.
  const emailLabel =
    script?.nodes
      .flatMap((node) => (node.type === 'collect' ? node.fields : []))
      .find((field) => field.key === 'email')?.label ?? '이메일주소';
  const email = collected.email?.trim();
  // A sign-up intake takes no inquiry of its own: what was asked for is what the guide's policy
  // says the business team does with it (the lead's transfer says the same), then the address.
  const asked = collected.inquiry?.trim() || (email ? guide.brochureEmail?.transferInquiry : undefined);
  const inquiry = [asked, email ? `${emailLabel}: ${email}` : undefined]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' / ');

  return {
    summary,
    companyName:
      collected.companyName?.trim() ||
      (withheld.has('companyName') ? '' : known.directoryContact?.companyName) ||
      '',
    contactName: collected.contactName?.trim() ?? '',
    phone: withheld.has('phone')
      ? ''
      : collected.phone?.trim() ||
        (pathNeedsCallbackNumber(guide, state) ? known.callerNumber?.trim() : undefined) ||
        '',
    inquiry,
  };
}
