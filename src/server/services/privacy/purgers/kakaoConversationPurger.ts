import { kakaoConversationRepository } from '../../../repositories/kakaoConversationRepository.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

/**
 * KakaoTalk chatbot conversations: the sealed user key, state (transcript, values taken down) and
 * last answer of an ended conversation go when its retention ends (the saved consultation's, or a
 * day idle); the counts' columns stay. The Kakao sweep (expireKakaoConversations, every 10 minutes)
 * does the same, and expires idle ones; here it also runs with the retention purge and
 * `npx ieum purge`. Counted, not listed: the repository erases by condition. A data-subject request
 * reaches conversations through the free-text redaction of every sealed table (no blind index of a
 * phone or e-mail is kept for them).
 */
export const kakaoConversationPurger: PersonalDataPurger = {
  kind: 'kakao-conversation.personal-data',
  covers: ['kakaoConversations'],

  async purgeExpired(db, { now }, { dryRun }) {
    if (dryRun) return { records: [], removedRows: 0 };
    return { records: [], removedRows: await kakaoConversationRepository.erasePersonalData(db, now) };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
