import { assemble, disassemble } from 'es-hangul';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { searchIndex } from './searchIndex.ts';
import type { SearchDocument } from './searchTypes.ts';

// A small slice of the business-inquiry guide, independent of the guide schema.
const docs: SearchDocument[] = [
  {
    id: 'type:1',
    kind: 'inquiry-type',
    title: '비즈니스 관리자 관련 문의',
    text: '상품 설정, 한도 관리, 정산 문의, 임원 초대 등',
    inquiryType: 1,
    scriptId: 'q1',
  },
  {
    id: 'type:2',
    kind: 'inquiry-type',
    title: '비즈 관련 미수금 문의',
    text: '비즈 이용료, 수수료 등 / 빌링에서 확인되지 않음',
    inquiryType: 2,
    scriptId: 'q3',
  },
  {
    id: 'type:3',
    kind: 'inquiry-type',
    title: "비즈 이용 후 '기록, 내역, 정산'에 문제가 생긴 경우",
    text: '비즈 내비, 비즈 택시, 비즈 대리 등등',
    inquiryType: 3,
    scriptId: 'q3',
  },
  {
    id: 'type:4',
    kind: 'inquiry-type',
    title: '비즈니스 이용 관련 기록, 자료 요청',
    text: '',
    inquiryType: 4,
    scriptId: 'q1',
  },
  {
    id: 'type:5',
    kind: 'inquiry-type',
    title: '비즈니스 교통유발금 관련 서류 요청',
    text: '',
    inquiryType: 5,
    scriptId: 'q1',
  },
  {
    id: 'type:6',
    kind: 'inquiry-type',
    title: '비즈니스 가입 문의',
    text: '가입 문의는 이메일 회신으로 하단 상세 내용 필독',
    inquiryType: 6,
    scriptId: 'q4',
  },
  {
    id: 'type:7',
    kind: 'inquiry-type',
    title: '기업에서 상품을 이용하고 싶다, 본사담당자를 연결하고 싶다.',
    text: '',
    inquiryType: 7,
    scriptId: 'q4',
  },
  {
    id: 'type:8',
    kind: 'inquiry-type',
    title: '개인용 프로필 이용자 이용기록 이메일 발송문의',
    text: '',
    inquiryType: 8,
    scriptId: 'q2',
  },
  {
    id: 'type:9',
    kind: 'inquiry-type',
    title: 'PC 웹 택시 호출 가입방법 문의, 설정 방법 문의',
    text: '',
    inquiryType: 9,
    scriptId: 'q1',
  },
  {
    id: 'script:q1',
    kind: 'script',
    title: 'Q1. 비즈 관리시스템에 등록된 운영담당자 / 관리책임자 인입',
    text: '비즈 상품설정/한도변경을 어떻게 하나요? 비즈 임직원 초대, 정산 관련해서 궁금한 게 있어요. 세금계산서, 교통유발금 서류 발행해 주세요. 그 외 기타 비즈니스 문의',
    scriptId: 'q1',
  },
  {
    id: 'script:q4',
    kind: 'script',
    title: 'Q4. 비즈니스 미가입자',
    text: '비즈니스 가입은 어떻게 하나요? 기업에서 상품을 이용하고 싶습니다. 본사담당자와 연결해서 상세한 상담을 하고 싶습니다.',
    scriptId: 'q4',
  },
  {
    id: 'q1:open',
    kind: 'sentence',
    title: 'Q1 › 질문',
    text: '실례지만, 비즈니스 관리시스템에 등록된 관리책임자 또는 운영 담당자가 맞으실까요?',
    scriptId: 'q1',
  },
  {
    id: 'q1:y',
    kind: 'sentence',
    title: 'Q1 › Y',
    text: '관리책임자(운영담당자)의 경우 유선으로 즉시 상담이 가능합니다. 비즈니스 전용 상담센터 1644-7391 (평일/09~18)로 문의하여 상담을 부탁드립니다.',
    scriptId: 'q1',
  },
  {
    id: 'q1:fee',
    kind: 'sentence',
    title: 'Q1 › 서류',
    text: '교통유발금 서류는 담당 부서에서 발행합니다.',
    scriptId: 'q1',
  },
  {
    id: 'msg:chat',
    kind: 'message',
    title: '채팅상담 링크 안내',
    text: '카카오 T 비즈니스 채팅상담 링크 안내드립니다. 채널 바로가기 : https://pf.kakao.com/_xnbHhK 운영시간 : 평일 09:00~18:00',
    scriptId: 'q1',
  },
  {
    id: 'policy:1',
    kind: 'policy',
    title: '업무 처리절차',
    text: '가입상담 문의 시 "비즈니스 가입 소개서"를 고객의 메일로 발송 안내',
    scriptId: 'q4',
  },
];

const index = buildSearchIndex(docs);
const ids = (query: string, limit = 5): string[] => searchIndex(index, query, { limit }).map((r) => r.doc.id);
const first = (query: string) => searchIndex(index, query, { limit: 5 })[0];

