import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advanceFlow } from '../flow/advanceFlow.ts';
import type { FlowInput, FlowState } from '../flow/flowTypes.ts';
import { startFlow } from '../flow/startFlow.ts';
import type { Guide } from '../guide/guideSchema.ts';
import { parseGuide } from '../guide/parseGuide.ts';
import { draftRecordFields } from './draftRecordFields.ts';
import { renderConsultationRecord } from './renderConsultationRecord.ts';

function loadGuide(): Guide {
  const text = readFileSync(
    new URL('../../../content/guides/business-inquiry.json', import.meta.url),
    'utf8',
  );
  const result = parseGuide(text, 'business-inquiry.json');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.guide;
}

const guide = loadGuide();

function play(scriptId: string, inputs: FlowInput[], businessHoursOpen = true): FlowState {
  const started = startFlow(guide, scriptId);
  if (!started.ok) throw new Error(started.message);
  return inputs.reduce((state, input) => {
    const result = advanceFlow(guide, state, input, { businessHoursOpen });
    if (!result.ok) throw new Error(result.message);
    return result.state;
  }, started.state);
}

describe('renderConsultationRecord', () => {
  it('renders category, title and body exactly in the guide format, values trimmed', () => {
    const record = renderConsultationRecord(guide, {
      summary: '  PC 웹 택시 호출 설정 문의 ',
      companyName: ' 이음상사 ',
      contactName: '김민지',
      phone: '010-1234-5678',
      inquiry: 'PC 웹에서 택시 호출 설정 방법',
    });
    expect(record.category).toBe('비즈니스 > 기타 > 이관 > 이관');
    expect(record.title).toBe('[비즈니스] PC 웹 택시 호출 설정 문의');
    expect(record.body).toBe(
      'ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : 김민지\nㄴ 연락처 : 010-1234-5678\nㄴ 문의 내용 : PC 웹에서 택시 호출 설정 방법',
    );
    expect(record.text).toBe(
      `■ 상담유형 : 비즈니스 > 기타 > 이관 > 이관\n■ 상담제목 : [비즈니스] PC 웹 택시 호출 설정 문의\n■ 상담내용\n${record.body}`,
    );
  });

  it('renders empty fields as empty after the colon and keeps one line per field', () => {
    const record = renderConsultationRecord(guide, {
      summary: '',
      companyName: '',
      contactName: ' ',
      phone: '',
      inquiry: '첫 줄\n  둘째 줄\r\n',
    });
    expect(record.body).toBe('ㄴ 기업명 : \nㄴ 담당자 이름 : \nㄴ 연락처 : \nㄴ 문의 내용 : 첫 줄 둘째 줄');
    expect(record.title).toBe('[비즈니스]');
  });
});

