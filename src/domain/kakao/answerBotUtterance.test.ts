import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { answerBotUtterance, type BotContext, type BotTurnResult } from './answerBotUtterance.ts';
import { type BotConversation, newBotConversation } from './botConversation.ts';
import { chatInquiryTypes } from './chatInquiryTypes.ts';

const guide = shippedGuide();
const promise = '담당 부서에서 순차적으로 연락드릴 예정으로 시간이 소요될 수 있으니 양해 부탁드립니다.';

function context(open: boolean, suggestion?: number): BotContext {
  return {
    at: '2026-11-25T01:00:00.000Z',
    businessHoursOpen: open,
    nextOpening: '11월 26일(목) 09:00',
    suggest: () => (suggestion === undefined ? [] : [{ inquiryType: suggestion, score: 0.9 }]),
  };
}

/** A chat: each utterance answered in turn on the conversation the last answer left. */
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

describe('answerBotUtterance', () => {
  it('promises the callback once the number is taken, never before the consent is asked', () => {
    const turns = converse(['1', '아니요', '정산서 문의', '네', '동의', '010-2345-6789'], context(true));
    const [, , , notice, , filed] = turns;
    expect(said(notice)).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    expect(said(notice)).not.toContain(promise);
    expect(said(filed)).toBe(`접수되었습니다.\n${promise}`);
    expect(filed?.effect).toEqual({ kind: 'resolve', outcome: 'transfer', fileTransfer: true });
  });

  it('out of hours, says from when, then the guide’s promise', () => {
    const turns = converse(['1', '네', '세금계산서 문의', '네', '동의', '010-2345-6789'], context(false));
    expect(said(turns[3])).not.toContain(promise);
    expect(said(turns[5])).toBe(
      `접수되었습니다. 지금은 상담 시간이 아니어서 11월 26일(목) 09:00 이후에 연락드립니다.\n${promise}`,
    );
  });

  it('a refused number is told that nothing was filed, and nothing promised it', () => {
    const turns = converse(['1', '아니요', '정산서 문의', '네', '동의 안 함'], context(true));
    expect(turns.map(said).join('\n')).not.toContain('연락드릴 예정');
    expect(said(turns[4])).toContain('연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.');
  });

  it('proposes a type from the first message, naming 문의 once whatever the label', () => {
    const proposal = (type: number) => said(converse(['정산서가 안 보여요'], context(true, type))[0]);
    expect(proposal(1)).toContain('말씀하신 내용은 "관리자 기능 문의"로 보입니다. 맞으실까요?');
    expect(proposal(6)).toContain('말씀하신 내용은 "가입 문의"로 보입니다.');
    expect(proposal(5)).toContain('말씀하신 내용은 "교통유발금 서류 요청" 관련 문의로 보입니다.');
    for (const type of chatInquiryTypes(guide)) {
      const sentence = proposal(type.number);
      expect(sentence).toContain(`"${type.label}"`);
      expect(sentence).not.toMatch(/문의"? 문의/u);
    }
  });

  const labels = (turn: BotTurnResult | undefined) => turn?.reply.quickReplies.map((reply) => reply.label);

  it('offers 상담직원 연결 while it takes a transfer end’s number, and a hand-off there keeps the consent given', () => {
    const toNumber = ['1', '아니요', '정산서 문의', '네', '동의'];
    const asked = converse(toNumber, context(true));
    expect(labels(asked[3])).toEqual(['동의', '동의 안 함', '상담직원 연결']);
    expect(labels(asked[4])).toEqual(['상담직원 연결']);
    const bad = converse([...toNumber, '02-12'], context(true))[5];
    expect(said(bad)).toContain('연락받으실 연락처를 입력해 주세요.');
    expect(labels(bad)).toEqual(['상담직원 연결']);
    // In hours: to an agent at once.
    const handed = converse([...toNumber, '상담직원 연결'], context(true))[5];
    expect(handed?.effect).toEqual({ kind: 'hand-off', open: true });
    expect(handed?.reply.operator?.label).toBe('상담직원 연결');
    // Out of hours: the number, under the consent already given, not the notice again.
    const closed = converse([...toNumber, '상담직원 연결', '010-2345-6789'], context(false));
    expect(said(closed[5])).toContain('지금은 상담 시간이 아닙니다');
    expect(said(closed[5])).toContain('연락받으실 연락처를 입력해 주세요.');
    expect(said(closed[5])).not.toContain('동의하신다면');
    expect(labels(closed[5])).toEqual([]);
    expect(closed[6]?.effect).toEqual({ kind: 'hand-off', open: false });
    expect(closed[6]?.conversation.consents).toHaveLength(1);
  });

  it('ends an out-of-hours hand-off with 처음으로; the consent and number steps offer no second hand-off', () => {
    const turns = converse(['9', '상담직원 연결', '동의', '010-2345-6789', 'PC 호출 설정'], context(false));
    expect(labels(turns[1])).toEqual(['동의', '동의 안 함']);
    expect(labels(turns[2])).toEqual([]);
    expect(said(turns[4])).toContain('11월 26일(목) 09:00 이후 담당 부서에서 연락드리겠습니다.');
    expect(labels(turns[4])).toEqual(['처음으로']);
  });

  it('after a hand-off, a message is told the request waits for a person, with 처음으로', () => {
    const [, handed] = converse(['5', '상담직원 연결'], context(true));
    const [again] = converse(['아직인가요?'], context(true), handed?.conversation);
    expect(said(again)).toContain('상담직원 연결을 요청하셨습니다.');
    expect(again?.reply.operator?.label).toBe('상담직원 연결');
    expect(labels(again)).toEqual(['처음으로']);
    expect(again?.effect).toEqual({ kind: 'none' });
    expect(again?.conversation.stage).toBe('handed-off');

    const filed = converse(['9', '상담직원 연결', '동의', '010-2345-6789', 'PC 호출 설정'], context(false));
    const [waiting] = converse(['연락 언제 오나요'], context(false), filed[4]?.conversation);
    expect(said(waiting)).toBe(
      '상담직원 연결 요청이 접수되어 있습니다. 11월 26일(목) 09:00 이후 담당 부서에서 연락드리겠습니다. 새로 문의하시려면 처음으로를 눌러 주세요.',
    );
    expect(labels(waiting)).toEqual(['처음으로']);
  });

  it('takes a name as 담당자, re-asking a number as the console’s intake refuses it', () => {
    const turns = converse(['6', '네', '동의', '이음상사', '12345', '홍길동'], context(true));
    expect(said(turns[4])).toBe(
      '이름은 글자로 입력해 주세요. 숫자나 기호는 쓸 수 없습니다\n담당자를 입력해 주세요.',
    );
    expect(turns[4]?.conversation.collected.contactName).toBeUndefined();
    expect(said(turns[5])).toContain('연락처를 입력해 주세요.');
    expect(turns[5]?.conversation.collected.contactName).toBe('홍길동');
  });
});
