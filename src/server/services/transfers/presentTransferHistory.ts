import type { TransferComment } from '../../../contract/transfers/transferCommentSchema.ts';
import type { TransferHistoryEntry } from '../../../contract/transfers/transferHistoryEntrySchema.ts';
import { seoulFormatters } from '../../../domain/calendar/seoulFormatters.ts';
import { isCallbackOutcome } from '../../../domain/lead/leadStatuses.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { isTransferStatus } from '../../../domain/transfer/transferStatuses.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import type { TransferCommentRow, TransferEventRow } from '../../repositories/transferRepository.ts';
import { wordCallbackOutcome } from '../leads/wordCallbackOutcome.ts';
import { wordTransferStatus } from './wordTransferStatus.ts';

function summarize(
  locale: Locale,
  row: TransferEventRow,
  nameOf: (id: string | null | undefined) => string,
  knownNames: readonly string[],
): string {
  const detail = row.detail;
  const words = (text: LocalisedText) => translate(locale, text);
  const statusText = (status: string | undefined) =>
    status !== undefined && isTransferStatus(status) ? wordTransferStatus(locale, status) : (status ?? '-');
  switch (row.action) {
    case 'filed':
      if (!detail.toAssigneeId) return words(msg('transferHistory.filedUnassigned'));
      return words(
        msg(
          detail.assignedBy === 'open-lead'
            ? 'transferHistory.filedToOpenLeadHolder'
            : 'transferHistory.filedAssigned',
          { assignee: nameOf(detail.toAssigneeId) },
        ),
      );
    case 'status-changed': {
      const parts = [
        words(
          msg('transferHistory.statusChanged', {
            from: statusText(detail.fromStatus),
            to: statusText(detail.toStatus),
          }),
        ),
        ...(detail.retryAt
          ? [
              // Seoul time, worded as the drawer words every other instant beside it.
              words(msg('transferHistory.retryAt', { at: seoulFormatters(locale).dateTime(detail.retryAt) })),
            ]
          : []),
        // Why the move skipped the usual steps: a sign-up lead's callback outcome made it.
        ...(isCallbackOutcome(detail.byLeadOutcome)
          ? [
              words(
                msg(
                  detail.toStatus === 'contacted'
                    ? 'transferHistory.contactedByLeadOutcome'
                    : 'transferHistory.closedByLeadOutcome',
                  { outcome: wordCallbackOutcome(locale, detail.byLeadOutcome) },
                ),
              ),
            ]
          : []),
        // What someone typed stays as they typed it (masked).
        ...(detail.note ? [maskPersonalText(detail.note, knownNames)] : []),
      ];
      return parts.join(' · ');
    }
    case 'assigned':
      if (detail.reason === 'assignee-disabled')
        return detail.toAssigneeId
          ? words(
              msg('transferHistory.assigneeDisabledReassigned', {
                from: nameOf(detail.fromAssigneeId),
                to: nameOf(detail.toAssigneeId),
              }),
            )
          : words(msg('transferHistory.assigneeDisabledUnassigned', { from: nameOf(detail.fromAssigneeId) }));
      if (detail.assignedBy === 'take')
        return words(msg('transferHistory.taken', { name: nameOf(detail.toAssigneeId) }));
      return detail.toAssigneeId
        ? words(
            msg('transferHistory.reassigned', {
              from: nameOf(detail.fromAssigneeId),
              to: nameOf(detail.toAssigneeId),
            }),
          )
        : words(msg('transferHistory.unassigned', { from: nameOf(detail.fromAssigneeId) }));
    case 'commented':
      return words(msg('transferHistory.commented'));
    case 'due-changed': {
      // "기한 변경: 12월 28일 (월) 12:00 → 12월 29일 (화) 12:00 · 임시 휴무 추가", in Seoul time.
      const at = seoulFormatters(locale).dateTime;
      const moved = (
        key: 'transferHistory.dueChanged' | 'transferHistory.retryChanged',
        from?: string,
        to?: string,
      ) => (from && to ? [words(msg(key, { from: at(from), to: at(to) }))] : []);
      const closure = detail.closure;
      return [
        ...moved('transferHistory.dueChanged', detail.fromDueAt, detail.toDueAt),
        ...moved('transferHistory.retryChanged', detail.fromRetryAt, detail.toRetryAt),
        ...(closure
          ? [
              words(
                msg(
                  closure.change === 'added'
                    ? 'transferHistory.closureAdded'
                    : 'transferHistory.closureRemoved',
                  { name: closure.name },
                ),
              ),
            ]
          : []),
      ].join(' · ');
    }
    case 'erased': {
      // "개인정보 삭제 (정보주체 요청) · 연락불가 → 종결": why, and the close it made, if any.
      const why = words(
        msg(
          detail.reason === 'subject-request'
            ? 'transferHistory.erasedBySubjectRequest'
            : detail.reason === 'retention-ended'
              ? 'transferHistory.erasedAtRetentionEnd'
              : 'transferHistory.erased',
        ),
      );
      return detail.toStatus
        ? [
            why,
            words(
              msg('transferHistory.statusChanged', {
                from: statusText(detail.fromStatus),
                to: statusText(detail.toStatus),
              }),
            ),
          ].join(' · ')
        : why;
    }
  }
}

/**
 * Shapes history rows, their summary lines worded in `locale` (the rows are stored as data: action
 * and detail); `names` resolves user ids mentioned in details (assignees), `knownNames` are the
 * transfer's own names (knownNamesOfTransfer), masked in status notes with phones and e-mails.
 */
export function presentTransferHistory(
  rows: readonly TransferEventRow[],
  names: ReadonlyMap<string, string>,
  knownNames: readonly string[],
  locale: Locale,
): TransferHistoryEntry[] {
  const deleted = translate(locale, msg('transferHistory.deletedUser'));
  const nameOf = (id: string | null | undefined) =>
    id ? (names.get(id) ?? deleted) : translate(locale, msg('transferHistory.nobody'));
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? deleted } : null,
    action: row.action,
    // A status note is free text someone may have typed a phone or the customer's name into: masked
    // like its summary line.
    detail: row.detail.note
      ? { ...row.detail, note: maskPersonalText(row.detail.note, knownNames) }
      : row.detail,
    summary: summarize(locale, row, nameOf, knownNames),
  }));
}

/**
 * Shapes comments with the names of the people they mention (a person since deleted worded in
 * `locale`); phones, e-mails and the transfer's own names (`knownNames`) typed into a comment are masked.
 */
export function presentTransferComments(
  rows: readonly TransferCommentRow[],
  names: ReadonlyMap<string, string>,
  knownNames: readonly string[],
  locale: Locale,
): TransferComment[] {
  const deleted = translate(locale, msg('transferHistory.deletedUser'));
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.authorId, name: row.authorName },
    body: maskPersonalText(row.body, knownNames),
    mentions: row.mentionedIds.map((id) => ({ id, name: names.get(id) ?? deleted })),
    createdAt: row.createdAt.toISOString(),
  }));
}
