import { describe, expect, it } from 'vitest';
import { describeImportRefusals } from './describeImportRefusal.ts';
import { validateDirectoryImport } from './validateDirectoryImport.ts';

const header = {
  line: 1,
  cells: [
    '기업명',
    '사업자등록번호',
    '담당자 이름',
    '담당자 구분 (관리책임자|운영담당자)',
    '연락처',
    '이메일',
  ],
};
const row = (line: number, cells: string[]) => ({ line, cells });

describe('validateDirectoryImport', () => {
  it('accepts rows of one company sharing its number, several phones and e-mails per cell', () => {
    const check = validateDirectoryImport({
      header,
      rows: [
        row(2, [
          '(주)누리테크',
          '120-81-47521',
          '김민수',
          '관리책임자',
          '010-2345-6789, 02-312-3456',
          'ms@nuri.example',
        ]),
        row(3, ['(주)누리테크', '1208147521', '이영희', '운영담당자', '01034567890', '']),
        row(4, ['', '', '', '', '', '']),
      ],
    });
    expect(check).toEqual({
      ok: true,
      rows: 2,
      refused: [],
      companies: [{ bizNo: '1208147521', name: '(주)누리테크' }],
      accepted: [
        {
          line: 2,
          bizNo: '1208147521',
          companyName: '(주)누리테크',
          name: '김민수',
          role: 'manager',
          phones: ['010-2345-6789', '02-312-3456'],
          emails: ['ms@nuri.example'],
        },
        {
          line: 3,
          bizNo: '1208147521',
          companyName: '(주)누리테크',
          name: '이영희',
          role: 'operator',
          phones: ['010-3456-7890'],
          emails: [],
        },
      ],
    });
  });

  it('names every bad line with every reason, in Korean or English', () => {
    const check = validateDirectoryImport({
      header,
      rows: [
        row(2, ['누리테크', '120-81-47521', '김민수', '관리책임자', '010-2345-6789', '']),
        row(3, ['누리테크', '120-81-47522', '박철수', '관리책임자', '010-2345-6780', '']),
        row(4, ['누리테크', '120-81-47521', '이영희', '팀장', '1234', 'not-an-email']),
        row(5, ['다른이름', '120-81-47521', '최수진', '운영담당자', '1644-7391', '']),
        row(6, ['누리테크', '120-81-47521', '김 민수', '관리책임자', '010-1111-2222', '']),
        row(7, ['', '', '', '', '', 'x@y.example']),
      ],
    });
    if (!check.ok) throw new Error('header refused');
    expect(check.accepted.map((contact) => contact.line)).toEqual([2]);
    const reasons = new Map(
      check.refused.map(({ line, refusals }) => [line, describeImportRefusals(refusals, 'ko')]),
    );
    expect([...reasons.keys()]).toEqual([3, 4, 5, 6, 7]);
    expect(reasons.get(3)).toBe('사업자등록번호의 검증번호가 맞지 않습니다 (번호를 다시 확인해 주세요)');
    expect(reasons.get(5)).toBe(
      '연락처 1번째 번호는 대표번호·080 번호로, 담당자 연락처로 등록할 수 없습니다; 같은 사업자등록번호의 기업명이 2행과 다릅니다',
    );
    expect(reasons.get(6)).toBe('같은 기업에 같은 담당자(이름·구분)가 2행에 이미 있습니다');
    expect(reasons.get(7)).toBe(
      '기업명 값이 비어 있습니다; 사업자등록번호 값이 비어 있습니다; 담당자 이름 값이 비어 있습니다; 담당자 구분 값이 비어 있습니다; 연락처 값이 비어 있습니다',
    );
    const line4 = check.refused.find((entry) => entry.line === 4);
    expect(line4?.refusals.map((refusal) => refusal.code).sort()).toEqual([
      'bad-email',
      'bad-phone',
      'bad-role',
    ]);
    expect(describeImportRefusals(check.refused[0]?.refusals ?? [], 'en')).toBe(
      'business registration number has a wrong check digit',
    );
  });

  it('counts only the companies of accepted rows: a file whose rows are all refused has none', () => {
    const check = validateDirectoryImport({
      header,
      rows: [
        row(2, ['새회사', '120-81-47521', '김민수', '팀장', '010-2345-6789', '']),
        row(3, ['새회사', '120-81-47521', '이영희', '운영담당자', '02-12', '']),
      ],
    });
    if (!check.ok) throw new Error('header refused');
    expect(check.accepted).toEqual([]);
    expect(check.refused.map((entry) => entry.line)).toEqual([2, 3]);
    expect(check.companies).toEqual([]);

    // One company's rows refused, another's accepted: only the accepted one is counted.
    const mixed = validateDirectoryImport({
      header,
      rows: [
        row(2, ['누리테크', '120-81-47521', '김민수', '팀장', '010-2345-6789', '']),
        row(3, ['바다상사', '220-81-62517', '최바다', '관리책임자', '010-9090-8080', '']),
      ],
    });
    if (!mixed.ok) throw new Error('header refused');
    expect(mixed.companies.map((company) => company.name)).toEqual(['바다상사']);
  });

  it('reports missing required columns', () => {
    expect(validateDirectoryImport({ header: { line: 1, cells: ['기업명', '연락처'] }, rows: [] })).toEqual({
      ok: false,
      missingColumns: ['bizNo', 'contactName', 'role'],
    });
  });
});
