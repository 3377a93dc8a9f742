import type { Database } from '../../db/openDatabase.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import {
  type ErasedConversation,
  kakaoConversationRepository,
} from '../../repositories/kakaoConversationRepository.ts';

/** The destruction log's record kind for a KakaoTalk conversation's personal columns. */
export const KAKAO_CONVERSATION_DESTRUCTION_KIND = 'kakao-conversation.personal-data';

const FIELDS = ['userKey', 'state', 'lastResponse'];

/**
 * Erases, in one transaction with their destruction-log entries (reason 'retention-ended'), the
 * personal columns of conversations idle since `idleBefore` (ended as expired: nothing was filed
 * from them, so a day idle is their whole retention) and of ended conversations whose retention
 * is over. Like every other purge, a destruction leaves its record: which conversation, which
 * columns, when its retention ended.
 */
export async function eraseKakaoConversationData(
  db: Database,
  now: Date,
  idleBefore: Date | null,
): Promise<{ expired: ErasedConversation[]; erased: ErasedConversation[] }> {
  return db.transaction(async (tx) => {
    const expired = idleBefore ? await kakaoConversationRepository.expireIdle(tx, idleBefore, now) : [];
    const erased = await kakaoConversationRepository.erasePersonalData(tx, now);
    await destructionLogRepository.appendMany(
      tx,
      [...expired, ...erased].map((row) => ({
        at: now,
        recordKind: KAKAO_CONVERSATION_DESTRUCTION_KIND,
        recordId: row.id,
        reason: 'retention-ended' as const,
        actorId: null,
        detail: { fields: FIELDS, retentionEndedAt: row.retentionEndsAt?.toISOString() ?? null },
      })),
    );
    return { expired, erased };
  });
}
