import { describe, expect, it } from 'vitest';
import type { TransferCommentRow, TransferEventRow } from '../../repositories/transferRepository.ts';
import { presentTransferComments, presentTransferHistory } from './presentTransferHistory.ts';

const comment: TransferCommentRow = {
  id: 'comment-1',
  transferId: 'transfer-1',
  authorId: 'author',
  authorName: '김상담',
  body: '@박팀장 확인 부탁드립니다',
  mentionedIds: ['kept', 'gone'],
  createdAt: new Date('2024-11-25T01:00:00Z'),
  unreadableFields: [],
};

describe('presentTransferComments', () => {
  const names = new Map([['kept', '박팀장']]);

  it('words a mentioned person since deleted in the caller’s language', () => {
    const [korean] = presentTransferComments([comment], names, [], 'ko');
    const [english] = presentTransferComments([comment], names, [], 'en');
    expect(korean?.mentions).toEqual([
      { id: 'kept', name: '박팀장' },
      { id: 'gone', name: '(삭제된 사용자)' },
    ]);
    expect(english?.mentions).toEqual([
      { id: 'kept', name: '박팀장' },
      { id: 'gone', name: '(deleted user)' },
    ]);
  });
});

describe('presentTransferHistory: a due time moved by a company closure', () => {
  const row: TransferEventRow = {
    id: 7,
    transferId: 'transfer-1',
    actorId: 'admin',
    actorName: '관리자',
    action: 'due-changed',
    detail: {
      fromDueAt: '2026-12-28T03:00:00.000Z',
      toDueAt: '2026-12-29T03:00:00.000Z',
      closure: { change: 'added', date: '2026-12-28', name: '임시 휴무' },
    },
    at: new Date('2026-12-24T09:10:00Z'),
    unreadableFields: [],
  };

  it('says from when to when and which closure, in Seoul time, Korean first and English', () => {
    const [korean] = presentTransferHistory([row], new Map(), [], 'ko');
    const [english] = presentTransferHistory([row], new Map(), [], 'en');
    expect(korean?.summary).toBe('기한 변경: 12월 28일 (월) 12:00 → 12월 29일 (화) 12:00 · 임시 휴무 추가');
    expect(english?.summary).toBe(
      'Due time changed: Mon, Dec 28, 12:00 → Tue, Dec 29, 12:00 · closure 임시 휴무 added',
    );
  });

  it('words a retry time moved back when the closure is removed', () => {
    const removed: TransferEventRow = {
      ...row,
      detail: {
        fromRetryAt: '2026-12-29T05:00:00.000Z',
        toRetryAt: '2026-12-28T05:00:00.000Z',
        closure: { change: 'removed', date: '2026-12-28', name: '창립기념일' },
      },
    };
    const [korean] = presentTransferHistory([removed], new Map(), [], 'ko');
    expect(korean?.summary).toBe(
      '재시도 시각 변경: 12월 29일 (화) 14:00 → 12월 28일 (월) 14:00 · 창립기념일 취소',
    );
  });
});
