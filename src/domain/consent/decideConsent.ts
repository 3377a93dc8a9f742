import type { ConsentRule } from '../guide/guideSchema.ts';

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

export type ConsentItemDecision = {
  readonly field: string;
  readonly consentRequired: boolean;
  /** `'<rule id>: <explanation>'`, shown to the agent next to the item. */
  readonly rule: string;
};

export type ConsentDecision = {
  /** True when at least one item needs consent: the agent then reads the consent notice. */
  readonly consentRequired: boolean;
  readonly items: ReadonlyArray<ConsentItemDecision>;
};

type ConsentAction = ConsentRule['rules'][number]['action'];

/** The id given to a case the guide's rules leave open; such a case asks for consent. */
export const UNCOVERED_CONSENT_RULE = 'guide-has-no-rule';

/**
 * Decides, per data item, whether the caller's consent is needed and whether the consultation as
 * a whole needs the consent notice, by the guide's own rules (section 3, `consentRule.rules`: the
 * caller — member or not — and what is done with the item decide). What is done:
 * - a non-member's item is stored in the record (`store-in-record`) or only looked up to verify
 *   identity (`verify-without-storing`); whether the company holds it does not matter, as it holds
 *   no member data for a non-member;
 * - a member's item already held is re-collected (`recollect-held`), stored or not; one not held is
 *   newly collected when stored (`collect-new`), else only looked up (`verify-without-storing`).
 * A case the guide has no rule for needs consent: asking when the guide is silent is the side that
 * breaks no law. No items → no consent.
 */
export function decideConsent(rules: ConsentRule, request: ConsentDecisionRequest): ConsentDecision {
  const items = request.items.map((item): ConsentItemDecision => {
    const caller = request.member ? 'member' : 'non-member';
    const action = actionOf(request.member, item);
    const rule = rules.rules.find((candidate) => candidate.caller === caller && candidate.action === action);
    if (!rule) {
      return {
        field: item.field,
        consentRequired: true,
        rule: `${UNCOVERED_CONSENT_RULE}: 가이드에 이 경우(${caller}, ${action})의 규칙이 없어 동의를 받습니다`,
      };
    }
    const explanation = rule.explanation ?? rules.lines.find((line) => line.id === rule.lineId)?.text ?? '';
    return { field: item.field, consentRequired: rule.consentRequired, rule: `${rule.id}: ${explanation}` };
  });
  return { consentRequired: items.some((item) => item.consentRequired), items };
}

function actionOf(member: boolean, item: ConsentItemInput): ConsentAction {
  if (!member) return item.store ? 'store-in-record' : 'verify-without-storing';
  if (item.alreadyHeld) return 'recollect-held';
  return item.store ? 'collect-new' : 'verify-without-storing';
}
