import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentRule } from '../guide/guideSchema.ts';
import { parseGuide } from '../guide/parseGuide.ts';
import {
  type ConsentDecisionRequest,
  decideConsent as decideBy,
  UNCOVERED_CONSENT_RULE,
} from './decideConsent.ts';

function businessRules(): ConsentRule {
  const text = readFileSync(
    new URL('../../../content/guides/business-inquiry.json', import.meta.url),
    'utf8',
  );
  const result = parseGuide(text, 'business-inquiry.json');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.guide.consentRule;
}

const rules = businessRules();
// The business guide's rules decide, as they do for the console and the API.
const decideConsent = (request: ConsentDecisionRequest) => decideBy(rules, request);

describe("decideConsent by the business guide's rules (section 3)", () => {
  it('non-member, looked up only to verify identity, not stored → no consent', () => {
    expect(
      decideConsent({ member: false, items: [{ field: '연락처', alreadyHeld: false, store: false }] }),
    ).toEqual({
      consentRequired: false,
      items: [
        {
          field: '연락처',
          consentRequired: false,
          rule: 'non-member-verify-only: 비회원 — 저장하지 않고 본인확인만 하는 경우 동의 불필요',
        },
      ],
    });
  });

  it('non-member, stored in the consultation record → consent', () => {
    expect(
      decideConsent({ member: false, items: [{ field: '연락처', alreadyHeld: false, store: true }] }),
    ).toEqual({
      consentRequired: true,
      items: [
        {
          field: '연락처',
          consentRequired: true,
          rule: 'non-member-store: 비회원 — 상담이력에 저장하는 경우 개인정보 수집 동의 필요',
        },
      ],
    });
  });

  it('non-member: alreadyHeld does not change the decision', () => {
    const held = decideConsent({ member: false, items: [{ field: '이름', alreadyHeld: true, store: true }] });
    expect(held.items[0]).toMatchObject({
      consentRequired: true,
      rule: expect.stringMatching(/^non-member-store: /),
    });
    const heldVerify = decideConsent({
      member: false,
      items: [{ field: '이름', alreadyHeld: true, store: false }],
    });
    expect(heldVerify.items[0]).toMatchObject({
      consentRequired: false,
      rule: expect.stringMatching(/^non-member-verify-only: /),
    });
  });

  it('member, re-collecting data already held → no consent, stored or not', () => {
    for (const store of [true, false]) {
      expect(decideConsent({ member: true, items: [{ field: '연락처', alreadyHeld: true, store }] })).toEqual(
        {
          consentRequired: false,
          items: [
            {
              field: '연락처',
              consentRequired: false,
              rule: 'member-already-held: 회원 — 이미 보유한 정보를 재수집하는 경우 동의 불필요',
            },
          ],
        },
      );
    }
  });

  it('member, collecting data not held and storing it → consent', () => {
    expect(
      decideConsent({ member: true, items: [{ field: '이메일주소', alreadyHeld: false, store: true }] }),
    ).toEqual({
      consentRequired: true,
      items: [
        {
          field: '이메일주소',
          consentRequired: true,
          rule: 'member-new-collection: 회원 — 보유하지 않은 정보를 새로 수집하는 경우 개인정보 수집 동의 필요',
        },
      ],
    });
  });

  it('member, data not held but only used to verify and not stored → no consent (documented choice)', () => {
    expect(
      decideConsent({ member: true, items: [{ field: '생년월일', alreadyHeld: false, store: false }] })
        .items[0],
    ).toEqual({
      field: '생년월일',
      consentRequired: false,
      rule: 'member-new-verify-only: 회원 — 보유하지 않은 정보라도 저장하지 않고 본인확인만 하는 경우 동의 불필요',
    });
  });

  it('needs consent overall when any one item needs it, and keeps item order', () => {
    const decision = decideConsent({
      member: true,
      items: [
        { field: '업체명', alreadyHeld: true, store: true },
        { field: '담당자', alreadyHeld: true, store: true },
        { field: '연락처', alreadyHeld: true, store: true },
        { field: '이메일주소', alreadyHeld: false, store: true },
      ],
    });
    expect(decision.consentRequired).toBe(true);
    expect(decision.items.map((item) => [item.field, item.consentRequired])).toEqual([
      ['업체명', false],
      ['담당자', false],
      ['연락처', false],
      ['이메일주소', true],
    ]);
  });

  it('the Q4 sign-up of a non-member storing 업체명/담당자/연락처/이메일주소 needs consent for each', () => {
    const fields = ['업체명', '담당자', '연락처', '이메일주소'];
    const decision = decideConsent({
      member: false,
      items: fields.map((field) => ({ field, alreadyHeld: false, store: true })),
    });
    expect(decision.consentRequired).toBe(true);
    expect(decision.items.every((item) => item.consentRequired)).toBe(true);
  });

  it('no items → no consent', () => {
    expect(decideConsent({ member: false, items: [] })).toEqual({ consentRequired: false, items: [] });
  });

  const item = fc.record({
    field: fc.string({ minLength: 1, maxLength: 10 }),
    alreadyHeld: fc.boolean(),
    store: fc.boolean(),
  });
  const request = fc.record({ member: fc.boolean(), items: fc.array(item, { maxLength: 10 }) });

  it('property: an item that is not stored never needs consent', () => {
    fc.assert(
      fc.property(request, (req) => {
        decideConsent(req).items.forEach((decision, index) => {
          if (req.items[index]?.store === false) expect(decision.consentRequired).toBe(false);
        });
      }),
    );
  });

  it('property: overall consent is the OR of the items, and every rule has an id and a Korean reason', () => {
    fc.assert(
      fc.property(request, (req) => {
        const decision = decideConsent(req);
        expect(decision.items).toHaveLength(req.items.length);
        expect(decision.consentRequired).toBe(decision.items.some((i) => i.consentRequired));
        for (const i of decision.items) expect(i.rule).toMatch(/^[a-z-]+: (비회원|회원) — .+/);
      }),
    );
  });
});

describe("decideConsent: the rules are the guide's data", () => {
  const request: ConsentDecisionRequest = {
    member: true,
    items: [{ field: '생년월일', alreadyHeld: false, store: false }],
  };

  it('a guide without the inferred member look-up rule asks for consent there, naming the gap', () => {
    const strict: ConsentRule = {
      ...rules,
      rules: rules.rules.filter((rule) => rule.id !== 'member-new-verify-only'),
    };
    expect(decideBy(strict, request).items[0]).toEqual({
      field: '생년월일',
      consentRequired: true,
      rule: `${UNCOVERED_CONSENT_RULE}: 가이드에 이 경우(member, verify-without-storing)의 규칙이 없어 동의를 받습니다`,
    });
  });

  it('a rule the guide changes changes the decision, and without an explanation its line speaks', () => {
    const changed: ConsentRule = {
      ...rules,
      rules: rules.rules.map((rule) =>
        rule.id === 'member-new-verify-only'
          ? {
              id: 'member-ask-always',
              lineId: 'member',
              caller: 'member',
              action: rule.action,
              consentRequired: true,
              inferred: false,
            }
          : rule,
      ),
    };
    expect(decideBy(changed, request).items[0]).toEqual({
      field: '생년월일',
      consentRequired: true,
      rule: 'member-ask-always: 회 원 - 기존에 보유하고 있던 정보를 재수집 하는 경우 동의 x',
    });
  });
});
