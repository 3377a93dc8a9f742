import { chooseObjectParticle } from '../korean/chooseObjectParticle.ts';

/**
 * The chatbot's own words, all of them: the buttons and the framing sentences around the guide's
 * sentences (which the bot quotes verbatim). Product text, not guide content — the guide says what
 * to tell the customer, these say how the chat moves on — and the same on every guide: who calls
 * back is '담당 부서', as the guides themselves say, never one guide's team. The bot speaks Korean
 * to customers. Every label fits Kakao's 14 characters.
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
  /** The first answer of a chat: the guide's chat name and its support line's hours. */
  greeting: (chatName: string, hoursLabel: string) =>
    `안녕하세요, ${chatName}입니다.\n상담 시간: ${hoursLabel}`,
  typeMenu: (list: string) => `문의 유형을 골라 주세요. (번호를 입력하셔도 됩니다)\n\n${list}`,
  typeBeforeHandoff: '상담직원에게 연결하기 전에 문의 유형을 먼저 알려 주세요.',
  /**
   * The bot's guess at the type from what the customer wrote. A label that names an inquiry
   * already ("가입 문의") is not followed by 문의 again; any other is said as an inquiry about it.
   */
  suggestedType: (label: string) =>
    `말씀하신 내용은 ${/문의$/u.test(label.trim()) ? `"${label}"` : `"${label}" 관련 문의`}로 보입니다. 맞으실까요?`,
  /** Asking for a collect field by its label, with the object particle the label takes. */
  fieldPrompt: (label: string) => `${label}${chooseObjectParticle(label)} 입력해 주세요.`,
  callbackNumberLabel: '연락받으실 연락처',
  inquiryLabel: '문의 내용',
  emptyValue: '값을 입력해 주세요.',
  companyNameTooLong: '업체명은 200자 이하입니다',
  contactNameTooLong: '담당자 이름은 100자 이하입니다',
  inquiryTooLong: '문의 내용은 4000자 이하입니다',
  pressButton: '버튼을 눌러 답해 주세요.',
  consentByButton: '동의 여부를 버튼으로 알려 주세요.',
  /** Why the bot asks for a number at a transfer end, where the console's agent uses the app's. */
  chatNeedsNumber:
    '챗봇에서는 카카오 T 앱에 등록된 연락처를 확인할 수 없어, 연락받으실 번호를 남겨 주셔야 담당 부서에 접수됩니다.',
  notFiledWithoutNumber: '연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.',
  /** 상담직원 연결 typed again while the bot takes that hand-off's number or inquiry. */
  handoffUnderway: '상담직원 연결을 요청하셨습니다.',
  handoffStarted: '상담직원에게 연결해 드리겠습니다. 지금까지 나눈 대화는 상담직원에게 전달됩니다.',
  /** The operator card's description: when agents answer. */
  hours: (hoursLabel: string) => `상담 시간: ${hoursLabel}`,
  closedNow: (hoursLabel: string, nextOpening: string) =>
    `지금은 상담 시간이 아닙니다 (${hoursLabel}).\n연락처를 남겨 주시면 ${nextOpening} 이후 담당 부서에서 연락드리겠습니다.`,
  /** A transfer end's callback taken (the guide's promise follows); outside hours, from when. */
  received: (nextOpening: string | null) =>
    nextOpening
      ? `접수되었습니다. 지금은 상담 시간이 아니어서 ${nextOpening} 이후에 연락드립니다.`
      : '접수되었습니다.',
  /** A message after an in-hours hand-off, while no agent has taken the chat on. */
  agentWaiting:
    '상담직원 연결을 요청하셨습니다. 아래 상담직원 연결 버튼을 누르시면 상담직원이 이어서 안내해 드립니다. 새로 문의하시려면 처음으로를 눌러 주세요.',
  /** A message after an out-of-hours hand-off: the callback is filed and waits; from when. */
  callbackWaiting: (nextOpening: string | null) =>
    `상담직원 연결 요청이 접수되어 있습니다. ${nextOpening ? `${nextOpening} 이후 ` : ''}담당 부서에서 연락드리겠습니다. 새로 문의하시려면 처음으로를 눌러 주세요.`,
  /** A callback filed; outside hours, from when. */
  filed: (nextOpening: string | null) =>
    `접수되었습니다. ${nextOpening ? `${nextOpening} 이후 ` : ''}담당 부서에서 연락드리겠습니다.`,
} as const;
