import type { TransferEvent } from '../../../contract/events/transferEventSchema.ts';
import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import type { TransferWebhookComment } from '../../../contract/webhooks/transferWebhookCommentSchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import type { TransferWithPeople } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { queueEmail } from '../email/queueEmail.ts';
import { enqueueWebhookDeliveries } from '../webhooks/enqueueWebhookDeliveries.ts';
import { knownNamesOfTransfer } from './knownNamesOfTransfer.ts';
import { type PresentContext, presentTransfer } from './presentTransfer.ts';
import { wordTransferStatus } from './wordTransferStatus.ts';

/** Live event types of transfers (SSE and webhooks). */
export type TransferEventType = 'transfer.filed' | 'transfer.updated' | 'transfer.commented';

/** Someone to tell about the change by e-mail, and why. */
export type TransferNotice = {
  userId: string;
  /** Made the assignee; named in a comment; or the assignee it was taken or handed on from. */
  reason: 'assigned' | 'mentioned' | 'reassigned';
};

/** A change to announce: the transfer as it is after the change, and what changed. */
export type TransferAnnouncement = {
  type: TransferEventType;
  item: TransferWithPeople;
  actor: PublicUser;
  /** The history entry of the change; e-mails are de-duplicated on it. */
  historyId: number;
  /** What changed, without personal data (it goes to every live screen). */
  change: Record<string, unknown>;
  /** The comment posted, with the '@words' that named nobody (webhooks carry them). */
  comment?: { id: string; body: string; mentionedIds: string[]; unresolvedMentions: string[] };
  notify: TransferNotice[];
  /** The live event was stored with the change's own statement (see createTransfer): not again. */
  liveEventStored?: boolean;
};

/** The fields of a transfer its live event carries. */
type AnnouncedTransfer = Pick<
  TransferWithPeople['transfer'],
  'id' | 'number' | 'kind' | 'status' | 'inquiryType' | 'guideId' | 'assigneeId' | 'filedBy'
>;

/** Who is told by e-mail: each person once, never the one who made the change. */
function recipientsOf(notify: readonly TransferNotice[], actor: PublicUser): TransferNotice[] {
  return [
    ...new Map(notify.filter((n) => n.userId !== actor.id).map((n) => [n.userId, n] as const)).values(),
  ];
}

/**
 * The live event of a transfer change, shaped by the contract the screens parse the stream with
 * (ids and workflow state only, no personal data: a comment's unresolved '@words' come masked).
 */
export function transferLiveEvent(
  announcement: Pick<TransferAnnouncement, 'type' | 'actor' | 'change' | 'comment' | 'notify'> & {
    transfer: AnnouncedTransfer;
  },
): { type: TransferEventType; data: TransferEvent } {
  const { transfer, actor, change, comment } = announcement;
  return {
    type: announcement.type,
    data: {
      transferId: transfer.id,
      number: transfer.number,
      kind: transfer.kind,
      status: transfer.status,
      inquiryType: transfer.inquiryType,
      guideId: transfer.guideId,
      assigneeId: transfer.assigneeId,
      filedById: transfer.filedBy,
      actorId: actor.id,
      change,
      notifiedIds: recipientsOf(announcement.notify, actor).map((n) => n.userId),
      ...(comment
        ? {
            commentId: comment.id,
            mentionedIds: comment.mentionedIds,
            unresolvedMentions: comment.unresolvedMentions,
          }
        : {}),
    },
  };
}

/**
 * A comment as its webhook carries it: without personal data, the body is masked and so is each
 * unresolved '@word' (it may be the customer's name typed after an '@').
 */
function webhookComment(
  comment: NonNullable<TransferAnnouncement['comment']>,
  includePersonalData: boolean,
  knownNames: readonly string[],
): TransferWebhookComment {
  const shown = (text: string) => (includePersonalData ? text : maskPersonalText(text, knownNames));
  return {
    id: comment.id,
    body: shown(comment.body),
    mentionedIds: comment.mentionedIds,
    unresolvedMentions: comment.unresolvedMentions.map(shown),
  };
}

const seoulMinute = (iso: string) => formatSeoulIso(new Date(iso)).slice(0, 16).replace('T', ' ');

function describeLeft(locale: Locale, view: Transfer): string {
  const left = view.sla.businessMinutesLeft;
  if (left === null) return '';
  const abs = Math.abs(left);
  const time = translate(
    locale,
    abs >= 60
      ? msg('transferEmails.hoursMinutes', { hours: Math.floor(abs / 60), minutes: abs % 60 })
      : msg('transferEmails.minutes', { minutes: abs }),
  );
  return translate(
    locale,
    left < 0 ? msg('transferEmails.timeOver', { time }) : msg('transferEmails.timeLeft', { time }),
  );
}