describe('searchIndex: Korean as agents type it', () => {
  it('finds an exact word, highlighting it in the snippet', () => {
    const hit = first('교통유발금');
    expect(hit?.doc.id).toBe('type:5');
    expect(hit?.matched.kind).toBe('exact');
    const snippet = hit?.matched.snippet ?? '';
    expect(snippet.slice(hit?.matched.highlight.start, hit?.matched.highlight.end)).toBe('교통유발금');
  });

  it('matches 초성: ㄱㅌㅇㅂㄱ finds 교통유발금, ㅂㅈㄴㅅ finds 비즈니스', () => {
    expect(first('ㄱㅌㅇㅂㄱ')?.doc.id).toBe('type:5');
    expect(first('ㄱㅌㅇㅂㄱ')?.matched.kind).toBe('choseong');
    const hits = searchIndex(index, 'ㅂㅈㄴㅅ', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.matched.snippet).toContain('비즈니스');
  });

  it('matches 초성 mixed with whole syllables (ㄱㅌ유발금)', () => {
    expect(first('ㄱㅌ유발금')?.doc.id).toBe('type:5');
  });

  it('ignores spacing differences (교통 유발금 = 교통유발금)', () => {
    expect(ids('교통 유발금')).toEqual(ids('교통유발금'));
    expect(first('교통 유발금')?.matched.kind).toBe('spacing');
  });

  it('tolerates a wrong or missing final consonant and one-key typos', () => {
    expect(first('교통유바금')?.doc.id).toBe('type:5');
    expect(first('교통유바금')?.matched.kind).toBe('fuzzy');
    expect(first('비즈니수')?.matched.snippet).toContain('비즈니스');
    expect(first('비지니스')?.matched.snippet).toContain('비즈니스');
    const settlement = first('졍산');
    expect(settlement?.matched.kind).toBe('fuzzy');
    expect(settlement?.matched.snippet).toContain('정산');
  });

  it('is case-insensitive with Latin mixed in (PC웹, pc 웹, Pc웹 택시)', () => {
    for (const query of ['PC웹', 'pc 웹', 'Pc웹 택시', 'pc웹택시', 'ＰＣ 웹'])
      expect(first(query)?.doc.id).toBe('type:9');
    expect(first('pc 웹')?.matched.kind).toBe('exact');
  });

  it('finds prefixes while typing (교통유) and a half-typed last syllable (교통윱)', () => {
    expect(first('교통유')?.doc.id).toBe('type:5');
    expect(first('교통윱')?.doc.id).toBe('type:5');
    expect(first('교통윱')?.matched.kind).toBe('jamo');
  });

  it('reads a half-typed syllable as spilling only a consonant into the next (갱 → 개인, never 과 → 고…)', () => {
    const spilled = buildSearchIndex([
      { id: 'a', kind: 'policy', title: '개인 정보', text: '' },
      { id: 'b', kind: 'policy', title: '고아 시설', text: '' },
    ]);
    expect(searchIndex(spilled, '갱', { limit: 5 }).map((r) => r.doc.id)).toEqual(['a']);
    // ㄱㅗㅏ is 과 on the keyboard; 고 followed by a vowel cannot be what was typed.
    expect(searchIndex(spilled, '과', { limit: 5 }).map((r) => r.doc.id)).not.toContain('b');
  });

  it('keeps the target in the top 3 at every keystroke of 교통유발금 and 비즈니스 가입', () => {
    for (const [phrase, target] of [
      ['교통유발금', 'type:5'],
      ['비즈니스 가입', 'type:6'],
    ] as const) {
      const keys = disassemble(phrase);
      for (let k = disassemble(phrase.split(' ')[0] ?? '').length; k <= keys.length; k++) {
        const typed = assemble([keys.slice(0, k)]);
        expect(ids(typed, 3), typed).toContain(target);
      }
    }
  });

  it('understands a query typed with the keyboard in English mode (qlwmsltm → 비즈니스)', () => {
    const hit = first('qlwmsltm');
    expect(hit?.matched.kind).toBe('latin');
    expect(hit?.matched.snippet).toContain('비즈니스');
  });

  it('matches several words in any order', () => {
    expect(first('서류 교통유발금')?.doc.id).toBe('type:5');
    expect(ids('가입 소개서')).toContain('policy:1');
  });

  it('finds phone numbers with or without the dash', () => {
    expect(first('1644-7391')?.doc.id).toBe('q1:y');
    expect(first('16447391')?.doc.id).toBe('q1:y');
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, ' ,.! ')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchIndex(index, 'ㅂ', { limit: 2 })).toHaveLength(2);
  });
});

describe('searchIndex: ranking', () => {
  it('ranks inquiry types and scripts above sentences when the match is equally good', () => {
    const twin = buildSearchIndex([
      { id: 'sentence', kind: 'sentence', title: '교통유발금', text: '' },
      { id: 'script', kind: 'script', title: '교통유발금', text: '' },
      { id: 'type', kind: 'inquiry-type', title: '교통유발금', text: '' },
    ]);
    expect(searchIndex(twin, '교통유발금').map((r) => r.doc.id)).toEqual(['type', 'script', 'sentence']);
  });

  it('ranks stricter matches first: exact, then 초성/half-typed, then typos', () => {
    const kinds = buildSearchIndex([
      { id: 'typo', kind: 'inquiry-type', title: '정산', text: '' },
      { id: 'exact', kind: 'sentence', title: '문서', text: '졍산' },
    ]);
    expect(searchIndex(kinds, '졍산').map((r) => r.doc.id)).toEqual(['exact', 'typo']);
  });

  it('ranks a title match above the same match deep in a long text', () => {
    expect(ids('교통유발금')[0]).toBe('type:5');
    expect(ids('교통유발금').indexOf('script:q1')).toBeGreaterThan(0);
  });

  it('scores in (0, 1], best first', () => {
    fc.assert(
      fc.property(fc.constantFrom('ㄱ', '비즈', '정산', 'ㅂㅈ', '교통', 'pc', '문의', '가입'), (query) => {
        const scores = searchIndex(index, query).map((r) => r.score);
        return scores.every((s, i) => s > 0 && s <= 1 && (i === 0 || s <= (scores[i - 1] ?? 1)));
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => Array.isArray(searchIndex(index, query))),
    );
  });
});
