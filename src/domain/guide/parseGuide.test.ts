import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatGuideError } from './formatGuideError.ts';
import { parseGuide } from './parseGuide.ts';

const fileName = 'business-inquiry.json';
const guideText = readFileSync(
  new URL('../../../content/guides/business-inquiry.json', import.meta.url),
  'utf8',
);

type Path = Array<string | number>;

/** The shipped guide as a mutable JSON value, for building broken variants. */
function guideDocument(): unknown {
  return JSON.parse(guideText);
}

function get(document: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined),
    document,
  );
}

/** Sets (or with `undefined`, deletes) the value at `path`. */
function set(document: unknown, path: Path, value: unknown): void {
  const parent = get(document, path.slice(0, -1));
  const key = path.at(-1);
  if (typeof parent !== 'object' || parent === null || key === undefined)
    throw new Error(`no parent at ${path.join('/')}`);
  if (value === undefined) Reflect.deleteProperty(parent, key);
  else Reflect.set(parent, key, value);
}

function list(document: unknown, path: Path): unknown[] {
  const value = get(document, path);
  if (!Array.isArray(value)) throw new Error(`no array at ${path.join('/')}`);
  return value;
}

function errorsOf(document: unknown): string[] {
  const result = parseGuide(JSON.stringify(document, null, 2), fileName);
  if (result.ok) throw new Error('expected the guide to be rejected');
  return result.errors.map(formatGuideError);
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, index).split('\n').length;
}

