/**
 * The chatbot's own words: the buttons and the framing sentences around the guide's sentences
 * (which the bot quotes verbatim). Product text, not guide content — the guide says what to tell
 * the customer, these say how the chat moves on. Every label fits Kakao's 14 characters.
 */
export const botVocabulary = {
  yes: '네',
  no: '아니요',
  agree: '동의',
  refuse: '동의 안 함',
  next: '다음',
  handoff: '상담직원 연결',
  otherType: '다른 유형 보기',
  restart: '처음으로',
  /** Accepted besides the button labels, as people type them. */
  yesWords: ['네', '예', '응', '넵', '네네', '맞아요', '맞습니다', 'ㅇㅇ', 'yes', 'y'],
  noWords: ['아니요', '아니오', '아니', '아뇨', '아니에요', '아닙니다', 'ㄴㄴ', 'no', 'n'],
  agreeWords: ['동의', '동의함', '동의합니다', '동의해요'],
  refuseWords: ['동의 안 함', '동의안함', '동의하지 않음', '동의하지 않습니다', '거부', '거부합니다'],
  handoffWords: ['상담직원 연결', '상담원 연결', '상담원', '상담직원', '상담사 연결', '사람 연결'],
  /** After a value the server refused (the reason, when it is about that value, comes first). */
  answerAgain: '다시 입력해 주세요.',
  /** When the bot could not file what the customer gave; the customer's answer is kept. */
  notFiled: '입력하신 내용으로 접수하지 못했습니다.',
  /** When filing failed for a reason of ours (an outage); the customer's answer is kept. */
  temporaryFailure: '일시적인 오류로 처리하지 못했습니다. 잠시 후 다시 말씀해 주세요.',
} as const;
