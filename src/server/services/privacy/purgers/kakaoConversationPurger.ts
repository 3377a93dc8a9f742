import { kakaoConversationRepository } from '../../../repositories/kakaoConversationRepository.ts';
import { KAKAO_IDLE_EXPIRY_MS } from '../../kakao/answerKakaoSkill.ts';
import {
  eraseKakaoConversationData,
  KAKAO_CONVERSATION_DESTRUCTION_KIND,
} from '../../kakao/eraseKakaoConversationData.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

/**
 * KakaoTalk chatbot conversations: the sealed user key, state (transcript, values taken down) and
 * last answer of an ended conversation go when its retention ends (the saved consultation's, or a
 * day idle), each with its destruction-log entry; the counts' columns stay. The Kakao sweep
 * (expireKakaoConversations, every 10 minutes) does the same, expiring idle ones too; so does the
 * retention purge and `npx ieum purge`, also when no server runs the sweep. A data-subject request reaches conversations
 * through the free-text redaction of every sealed table (no blind index of a phone or e-mail is
 * kept for them).
 */
export const kakaoConversationPurger: PersonalDataPurger = {
  kind: KAKAO_CONVERSATION_DESTRUCTION_KIND,
  covers: ['kakaoConversations'],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    // A chat idle for a day has ended too (nothing was filed from it): without the server's sweep
    // (stopped, or `ieum purge` on the embedded database) the purge expires it here.
    const idleBefore = new Date(now.getTime() - KAKAO_IDLE_EXPIRY_MS);
    const rows = dryRun
      ? [
          ...(await kakaoConversationRepository.listIdle(db, idleBefore, limit)),
          ...(await kakaoConversationRepository.listExpired(db, now, limit)),
        ]
      : await eraseKakaoConversationData(db, now, idleBefore).then((done) => [
          ...done.expired,
          ...done.erased,
        ]);
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
