import { kakaoConversationRepository } from '../../../repositories/kakaoConversationRepository.ts';
import {
  eraseKakaoConversationData,
  KAKAO_CONVERSATION_DESTRUCTION_KIND,
} from '../../kakao/eraseKakaoConversationData.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

/**
 * KakaoTalk chatbot conversations: the sealed user key, state (transcript, values taken down) and
 * last answer of an ended conversation go when its retention ends (the saved consultation's, or a
 * day idle), each with its destruction-log entry; the counts' columns stay. The Kakao sweep
 * (expireKakaoConversations, every 10 minutes) does the same, and expires idle ones; here it also
 * runs with the retention purge and `npx ieum purge`. A data-subject request reaches conversations
 * through the free-text redaction of every sealed table (no blind index of a phone or e-mail is
 * kept for them).
 */
export const kakaoConversationPurger: PersonalDataPurger = {
  kind: KAKAO_CONVERSATION_DESTRUCTION_KIND,
  covers: ['kakaoConversations'],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    const rows = dryRun
      ? await kakaoConversationRepository.listExpired(db, now, limit)
      : (await eraseKakaoConversationData(db, now, null)).erased;
    return {
      records: rows.map((row) => ({
        kind: KAKAO_CONVERSATION_DESTRUCTION_KIND,
        id: row.id,
        retentionEndedAt: row.retentionEndsAt?.toISOString() ?? '',
      })),
      removedRows: 0,
    };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