describe('draftRecordFields', () => {
  it('pre-fills a Q4 lead from what the flow collected, email kept for the brochure', () => {
    const state = play('q4', ['yes', 'agreed', 'next']);
    const fields = draftRecordFields(guide, state, {
      callerNumber: '01099998888',
      collected: {
        companyName: '이음상사',
        contactName: '김민지',
        phone: '010-1234-5678',
        email: 'minji@example.com',
      },
    });
    expect(fields).toEqual({
      summary: '비즈니스 가입 문의',
      companyName: '이음상사',
      contactName: '김민지',
      phone: '010-1234-5678',
      // What the guide's policy says the team does with a sign-up (the lead's transfer says it too).
      inquiry: '비즈니스 가입 문의: 가입 소개서 메일 발송 후 업무시간 중 OB / 이메일주소: minji@example.com',
    });
    expect(renderConsultationRecord(guide, fields).title).toBe('[비즈니스] 비즈니스 가입 문의');
  });

  it('keeps none of what the consent covers after the caller refused it, typed or from the phone system', () => {
    const state = play('q4', ['yes', 'refused']);
    const fields = draftRecordFields(guide, state, {
      callerNumber: '010-9999-8888',
      // Typed earlier in the call (in another script, before the consent was asked).
      collected: {
        companyName: '거부회사',
        contactName: '거부자',
        email: 'x@example.com',
        inquiry: '가입 문의',
      },
    });
    expect(fields).toEqual({
      // The title summarises what was asked (the guide's "[비즈니스] 문의 내용 요약").
      summary: '가입 문의',
      companyName: '',
      contactName: '',
      phone: '',
      inquiry: '가입 문의',
    });
  });

  it('starts 기업명 from the company the directory knows the caller by, what was typed winning (QA-9 M1)', () => {
    const state = play('q1', ['yes']);
    const directoryContact = { companyName: '(주)누리테크' };
    expect(draftRecordFields(guide, state, { directoryContact })).toMatchObject({
      companyName: '(주)누리테크',
      contactName: '',
    });
    expect(
      draftRecordFields(guide, state, { directoryContact, collected: { companyName: '누리테크 물류' } }),
    ).toMatchObject({ companyName: '누리테크 물류' });
  });

  it('takes nothing from the directory that the caller refused on this path', () => {
    const state = play('q4', ['yes', 'refused']);
    expect(
      draftRecordFields(guide, state, { directoryContact: { companyName: '(주)누리테크' } }),
    ).toMatchObject({ companyName: '' });
  });

  it('uses the caller number and the chosen inquiry type for a transfer', () => {
    const state = play('q1', ['no', 'next', 'yes']);
    const fields = draftRecordFields(guide, state, {
      callerNumber: '010-2222-3333',
      collected: { inquiry: '  PC 웹 택시 호출 설정 방법 ' },
      inquiryTypeNumber: 9,
    });
    expect(fields).toEqual({
      summary: 'PC 웹 택시 호출 설정 방법',
      companyName: '',
      contactName: '',
      phone: '010-2222-3333',
      inquiry: 'PC 웹 택시 호출 설정 방법',
    });
    expect(renderConsultationRecord(guide, fields).body).toBe(
      'ㄴ 기업명 : \nㄴ 담당자 이름 : \nㄴ 연락처 : 010-2222-3333\nㄴ 문의 내용 : PC 웹 택시 호출 설정 방법',
    );
  });

  it('keeps the caller number out of a record whose path calls nobody back (support line, caller declined, company admin)', () => {
    const known = { callerNumber: '010-2222-3333', inquiryTypeNumber: 1 };
    // Q1-Y in business hours: the caller is sent to the support line.
    expect(draftRecordFields(guide, play('q1', ['yes']), known).phone).toBe('');
    // Q1-N, then no callback wanted.
    expect(draftRecordFields(guide, play('q1', ['no', 'next', 'no']), known).phone).toBe('');
    // Q3-N: the company's own admin answers it.
    expect(draftRecordFields(guide, play('q3', ['no']), known).phone).toBe('');
    // The same caller after hours (Q1-Y → transfer) is called back: the number is there.
    expect(draftRecordFields(guide, play('q1', ['yes', 'next', 'yes'], false), known).phone).toBe(
      '010-2222-3333',
    );
  });

  it('titles the record with the inquiry taken down, its first line, cut at a word when long (QA-9 M2)', () => {
    const state = play('q1', ['no', 'next', 'yes']);
    const titled = (inquiry: string) =>
      draftRecordFields(guide, state, { collected: { inquiry }, inquiryTypeNumber: 1 }).summary;
    expect(titled('세금계산서 재발행 요청')).toBe('세금계산서 재발행 요청');
    expect(titled('\n  지난달  정산 금액 확인\n상세: 11월분')).toBe('지난달 정산 금액 확인');
    expect(titled('법인 카드 결제 수단 변경 후 기존 예약 건의 결제 수단도 함께 바뀌는지 확인 요청')).toBe(
      '법인 카드 결제 수단 변경 후 기존 예약 건의 결제 수단도 함께…',
    );
    // Nothing typed: the type's label.
    expect(titled('   ')).toBe('관리자 기능 문의');
  });

  it('falls back to the script summary and empty values when nothing is known', () => {
    expect(draftRecordFields(guide, play('q3', ['no']))).toEqual({
      summary: '기업용 프로필 비즈니스 문의',
      companyName: '',
      contactName: '',
      phone: '',
      inquiry: '',
    });
  });
});
