/** One data item the agent is about to look up or collect. */
export type ConsentItemInput = {
  /** What the item is, e.g. '연락처' or 'phone'; echoed back so the console can show each decision. */
  readonly field: string;
  /** The company already holds this item for the member (ignored for non-members). */
  readonly alreadyHeld: boolean;
  /** The item will be kept in the consultation record (or anywhere else) after the call. */
  readonly store: boolean;
};

/** What the console asks before deciding: member or not, and per item whether it is new and kept. */
export type ConsentDecisionRequest = {
  readonly member: boolean;
  readonly items: ReadonlyArray<ConsentItemInput>;
};

/** Stable ids of the consent rules (guide section 3), for reports and tests. */
export type ConsentRuleId =
  | 'non-member-verify-only'
  | 'non-member-store'
  | 'member-already-held'
  | 'member-new-verify-only'
  | 'member-new-collection';

export type ConsentItemDecision = {
  readonly field: string;
  readonly consentRequired: boolean;
  /** `'<rule id>: <Korean explanation>'`, shown to the agent next to the item. */
  readonly rule: string;
};

export type ConsentDecision = {
  /** True when at least one item needs consent: the agent then reads the consent notice. */
  readonly consentRequired: boolean;
  readonly items: ReadonlyArray<ConsentItemDecision>;
};

const RULES: Readonly<Record<ConsentRuleId, { consentRequired: boolean; explanation: string }>> = {
  'non-member-verify-only': {
    consentRequired: false,
    explanation: '비회원 — 저장하지 않고 본인확인만 하는 경우 동의 불필요',
  },
  'non-member-store': {
    consentRequired: true,
    explanation: '비회원 — 상담이력에 저장하는 경우 개인정보 수집 동의 필요',
  },
  'member-already-held': {
    consentRequired: false,
    explanation: '회원 — 이미 보유한 정보를 재수집하는 경우 동의 불필요',
  },
  'member-new-verify-only': {
    consentRequired: false,
    explanation: '회원 — 보유하지 않은 정보라도 저장하지 않고 본인확인만 하는 경우 동의 불필요',
  },
  'member-new-collection': {
    consentRequired: true,
    explanation: '회원 — 보유하지 않은 정보를 새로 수집하는 경우 개인정보 수집 동의 필요',
  },
};

/**
 * Decides, per data item, whether the caller's consent is needed (the guide's section 3, for calls and
 * chats alike), and whether the consultation as a whole needs the consent notice.
 *
 * - Non-member: looking an item up only to verify identity, without storing it, needs no consent;
 *   storing it does. `alreadyHeld` is ignored: the company holds no member data for a non-member.
 * - Member: re-collecting an item already held needs no consent, stored or not (its collection was
 *   consented to when it was first collected); an item not held needs consent when it is stored.
 * - Member, item not held and not stored: no consent. Chosen because the guide's own test for
 *   non-members is whether the data is kept; looking something up to verify identity and discarding
 *   it is not a collection, for a member any more than for a non-member.
 * No items → no consent.
 */
export function decideConsent(request: ConsentDecisionRequest): ConsentDecision {
  const items = request.items.map((item): ConsentItemDecision => {
    const id = chooseRule(request.member, item);
    const rule = RULES[id];
    return { field: item.field, consentRequired: rule.consentRequired, rule: `${id}: ${rule.explanation}` };
  });
  return { consentRequired: items.some((item) => item.consentRequired), items };
}

function chooseRule(member: boolean, item: ConsentItemInput): ConsentRuleId {
  if (!member) return item.store ? 'non-member-store' : 'non-member-verify-only';
  if (item.alreadyHeld) return 'member-already-held';
  return item.store ? 'member-new-collection' : 'member-new-verify-only';
}
