import { describe, expect, it } from 'vitest';
import type { TransferCommentRow } from '../../repositories/transferRepository.ts';
import { presentTransferComments } from './presentTransferHistory.ts';

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