describe('parseGuide', () => {
  it('loads the shipped business-inquiry guide', () => {
    const result = parseGuide(guideText, fileName);
    expect(result.ok ? [] : result.errors.map(formatGuideError)).toEqual([]);
    if (!result.ok) return;
    expect(result.guide.id).toBe('business-inquiry');
    expect(result.guide.version).toMatch(/^\d{4}\.\d{2}\.\d{2}-\d+$/);
    expect(result.guide.inquiryTypes.map((type) => type.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.guide.scripts.map((script) => script.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(result.guide.supportLine.phone).toBe('1644-7391');
    expect(result.migratedFrom).toBe(1);
  });

  it('accepts a guide saved with a byte-order mark, with the same line numbers', () => {
    const result = parseGuide(`\uFEFF${guideText}`, fileName);
    expect(result.ok ? [] : result.errors.map(formatGuideError)).toEqual([]);
    const broken = parseGuide(`\uFEFF${guideText.replace('"version": "2026', '"version" "2026')}`, fileName);
    expect(broken.ok ? 0 : broken.errors[0]?.line).toBe(lineOf(guideText, '"version": "2026'));
  });

  it('names file, line and column of a JSON syntax error', () => {
    const broken = guideText.replace('"version": "2026', '"version" "2026');
    const result = parseGuide(broken, fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(lineOf(guideText, '"version": "2026'));
    expect(formatGuideError(result.errors[0] ?? { file: '', line: 0, pointer: '', message: '' })).toMatch(
      /^business-inquiry\.json:\d+ \/: JSON 문법 오류/,
    );
  });

  it('points a next id that does not exist at its own line', () => {
    const document = guideDocument();
    set(document, ['scripts', 0, 'nodes', 0, 'yes'], 'q1-foo');
    const text = JSON.stringify(document, null, 2);
    const line = lineOf(text, '"yes": "q1-foo"');
    expect(errorsOf(document)).toContain(
      `business-inquiry.json:${line} /scripts/0/nodes/0/yes: 존재하지 않는 노드 "q1-foo"`,
    );
  });

  it('rejects a schema violation with its pointer, and an unknown key by name', () => {
    const document = guideDocument();
    set(document, ['scripts', 3, 'nodes', 2, 'nxt'], get(document, ['scripts', 3, 'nodes', 2, 'next']));
    set(document, ['scripts', 3, 'nodes', 2, 'next'], undefined);
    const errors = errorsOf(document);
    expect(errors.some((error) => error.includes('/scripts/3/nodes/2/next: 필수 항목이 없습니다'))).toBe(
      true,
    );
    expect(errors.some((error) => error.includes('/scripts/3/nodes/2/nxt: 인식할 수 없는 키'))).toBe(true);
  });

  it('rejects support-line hours that close before they open, at the closing time', () => {
    const document = guideDocument();
    set(document, ['supportLine', 'hours', 'opens'], '18:00');
    set(document, ['supportLine', 'hours', 'closes'], '09:00');
    const errors = errorsOf(document);
    expect(
      errors.some((error) =>
        error.includes('/supportLine/hours/closes: 마감 시각(closes)은 시작 시각(opens)보다 늦어야 합니다'),
      ),
    ).toBe(true);
  });

  it('rejects an unknown node type', () => {
    const document = guideDocument();
    set(document, ['scripts', 0, 'nodes', 0, 'type'], 'question');
    expect(errorsOf(document).join('\n')).toMatch(
      /\/scripts\/0\/nodes\/0\/type: 알 수 없는 type \(쓸 수 있는 값: ask, say, businessHours, collect, consent, end\)/,
    );
  });

  it.each(['purpose', 'items', 'retention', 'rightToRefuse'])(
    'rejects a consent notice without %s',
    (part) => {
      const document = guideDocument();
      set(document, ['consentNotice', part], undefined);
      expect(errorsOf(document).join('\n')).toContain(`/consentNotice/${part}: 필수 항목이 없습니다`);
    },
  );

  it('rejects a consent notice whose spoken text does not state retention or the right to refuse', () => {
    const document = guideDocument();
    set(
      document,
      ['consentNotice', 'text'],
      '문의하신 비즈니스 상담에 도움을 드리기 위하여 개인정보 수집이 필요합니다. 요청한 상담 업무에 한해 활용 [업체명/담당자/연락처/이메일주소]',
    );
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('/consentNotice/retention/years: 동의 안내문(text)에 보유 기간 "3년"');
    expect(errors).toContain('/consentNotice/retention/basis');
    expect(errors).toContain('/consentNotice/rightToRefuse');
  });

  it('rejects an undefined template variable', () => {
    const document = guideDocument();
    set(
      document,
      ['scripts', 0, 'nodes', 2, 'lines', 2],
      '{{supportLine.fax}}로 문의하여 상담을 부탁드립니다.',
    );
    expect(errorsOf(document).join('\n')).toContain(
      '/scripts/0/nodes/2/lines/2: 정의되지 않은 템플릿 변수 "{{supportLine.fax}}"',
    );
  });

  it('rejects an unreachable node', () => {
    const document = guideDocument();
    list(document, ['scripts', 3, 'nodes']).push({
      type: 'end',
      id: 'q4-orphan',
      label: '고아',
      outcome: 'declined',
      lines: ['네, 고객님.'],
    });
    expect(errorsOf(document).join('\n')).toContain('/scripts/3/nodes/5: 도달할 수 없는 노드 "q4-orphan"');
  });

  it('rejects a dead end and a cycle', () => {
    const document = guideDocument();
    // q4-lead-details → q4-loop → q4-lead-details: no way to an end.
    set(document, ['scripts', 3, 'nodes', 2, 'next'], 'q4-loop');
    list(document, ['scripts', 3, 'nodes']).push({
      type: 'say',
      id: 'q4-loop',
      label: '반복',
      lines: ['다시 말씀해 주세요.'],
      next: 'q4-lead-details',
    });
    list(document, ['scripts', 3, 'nodes']).splice(3, 1); // drop q4-lead, which became unreachable
    const errors = errorsOf(document).join('\n');
    expect(errors).toMatch(/막다른 노드 "q4-lead-details"/);
    expect(errors).toMatch(/막다른 노드 "q4-loop"/);
    expect(errors).toMatch(
      /순환 경로: q4-lead-details → q4-loop → q4-lead-details|순환 경로: q4-loop → q4-lead-details → q4-loop/,
    );
  });

  it('rejects duplicate ids and an inquiry type pointing to a missing script', () => {
    const document = guideDocument();
    set(document, ['scripts', 1, 'nodes', 3, 'id'], 'q1-transfer-inquiry');
    set(document, ['inquiryTypes', 8, 'scriptId'], 'q9');
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('노드 id "q1-transfer-inquiry" 중복');
    expect(errors).toContain('/inquiryTypes/8/scriptId: 존재하지 않는 스크립트 "q9"');
  });

  it('checks channels against the guide: scripts and the consent rule name only declared ones', () => {
    const document = guideDocument();
    set(document, ['schemaVersion'], 2);
    set(document, ['channels'], [{ id: 'call', label: '전화' }]);
    // Q2 on chat only, while the guide serves calls only; the consent rule still names chat.
    set(document, ['scripts', 1, 'channels'], ['chat']);
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('/scripts/1/channels/0: 가이드에 없는 채널 "chat" (있는 것: call)');
    expect(errors).toContain('/consentRule/channels/1: 가이드에 없는 채널 "chat" (있는 것: call)');
  });

  it('rejects a duplicate channel, an unknown channel id, and a channel no inquiry type can be picked on', () => {
    const document = guideDocument();
    set(document, ['schemaVersion'], 2);
    set(
      document,
      ['channels'],
      [
        { id: 'call', label: '전화' },
        { id: 'chat', label: '채팅' },
        { id: 'call', label: '전화 2' },
      ],
    );
    for (const index of [0, 1, 2, 3]) set(document, ['scripts', index, 'channels'], ['call']);
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('/channels/2/id: 채널 id "call" 중복');
    expect(errors).toContain('/channels/1: 채널 "채팅"에서 쓸 수 있는 이관 유형(스크립트)이 없습니다');

    set(document, ['channels'], [{ id: 'fax', label: '팩스' }]);
    expect(errorsOf(document).join('\n')).toMatch(/\/channels\/0\/id: .*call.*chat/);
  });

  it('rejects a node pointing into another script', () => {
    const document = guideDocument();
    set(document, ['scripts', 1, 'nodes', 0, 'yes'], 'q1-hours');
    expect(errorsOf(document).join('\n')).toContain(
      '/scripts/1/nodes/0/yes: 다른 스크립트(q1)의 노드 "q1-hours"는 가리킬 수 없습니다',
    );
  });

  it('rejects taking personal data without the consent notice', () => {
    const document = guideDocument();
    set(document, ['scripts', 3, 'nodes', 0, 'yes'], 'q4-lead-details');
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('"q4-lead-details"는 동의(consent) 노드의 agreed 다음에만 올 수 있습니다');
  });

  it('requires the support-line caveat wherever the support line is given', () => {
    const document = guideDocument();
    set(document, ['scripts', 0, 'nodes', 2, 'showSupportLineCaveat'], false);
    expect(errorsOf(document).join('\n')).toContain('/scripts/0/nodes/2/showSupportLineCaveat');
  });

  it('rejects a missing policy reference and a business-hours start', () => {
    const document = guideDocument();
    set(document, ['scripts', 0, 'nodes', 3, 'policyIds'], ['no-such-policy']);
    set(document, ['scripts', 0, 'start'], 'q1-hours');
    const errors = errorsOf(document).join('\n');
    expect(errors).toContain('/scripts/0/nodes/3/policyIds/0: 존재하지 않는 정책 "no-such-policy"');
    expect(errors).toContain(
      '/scripts/0/start: 시작 노드 "q1-hours"는 상담사가 말할 수 있는 노드여야 합니다',
    );
  });

  it('sorts errors by line', () => {
    const document = guideDocument();
    set(document, ['scripts', 3, 'nodes', 0, 'no'], 'q4-nowhere');
    set(document, ['inquiryTypes', 0, 'scriptId'], 'q0');
    const result = parseGuide(JSON.stringify(document, null, 2), fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.errors.map((error) => error.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
