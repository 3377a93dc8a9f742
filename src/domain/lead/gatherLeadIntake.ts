import type { LeadIntakeInput } from './validateLeadIntake.ts';

/** The values a finished consultation holds for a sign-up lead, from wherever the agent typed them. */
export type LeadIntakeSources = {
  /** Taken down at the script's collect node (Q4's 업체명 / 담당자 / 연락처 / 이메일주소). */
  collected?: Partial<Record<'companyName' | 'contactName' | 'phone' | 'email', string | undefined>>;
  /** The record's fields as the agent left them. */
  record: { companyName: string; contactName: string; phone: string };
  /** An address given for the brochure explicitly (wins over the collected one). */
  email?: string | undefined;
  businessNumber?: string | undefined;
};

/** The lead's intake, and for each field where in the request it came from (a JSON pointer). */
export type GatheredLeadIntake = {
  intake: LeadIntakeInput;
  where: Record<keyof LeadIntakeInput, string>;
};

/**
 * Picks a sign-up lead's intake from a finished consultation the way the console always has: the
 * value taken down at the collect node, else the record's field; the brochure address as given,
 * else the collected one. Each field remembers its place in the request, so a refusal names the
 * field the agent has to fix.
 */
export function gatherLeadIntake(sources: LeadIntakeSources): GatheredLeadIntake {
  const collected = sources.collected ?? {};
  const pick = (key: 'companyName' | 'contactName' | 'phone') =>
    collected[key] !== undefined
      ? { value: collected[key], where: `/collected/${key}` }
      : { value: sources.record[key], where: `/record/${key}` };
  const company = pick('companyName');
  const contact = pick('contactName');
  const phone = pick('phone');
  const email =
    sources.email !== undefined
      ? { value: sources.email, where: '/email' }
      : {
          value: collected.email ?? '',
          where: collected.email !== undefined ? '/collected/email' : '/email',
        };
  return {
    intake: {
      companyName: company.value,
      contactName: contact.value,
      phone: phone.value,
      email: email.value,
      businessNumber: sources.businessNumber,
    },
    where: {
      companyName: company.where,
      contactName: contact.where,
      phone: phone.where,
      email: email.where,
      businessNumber: '/businessNumber',
    },
  };
}
