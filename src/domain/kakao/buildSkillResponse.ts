import { kakaoLimits } from '../../contract/kakao/kakaoLimits.ts';
import type { KakaoOutput, KakaoSkillResponse } from '../../contract/kakao/kakaoSkillResponseSchema.ts';
import type { BotReply } from './botReply.ts';

/** Splits a text into pieces of at most `size` characters, at a line break when there is one. */
function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf('\n', size);
    const at = cut > size / 2 ? cut : size;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}

function clip(text: string, size: number): string {
  return text.length <= size ? text : `${text.slice(0, size - 1)}…`;
}

/**
 * Puts a reply in Kakao's skill response format (v2.0) within its limits: bubbles merged so that
 * there are at most three outputs (the operator card counting as one), each text at most 1,000
 * characters, at most ten quick replies, each carrying the turn it answers. Guides are checked at load so their sentences fit; the
 * merging here only keeps a long exchange (a re-ask after a notice) inside the limits.
 */
export function buildSkillResponse(reply: BotReply, turn: number): KakaoSkillResponse {
  const room = kakaoLimits.outputs - (reply.operator ? 1 : 0);
  const texts = reply.texts
    .filter((text) => text.trim() !== '')
    .flatMap((text) => splitText(text, kakaoLimits.textLength));
  const bubbles: string[] = [];
  for (const text of texts) {
    const last = bubbles.at(-1);
    if (bubbles.length < room) bubbles.push(text);
    else if (last !== undefined && last.length + 2 + text.length <= kakaoLimits.textLength)
      bubbles[bubbles.length - 1] = `${last}\n\n${text}`;
    else bubbles[bubbles.length - 1] = clip(`${last ?? ''}\n\n${text}`, kakaoLimits.textLength);
  }
  const outputs: KakaoOutput[] = bubbles.map((text) => ({ simpleText: { text } }));
  if (reply.operator) {
    outputs.push({
      textCard: {
        title: clip(reply.operator.title, kakaoLimits.cardTitleLength),
        description: clip(reply.operator.description, kakaoLimits.textCardDescriptionLength),
        buttons: [{ label: clip(reply.operator.label, kakaoLimits.labelLength), action: 'operator' }],
      },
    });
  }
  if (outputs.length === 0) outputs.push({ simpleText: { text: '…' } });
  const quickReplies = reply.quickReplies.slice(0, kakaoLimits.quickReplies).map((quick) => ({
    label: clip(quick.label, kakaoLimits.labelLength),
    action: 'message' as const,
    messageText: clip(quick.messageText, kakaoLimits.textLength),
    // Comes back as action.clientExtra: a press of this reply answers this turn, so a retried
    // request (an older turn) is told from a second, equal answer to the next question.
    extra: { turn },
  }));
  return {
    version: '2.0',
    template: { outputs, ...(quickReplies.length > 0 ? { quickReplies } : {}) },
  };
}
