import { defineMessages } from '../defineMessages.ts';

/** The privacy screen: masked records with reveal, access log, data-subject requests, destructions. */
export const privacyMessages = defineMessages('privacy', {
  ko: {
    'privacy.records.title': '상담이력 (마스킹)',
    'privacy.records.loading': '상담이력 불러오는 중',
    'privacy.records.none': '상담이력이 없습니다.',
    'privacy.records.time': '시간',
    'privacy.records.agent': '상담사',
    'privacy.records.caller': '발신 번호',
    'privacy.records.titleBody': '상담제목 · 내용',
    'privacy.records.outcome': '결과',
    'privacy.reveal': '열람',
  },
  en: {
    'privacy.records.title': 'Consultation records (masked)',
    'privacy.records.loading': 'Loading consultation records',
    'privacy.records.none': 'No consultation records.',
    'privacy.records.time': 'Time',
    'privacy.records.agent': 'Agent',
    'privacy.records.caller': 'Caller number',
    'privacy.records.titleBody': 'Title · content',
    'privacy.records.outcome': 'Outcome',
    'privacy.reveal': 'Reveal',
  },
});
