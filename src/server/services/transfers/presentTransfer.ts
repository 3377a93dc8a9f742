import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { isClosedLeadStatus } from '../../../domain/lead/leadStatuses.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { nextTransferStatuses } from '../../../domain/transfer/decideTransferTransition.ts';
import { measureTransferSla } from '../../../domain/transfer/measureTransferSla.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import type { TransferWithPeople } from '../../repositories/transferRepository.ts';
import type { WebhookSubscriptionRow } from '../../repositories/webhookRepository.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';
import { knownNamesOfTransfer } from './knownNamesOfTransfer.ts';
import type { TransferInquiryType } from './transferInquiryTypes.ts';
import { wordTransferStatus } from './wordTransferStatus.ts';

/** What presenting needs besides the row: the clock, the calendar, the type labels and the field codec. */
export type PresentContext = {
  now: Date;
  /** For writes made while presenting (filing): the repositories seal with it. */
  fieldCodec: FieldCodec;
  facts: CalendarFacts;
  inquiryTypes: readonly TransferInquiryType[];
  /** The loaded guides: filing checks types and channels against the transfer's guide. */
  guides: GuideCatalog;
  /**
   * A guide as it was at a version: the loaded one when that is still its version, else the text
   * a server kept for it (findGuideVersion). A consultation's transfer is checked on the version
   * the consultation was saved on, which a restart with an edited guide may have replaced.
   */
  guideAt: (db: Database, guideId: string, version: string) => Promise<Guide | undefined>;
  /** The active webhook subscriptions a change made in this request is announced to. */
  webhooks: readonly WebhookSubscriptionRow[];
  /** The language of the server's own words in the view (a type its guide no longer lists); Korean by default. */
  locale?: Locale;
};

/**
 * Shapes a transfer for the API. Contact name, phone, e-mail, and phone numbers, addresses and the
 * contact's name inside the inquiry are masked unless `reveal` is set — today only for the agent who just typed them;
 * the privacy work adds an audited reveal for the business team through this same option.
 */
export function presentTransfer(
  item: TransferWithPeople,
  context: PresentContext,
  options: { reveal?: boolean } = {},
): Transfer {
  const row = item.transfer;
  const reveal = options.reveal === true;
  const sla = measureTransferSla(row, context.now, context.facts);
  const type = context.inquiryTypes.find(
    (candidate) => candidate.guideId === row.guideId && candidate.number === row.inquiryType,
  );
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    statusLabel: wordTransferStatus(context.locale ?? 'ko', row.status),
    // Without 종결 while the transfer's sign-up lead is open: its outcome closes the transfer.
    nextStatuses: [
      ...nextTransferStatuses(row.status, {
        leadOpen: item.leadStatus !== null && !isClosedLeadStatus(item.leadStatus),
      }),
    ],
    guideId: row.guideId,
    guideLabel: type?.guideLabel ?? row.guideId,
    inquiryType: row.inquiryType,
    inquiryTypeLabel:
      type?.label ??
      translate(context.locale ?? 'ko', msg('common.inquiryTypeFallback', { number: row.inquiryType })),
    channel: row.channel,
    companyName: row.companyName,
    contactName: reveal ? row.contactName : maskName(row.contactName),
    phone: row.phone === null ? null : reveal ? row.phone : maskPhone(row.phone),
    email: row.email === null ? null : reveal ? row.email : maskEmail(row.email),
    inquiry: reveal ? row.inquiry : maskPersonalText(row.inquiry, knownNamesOfTransfer(row)),
    reachVia: row.reachVia ?? null,
    masked: !reveal,
    consultationId: row.consultationId,
    filedBy: { id: row.filedBy, name: item.filedByName },
    assignee:
      row.assigneeId !== null && item.assigneeName !== null
        ? { id: row.assigneeId, name: item.assigneeName, disabled: item.assigneeDisabled }
        : null,
    dueAt: row.dueAt.toISOString(),
    retryAt: row.retryAt?.toISOString() ?? null,
    contactedAt: row.contactedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
    personalDataErasedBecause: row.personalDataErasedReason ?? null,
    sla: {
      state: sla.state,
      targetAt: sla.targetAt?.toISOString() ?? null,
      businessMinutesLeft: sla.businessMinutesLeft,
      asOf: context.now.toISOString(),
    },
  };
}
