import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { answerBotUtterance, type BotContext, type BotTurnResult } from './answerBotUtterance.ts';
import { type BotConversation, newBotConversation } from './botConversation.ts';

const guide = shippedGuide();

function context(open: boolean, suggestion?: number): BotContext {
  return {
    at: '2026-11-25T01:00:00.000Z',
    businessHoursOpen: open,
    nextOpening: '11월 26일(목) 09:00',
    suggest: () => (suggestion === undefined ? [] : [{ inquiryType: suggestion, score: 0.9 }]),
  };
}

function converse(utterances: string[], at: BotContext): BotTurnResult[] {
  const turns: BotTurnResult[] = [];
  let conversation: BotConversation = newBotConversation(guide);
  for (const utterance of utterances) {
    const turn = answerBotUtterance(guide, conversation, utterance, at);
    turns.push(turn);
    conversation = turn.conversation;
  }
  return turns;
}

const inquiry = '제 번호 010-8888-9999 로 연락 주세요. 메일은 hong.gildong@example.com 입니다';
/** Everything the chat keeps that the record and transcript are made of. */
const kept = (turn: BotTurnResult | undefined) =>
  JSON.stringify({ collected: turn?.conversation.collected, transcript: turn?.conversation.transcript });

/** A refused consent keeps none of what it covered, though typed before it (QA-11 H2). */
describe('answerBotUtterance: a refused consent forgets the contact points typed before it', () => {
  it('at a transfer end: the 문의 내용 and the transcript keep no number or address, marked where they were', () => {
    const refused = converse(['1', '아니요', inquiry, '네', '동의 안 함'], context(true)).at(-1);
    expect(refused?.effect).toEqual({ kind: 'resolve', outcome: 'declined', fileTransfer: false });
    expect(refused?.conversation.collected.inquiry).toBe(
      '제 번호 [삭제됨] 로 연락 주세요. 메일은 [삭제됨] 입니다',
    );
    expect(kept(refused)).not.toMatch(/8888|9999|hong|example/);
    const typed = refused?.conversation.transcript.find((turn) => turn.text.includes('제 번호'));
    expect(typed?.text).toBe('제 번호 [삭제됨] 로 연락 주세요. 메일은 [삭제됨] 입니다');
  });

  it('agreed, the inquiry is kept as typed (the transcript masked as always)', () => {
    const agreed = converse(['1', '아니요', inquiry, '네', '동의'], context(true)).at(-1);
    expect(agreed?.conversation.collected.inquiry).toBe(inquiry);
    expect(kept(agreed)).toContain('010-****-9999');
  });

  it('a number refused out of hours after 상담직원 연결 forgets the inquiry’s contact points too', () => {
    const refused = converse(['1', '아니요', inquiry, '상담직원 연결', '동의 안 함'], context(false)).at(-1);
    expect(refused?.effect).toEqual({ kind: 'handoff-refused' });
    expect(refused?.conversation.collected).toEqual({
      inquiry: '제 번호 [삭제됨] 로 연락 주세요. 메일은 [삭제됨] 입니다',
    });
    expect(kept(refused)).not.toMatch(/8888|9999|hong|example/);
  });

  it('the sign-up notice refused: a number in the first message is not kept either', () => {
    const turns = converse(['가입하고 싶어요 010-7777-6666', '네', '네', '동의 안 함'], context(true, 6));
    const refused = turns.at(-1);
    expect(refused?.effect).toMatchObject({ kind: 'resolve', outcome: 'declined' });
    expect(kept(refused)).not.toContain('6666');
    expect(refused?.conversation.transcript[0]?.text).toBe('가입하고 싶어요 [삭제됨]');
  });
});
