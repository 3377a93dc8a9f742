import { describe, expect, it } from 'vitest';
import { asksForAgent } from './asksForAgent.ts';

describe('asksForAgent', () => {
  it('takes the quick reply and the words the bot always took', () => {
    for (const said of [
      '상담직원 연결',
      '상담원 연결',
      '상담원',
      '상담직원',
      '상담사 연결',
      '사람 연결',
      '상담원 연결!',
    ])
      expect(asksForAgent(said), said).toBe(true);
  });

  it('takes a request for a person in the customer’s own words (QA-11 M2)', () => {
    for (const said of [
      '상담원 연결해주세요',
      '상담사 연결 부탁드려요',
      '상담원연결',
      '직원 연결',
      '사람이랑 얘기하고 싶어요',
      '상담원 연결해 줘',
      '상담원이랑 통화하고 싶어요',
      '상담원 좀 바꿔 주세요',
      '담당자 연결 부탁드립니다.',
      '상담직원과 대화하고 싶습니다',
    ])
      expect(asksForAgent(said), said).toBe(true);
  });

  it('does not take a message that only mentions an agent: that is an answer or an inquiry', () => {
    for (const said of [
      '상담원 연결이 안 돼서 문의드려요',
      '상담원이 불친절했어요',
      '직원 계정 추가는 어떻게 하나요',
      '사람',
      '네',
      '이음상사',
      '연결해 주세요',
      '법인 직원 연결 계정 등록 문의',
    ])
      expect(asksForAgent(said), said).toBe(false);
  });
});
