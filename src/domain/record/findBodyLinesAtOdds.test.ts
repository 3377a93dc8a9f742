import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { findBodyLinesAtOdds } from './findBodyLinesAtOdds.ts';
import { followFieldsInBody } from './followFieldsInBody.ts';
import { renderConsultationRecord } from './renderConsultationRecord.ts';

const businessGuide = shippedGuide();

const fields = {
  summary: '요금 문의',
  companyName: '갑회사',
  contactName: '홍길동',
  phone: '010-1234-5678',
  inquiry: '법인 카드 결제\n문의',
};

describe('findBodyLinesAtOdds', () => {
  it('finds nothing in the body rendered from the fields, nor in text the agent added around its lines', () => {
    const { body } = renderConsultationRecord(businessGuide, fields);
    expect(findBodyLinesAtOdds(businessGuide, fields, body)).toEqual([]);
    expect(findBodyLinesAtOdds(businessGuide, fields, `${body}\n\n고객이 오후 통화 희망`)).toEqual([]);
    // Lines left out are the format's business (the guide's record), not a contradiction.
    expect(findBodyLinesAtOdds(businessGuide, fields, 'ㄴ 기업명 : 갑회사')).toEqual([]);
  });

  it('names each field whose line says something else, once, in body order', () => {
    const body = [
      'ㄴ 담당자 이름 : 이몽룡',
      'ㄴ 기업명 : 을회사',
      'ㄴ 연락처 : 010-1234-5678',
      'ㄴ 담당자 이름 : 성춘향',
    ].join('\n');
    expect(findBodyLinesAtOdds(businessGuide, fields, body)).toEqual([
      { key: 'contactName', label: '담당자 이름' },
      { key: 'companyName', label: '기업명' },
    ]);
  });

  it('holds an emptied field to an empty line (consent refused: nothing kept)', () => {
    const refused = { ...fields, contactName: '', phone: '' };
    expect(findBodyLinesAtOdds(businessGuide, refused, 'ㄴ 담당자 이름 : \nㄴ 연락처 :')).toEqual([]);
    expect(findBodyLinesAtOdds(businessGuide, refused, 'ㄴ 연락처 : 010-1234-5678')).toEqual([
      { key: 'phone', label: '연락처' },
    ]);
  });
});

describe('followFieldsInBody', () => {
  it("rewrites the guide's lines to the fields and keeps what the agent added, so the body agrees again", () => {
    const { body } = renderConsultationRecord(businessGuide, fields);
    const edited = `${body}\n\n고객이 오후 통화 희망`;
    const corrected = { ...fields, contactName: '홍길순', phone: '' };
    const followed = followFieldsInBody(businessGuide, edited, corrected);
    expect(followed).toBe(
      `${renderConsultationRecord(businessGuide, corrected).body}\n\n고객이 오후 통화 희망`,
    );
    expect(findBodyLinesAtOdds(businessGuide, corrected, followed)).toEqual([]);
    expect(followFieldsInBody(businessGuide, '직접 쓴 상담내용', corrected)).toBe('직접 쓴 상담내용');
  });
});
