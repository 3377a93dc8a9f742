import type { TransferEvent } from '../../../contract/events/transferEventSchema.ts';
import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { TransferWithPeople } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { queueEmail } from '../email/queueEmail.ts';
import { enqueueWebhookDeliveries } from '../webhooks/enqueueWebhookDeliveries.ts';
import { knownNamesOfTransfer } from './knownNamesOfTransfer.ts';
import { type PresentContext, presentTransfer } from './presentTransfer.ts';

/** Live event types of transfers (SSE and webhooks). */
export type TransferEventType = 'transfer.filed' | 'transfer.updated' | 'transfer.commented';

/** Someone to tell about the change by e-mail, and why. */
export type TransferNotice = { userId: string; reason: 'assigned' | 'mentioned' };

/** A change to announce: the transfer as it is after the change, and what changed. */
export type TransferAnnouncement = {
  type: TransferEventType;
  item: TransferWithPeople;
  actor: PublicUser;
  /** The history entry of the change; e-mails are de-duplicated on it. */
  historyId: number;
  /** What changed, without personal data (it goes to every live screen). */
  change: Record<string, unknown>;
  comment?: { id: string; body: string; mentionedIds: string[] };
  notify: TransferNotice[];
};

const seoulMinute = (iso: string) => formatSeoulIso(new Date(iso)).slice(0, 16).replace('T', ' ');

function describeLeft(view: Transfer): string {
  const left = view.sla.businessMinutesLeft;
  if (left === null) return '';
  const abs = Math.abs(left);
  const text = abs >= 60 ? `${Math.floor(abs / 60)}시간 ${abs % 60}분` : `${abs}분`;
  return left < 0 ? ` (업무시간 기준 ${text} 지남)` : ` (업무시간 기준 ${text} 남음)`;
}

function emailFor(
  view: Transfer,
  recipientName: string,
  notice: TransferNotice,
  actor: PublicUser,
  link: string,
  comment: TransferAnnouncement['comment'],
  knownNames: readonly string[],
): { subject: string; text: string } {
  const header =
    notice.reason === 'assigned'
      ? `${recipientName}님, 이관 ${view.number} 건의 담당자로 지정되었습니다 (${actor.name}).`
      : `${recipientName}님, ${actor.name}님이 이관 ${view.number} 건의 댓글에서 회원님을 언급했습니다.`;
  const lines = [
    header,
    '',
    `유형: ${view.inquiryType}. ${view.inquiryTypeLabel}${view.kind === 'lead' ? ' (가입 리드)' : ''}`,
    `상태: ${view.statusLabel}`,
    `기업명: ${view.companyName || '-'}`,
    `담당자 이름: ${view.contactName || '-'}`,
    `연락처: ${view.phone ?? '-'}`,
    `처리 기한: ${seoulMinute(view.dueAt)}${describeLeft(view)}`,
    `문의 내용: ${view.inquiry}`,
    ...(comment ? ['', `댓글: ${maskPersonalText(comment.body, knownNames)}`] : []),
    '',
    `열기: ${link}`,
    '',
    '개인정보는 가려서 보냅니다. 전체 내용은 이음에서 확인하세요.',
  ];
  const subject =
    notice.reason === 'assigned'
      ? `[이음] 이관 ${view.number} 담당 배정 — ${view.inquiryTypeLabel}`
      : `[이음] 이관 ${view.number} 댓글에서 언급됨`;
  return { subject, text: lines.join('\n') };
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
  const recipients = [
    ...new Map(
      announcement.notify.filter((n) => n.userId !== actor.id).map((n) => [n.userId, n] as const),
    ).values(),
  ];
  // Shaped by the contract the screens parse the stream with (ids and workflow state only).
  const data: TransferEvent = {
    transferId: transfer.id,
    number: transfer.number,
    kind: transfer.kind,
    status: transfer.status,
    inquiryType: transfer.inquiryType,
    assigneeId: transfer.assigneeId,
    filedById: transfer.filedBy,
    actorId: actor.id,
    change,
    notifiedIds: recipients.map((n) => n.userId),
    ...(comment ? { commentId: comment.id, mentionedIds: comment.mentionedIds } : {}),
  };
  await publishEvent(tx, { type, data });
  await enqueueWebhookDeliveries(tx, context.fieldCodec, context.webhooks, {
    type,
    occurredAt: context.now,
    data: ({ includePersonalData }) => ({
      transfer: presentTransfer(item, context, { reveal: includePersonalData }),
      change,
      actor: { id: actor.id, name: actor.name },
      ...(comment
        ? {
            comment: {
              id: comment.id,
              body: includePersonalData ? comment.body : maskPersonalText(comment.body, knownNames),
              mentionedIds: comment.mentionedIds,
            },
          }
        : {}),
    }),
  });
  if (recipients.length === 0) return;
  const view = presentTransfer(item, context);
  const link = `${context.publicUrl}/queue?transfer=${transfer.id}`;
  for (const notice of recipients) {
    const user = await userRepository.findById(tx, notice.userId);
    if (!user || user.disabledAt !== null) continue;
    const { subject, text } = emailFor(view, user.name, notice, actor, link, comment, knownNames);
    await queueEmail(tx, context.fieldCodec, {
      to: user.email,
      subject,
      text,
      dedupeKey: `transfer:${announcement.historyId}:${notice.userId}`,
      queuedAt: context.now,
    });
  }
}
