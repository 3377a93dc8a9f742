import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { answerBotUtterance, type BotContext, type BotTurnResult } from './answerBotUtterance.ts';
import { type BotConversation, newBotConversation } from './botConversation.ts';

const guide = shippedGuide();

function context(open: boolean): BotContext {
  return {
    at: '2026-11-25T01:00:00.000Z',
    businessHoursOpen: open,
    nextOpening: '11월 26일(목) 09:00',
    suggest: () => [],
  };
}

function converse(utterances: string[], at: BotContext, from?: BotConversation): BotTurnResult[] {
  const turns: BotTurnResult[] = [];
  let conversation = from ?? newBotConversation(guide);
  for (const utterance of utterances) {
    const turn = answerBotUtterance(guide, conversation, utterance, at);
    turns.push(turn);
    conversation = turn.conversation;
  }
  return turns;
}

const said = (turn: BotTurnResult | undefined) => turn?.reply.texts.join('\n') ?? '';
const greeting = '안녕하세요, ';
const menu = '문의 유형을 골라 주세요.';

/** The bot's own commands at every step (QA-11 H3): they work as commands and are never a value. */
describe('answerBotUtterance: commands at every step', () => {
  it('처음으로 at a collect step starts over: the greeting and menu, nothing filed, nothing typed kept', () => {
    const turns = converse(['6', '네', '동의', '이음상사', '처음으로'], context(true));
    const restarted = turns[4];
    expect(said(restarted)).toContain(greeting);
    expect(said(restarted)).toContain(menu);
    expect(restarted?.effect).toEqual({ kind: 'restart' });
    expect(restarted?.conversation.stage).toBe('pick-type');
    expect(restarted?.conversation.collected).toEqual({});
    expect(restarted?.conversation.consents).toEqual([]);
    expect(restarted?.conversation.inquiryType).toBeNull();
    expect(restarted?.conversation.flow).toBeNull();
    // The new chat's transcript: the command and the answer, nothing of the chat before.
    expect(restarted?.conversation.transcript.map((turn) => turn.from)).toEqual(['customer', 'bot']);
    expect(restarted?.conversation.transcript[0]?.text).toBe('처음으로');
    expect(JSON.stringify(restarted?.conversation)).not.toContain('이음상사');
  });

  it('처음으로 (any form the bot takes) is never a 업체명, 담당자 or 문의 내용', () => {
    for (const word of ['처음으로', '처음', '처음부터', '처음으로!']) {
      expect(converse(['6', '네', '동의', word], context(true))[3]?.effect).toEqual({ kind: 'restart' });
      expect(converse(['6', '네', '동의', '이음상사', word], context(true))[4]?.effect).toEqual({
        kind: 'restart',
      });
      // The Q1 문의 내용, taken before the callback consent.
      const inquiry = converse(['1', '아니요', word], context(true))[2];
      expect(inquiry?.effect).toEqual({ kind: 'restart' });
      expect(inquiry?.conversation.collected.inquiry).toBeUndefined();
    }
  });

  it('처음으로 at a 네/아니요 step, the consent notice, the type menu and the callback number restarts too', () => {
    const at = (utterances: string[]) => converse([...utterances, '처음으로'], context(true)).at(-1);
    for (const before of [
      ['1'],
      ['6'],
      ['6', '네'],
      ['9'],
      ['1', '아니요', '정산서 문의', '네'],
      ['1', '아니요', '정산서 문의', '네', '동의'],
    ]) {
      const turn = at(before);
      expect(said(turn)).not.toContain('버튼을 눌러 답해 주세요.');
      expect(said(turn)).toContain(menu);
      expect(turn?.effect).toEqual({ kind: 'restart' });
    }
    // The first message of a chat is the start already: the menu, no restart to carry out.
    const first = converse(['처음으로'], context(true))[0];
    expect(said(first)).toContain(menu);
    expect(first?.effect).toEqual({ kind: 'none' });
  });

  it('after a restart the chat runs as a new one and files what the customer gives then', () => {
    const turns = converse(
      [
        '6',
        '네',
        '동의',
        '처음으로',
        '6',
        '네',
        '동의',
        '이음상사',
        '홍길동',
        '010-2345-6789',
        'hong@example.com',
      ],
      context(true),
    );
    const filed = turns.at(-1);
    expect(filed?.effect).toEqual({ kind: 'resolve', outcome: 'lead', fileTransfer: true });
    expect(filed?.conversation.collected).toEqual({
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-2345-6789',
      email: 'hong@example.com',
    });
    expect(filed?.conversation.consents).toHaveLength(1);
  });

  it('while it takes the number and inquiry of a hand-off already asked for, a hand-off word is re-asked, not filed', () => {
    const toInquiry = ['9', '상담직원 연결', '동의', '010-2345-6789'];
    const again = converse([...toInquiry, '상담원 연결'], context(false)).at(-1);
    expect(said(again)).toBe('상담직원 연결을 요청하셨습니다.\n문의 내용을 입력해 주세요.');
    expect(again?.effect).toEqual({ kind: 'none' });
    expect(again?.conversation.stage).toBe('callback-inquiry');
    expect(again?.conversation.collected.inquiry).toBeUndefined();
    const atNumber = converse(['9', '상담직원 연결', '동의', '상담원'], context(false)).at(-1);
    expect(said(atNumber)).toBe('상담직원 연결을 요청하셨습니다.\n연락받으실 연락처를 입력해 주세요.');
    expect(atNumber?.conversation.stage).toBe('callback-phone');
    // Elsewhere, at a text step, the words hand off as at a 네/아니요 step, and are no value either.
    const handed = converse(['6', '네', '동의', '상담원 연결'], context(true))[3];
    expect(handed?.effect).toEqual({ kind: 'hand-off', open: true });
    expect(handed?.conversation.collected).toEqual({});
    const atInquiry = converse(['1', '아니요', '상담직원 연결'], context(true))[2];
    expect(atInquiry?.effect).toEqual({ kind: 'hand-off', open: true });
    expect(atInquiry?.conversation.collected.inquiry).toBeUndefined();
  });

  it('a request for a person in the customer’s own words hands off as the button does, at any step (QA-11 M2)', () => {
    // Mid-script, at a 네/아니요 step: it used to be told to press a button.
    const atButtons = converse(['1', '상담원 연결해주세요'], context(true))[1];
    expect(atButtons?.effect).toEqual({ kind: 'hand-off', open: true });
    expect(said(atButtons)).not.toContain('버튼을 눌러 답해 주세요.');
    // At a text step it is no value either.
    const atText = converse(['6', '네', '동의', '사람이랑 얘기하고 싶어요'], context(true))[3];
    expect(atText?.effect).toEqual({ kind: 'hand-off', open: true });
    expect(atText?.conversation.collected).toEqual({});
    // As the first message it is not read as an inquiry of some type: the type is asked first.
    const first = converse(['상담사 연결 부탁드려요'], context(true))[0];
    expect(said(first)).not.toContain('로 보입니다');
    expect(said(first)).toContain('상담직원에게 연결하기 전에 문의 유형을 먼저 알려 주세요.');
    // An inquiry that only mentions an agent is kept as the inquiry.
    const inquiry = converse(['1', '아니요', '상담원 연결이 안 돼서 문의드려요'], context(true))[2];
    expect(inquiry?.conversation.collected.inquiry).toBe('상담원 연결이 안 돼서 문의드려요');
  });
});
