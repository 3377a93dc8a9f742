import { contactRoleLabels } from '../../contract/companies/contactRoleSchema.ts';
import type { CallerIdentity } from '../../contract/cti/callerIdentitySchema.ts';
import { maskName } from '../privacy/maskName.ts';

/** A directory match as the description needs it (names in clear; masked here). */
export type CallerMatch = {
  company: { name: string; bizNo: string; status: 'active' | 'inactive' };
  contact: { name: string; role: 'manager' | 'operator' };
};

/**
 * Who a caller is by the business directory, as the screen pop shows it: registered when a
 * contact of an active business account lists the number — "등록된 관리책임자 · 김*수 · (주)누리테크"
 * (the first match: active companies and 관리책임자 first, as the lookup orders them) — else
 * "미등록 번호". A number held only by an ended account is not registered (the guide's "관리시스템에
 * 등록된 연락처"), and the pop says so. Names are masked with the one rule.
 */
export function describeCaller(matches: readonly CallerMatch[]): CallerIdentity {
  const contacts = matches.map((match) => ({
    role: match.contact.role,
    roleLabel: contactRoleLabels[match.contact.role],
    name: maskName(match.contact.name),
    companyName: match.company.name,
    bizNo: match.company.bizNo,
  }));
  const active = matches.find((match) => match.company.status === 'active');
  if (active) {
    const label = `등록된 ${contactRoleLabels[active.contact.role]} · ${maskName(active.contact.name)} · ${active.company.name}`;
    return { registered: true, label, contacts };
  }
  const ended = matches[0];
  return {
    registered: false,
    label: ended ? `미등록 번호 (해지된 기업 ${ended.company.name}의 연락처)` : '미등록 번호',
    contacts,
  };
}