/** The e-mail to one recipient, in their saved language; the guide's type label and typed text stay as written. */
function emailFor(
  locale: Locale,
  view: Transfer,
  recipientName: string,
  notice: TransferNotice,
  actor: PublicUser,
  link: string,
  comment: TransferAnnouncement['comment'],
  knownNames: readonly string[],
): { subject: string; text: string } {
  const words = (text: LocalisedText) => translate(locale, text);
  const people = { recipient: recipientName, number: view.number, actor: actor.name };
  const header =
    notice.reason === 'assigned'
      ? msg('transferEmails.assignedHeader', people)
      : notice.reason === 'reassigned'
        ? view.assignee
          ? msg('transferEmails.reassignedHeader', { ...people, assignee: view.assignee.name })
          : msg('transferEmails.unassignedHeader', people)
        : msg('transferEmails.mentionedHeader', people);
  const lines = [
    words(header),
    '',
    words(msg('transferEmails.type', { number: view.inquiryType, label: view.inquiryTypeLabel })) +
      (view.kind === 'lead' ? words(msg('transferEmails.leadMark')) : ''),
    words(msg('transferEmails.status', { status: wordTransferStatus(locale, view.status) })),
    words(msg('transferEmails.company', { value: view.companyName || '-' })),
    words(msg('transferEmails.contact', { value: view.contactName || '-' })),
    words(
      view.phone === null && view.reachVia === 'registered-contact'
        ? msg('transferEmails.phoneRegisteredContact')
        : msg('transferEmails.phone', { value: view.phone ?? '-' }),
    ),
    words(msg('transferEmails.due', { at: seoulMinute(view.dueAt), left: describeLeft(locale, view) })),
    words(msg('transferEmails.inquiry', { value: view.inquiry })),
    ...(comment
      ? ['', words(msg('transferEmails.comment', { value: maskPersonalText(comment.body, knownNames) }))]
      : []),
    '',
    words(msg('transferEmails.open', { link })),
    '',
    words(msg('transferEmails.masked')),
  ];
  const subject =
    notice.reason === 'assigned'
      ? msg('transferEmails.assignedSubject', { number: view.number, typeLabel: view.inquiryTypeLabel })
      : notice.reason === 'reassigned'
        ? msg('transferEmails.reassignedSubject', { number: view.number, typeLabel: view.inquiryTypeLabel })
        : msg('transferEmails.mentionedSubject', { number: view.number });
  return { subject: words(subject), text: lines.join('\n') };
}

/**
 * Tells everyone about a transfer change, in the transaction that made it (so nothing is announced
 * for a change that rolled back, and nothing committed goes unannounced): a live event for queue
 * screens (ids only, no personal data), one webhook delivery per subscription, and an e-mail through
 * the outbox to each person assigned or mentioned — never to the person who made the change.
 */
export async function announceTransferChange(
  tx: Database,
  context: PresentContext & { publicUrl: string },
  announcement: TransferAnnouncement,
): Promise<void> {
  const { item, actor, type, change, comment } = announcement;
  const transfer = item.transfer;
  const knownNames = knownNamesOfTransfer(transfer);
  const recipients = recipientsOf(announcement.notify, actor);
  if (!announcement.liveEventStored) {
    // The live event goes to every screen allowed the transfer and into the events table, where no
    // personal data is kept: its unresolved '@words' are masked as a masked webhook's are.
    const liveComment = comment && {
      ...comment,
      unresolvedMentions: comment.unresolvedMentions.map((word) => maskPersonalText(word, knownNames)),
    };
    await publishEvent(tx, transferLiveEvent({ ...announcement, transfer, comment: liveComment }));
  }
  await enqueueWebhookDeliveries(tx, context.fieldCodec, context.webhooks, {
    type,
    occurredAt: context.now,
    data: ({ includePersonalData }) => ({
      // One payload for every subscriber, whoever made the change and in whichever language they
      // asked: the labels are the guide's Korean, as they have always been.
      transfer: presentTransfer(item, { ...context, locale: 'ko' }, { reveal: includePersonalData }),
      change,
      actor: { id: actor.id, name: actor.name },
      ...(comment ? { comment: webhookComment(comment, includePersonalData, knownNames) } : {}),
    }),
  });
  if (recipients.length === 0) return;
  const link = `${context.publicUrl}/queue?transfer=${transfer.id}`;
  for (const notice of recipients) {
    const user = await userRepository.findById(tx, notice.userId);
    if (!user || user.disabledAt !== null) continue;
    const { subject, text } = emailFor(
      user.locale,
      // Presented per recipient: a type its guide no longer lists is named in their language.
      presentTransfer(item, { ...context, locale: user.locale }),
      user.name,
      notice,
      actor,
      link,
      comment,
      knownNames,
    );
    await queueEmail(tx, context.fieldCodec, {
      to: user.email,
      subject,
      text,
      dedupeKey: `transfer:${announcement.historyId}:${notice.userId}`,
      queuedAt: context.now,
    });
  }
}
