import type { TransferComment } from '../../../contract/transfers/transferCommentSchema.ts';
import type { TransferHistoryEntry } from '../../../contract/transfers/transferHistoryEntrySchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { isTransferStatus, transferStatusLabels } from '../../../domain/transfer/transferStatuses.ts';
import type { TransferCommentRow, TransferEventRow } from '../../repositories/transferRepository.ts';

// History lines are read by people in Korea: Seoul wall-clock time, to the minute.
const seoulMinute = (iso: string) => formatSeoulIso(new Date(iso)).slice(0, 16).replace('T', ' ');

const statusText = (status: string | undefined) =>
  status !== undefined && isTransferStatus(status) ? transferStatusLabels[status] : (status ?? '-');

function summarize(
  row: TransferEventRow,
  nameOf: (id: string | null | undefined) => string,
  knownNames: readonly string[],
): string {
  const detail = row.detail;
  switch (row.action) {
    case 'filed':
      return detail.toAssigneeId
        ? `이관 접수 · 담당자 ${nameOf(detail.toAssigneeId)} (순번 배정)`
        : '이관 접수 · 근무 중인 담당자가 없어 미배정';
    case 'status-changed': {
      const base = `${statusText(detail.fromStatus)} → ${statusText(detail.toStatus)}`;
      const retry = detail.retryAt ? ` · 재시도 ${seoulMinute(detail.retryAt)}` : '';
      return `${base}${retry}${detail.note ? ` · ${maskPersonalText(detail.note, knownNames)}` : ''}`;
    }
    case 'assigned':
      if (detail.assignedBy === 'take') return `${nameOf(detail.toAssigneeId)} 님이 가져감`;
      return detail.toAssigneeId
        ? `담당자 ${nameOf(detail.fromAssigneeId)} → ${nameOf(detail.toAssigneeId)}`
        : `담당자 ${nameOf(detail.fromAssigneeId)} 배정 해제`;
    case 'commented':
      return '댓글';
  }
}

/**
 * Shapes history rows; `names` resolves user ids mentioned in details (assignees), `knownNames` are
 * the transfer's own names (knownNamesOfTransfer), masked in status notes with phones and e-mails.
 */
export function presentTransferHistory(
  rows: readonly TransferEventRow[],
  names: ReadonlyMap<string, string>,
  knownNames: readonly string[],
): TransferHistoryEntry[] {
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? '(삭제된 사용자)') : '없음');
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '(삭제된 사용자)' } : null,
    action: row.action,
    // A status note is free text someone may have typed a phone or the customer's name into: masked
    // like its summary line.
    detail: row.detail.note
      ? { ...row.detail, note: maskPersonalText(row.detail.note, knownNames) }
      : row.detail,
    summary: summarize(row, nameOf, knownNames),
  }));
}

/**
 * Shapes comments with the names of the people they mention; phones, e-mails and the transfer's own
 * names (`knownNames`) typed into a comment are masked.
 */
export function presentTransferComments(
  rows: readonly TransferCommentRow[],
  names: ReadonlyMap<string, string>,
  knownNames: readonly string[],
): TransferComment[] {
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.authorId, name: row.authorName },
    body: maskPersonalText(row.body, knownNames),
    mentions: row.mentionedIds.map((id) => ({ id, name: names.get(id) ?? '(삭제된 사용자)' })),
    createdAt: row.createdAt.toISOString(),
  }));
}
