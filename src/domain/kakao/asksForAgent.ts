import { botVocabulary } from './botVocabulary.ts';

// Who the customer asks for, what they want with them, and how they ask, as people type it in
// a chat (spaces and final punctuation dropped first): "상담원 연결해주세요", "상담사 연결 부탁드려요",
// "직원 연결", "사람이랑 얘기하고 싶어요". The whole message must be such a request: a message that only
// mentions an agent ("상담원 연결이 안 돼서 문의드려요") is an answer or an inquiry, never a command.
const person = '(?:상담직원|상담원|상담사|직원|사람|담당자)';
const particle = '(?:이랑|랑|하고|과|와|에게|한테|을|를|이|님)?';
const want = '(?:연결|통화|얘기|이야기|대화|상담)';
const asking =
  '(?:좀)?(?:해|하게|시켜|해서|을|를)?(?:주세요|줘요|줘|주실래요|주시겠어요|주실수있나요|부탁드려요|부탁드립니다|부탁해요|부탁|하고싶어요|하고싶습니다|하고싶은데요|원해요|원합니다|요|해요|할게요|할래요)?';
const request = new RegExp(`^${person}${particle}(?:좀)?${want}${asking}$`, 'u');
// Handing the chat over, the other way round: "연결해 주세요 상담원" is rare; "상담원 바꿔 주세요" is not.
const handOver = new RegExp(`^${person}${particle}(?:좀)?바꿔${asking}$`, 'u');

/**
 * Whether the customer asks for a person (the 상담직원 연결 quick reply, one of the words the bot
 * takes for it, or a request in their own words), at any step of the chat.
 */
export function asksForAgent(utterance: string): boolean {
  const said = utterance
    .trim()
    .replace(/[.!~?。]+$/u, '')
    .trim()
    .toLowerCase();
  if (botVocabulary.handoffWords.some((word) => word === said)) return true;
  const compact = said.replace(/\s+/gu, '');
  return request.test(compact) || handOver.test(compact);
}
