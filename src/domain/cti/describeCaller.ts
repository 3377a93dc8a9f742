import { maskName } from '../privacy/maskName.ts';

/** A directory match as the description needs it (names in clear; masked here). */
export type CallerMatch = {
  company: { name: string; bizNo: string; status: 'active' | 'inactive' };
  contact: { name: string; role: 'manager' | 'operator' };
};

/** A contact the number belongs to, as the pop may show it: the name masked. */
export type DescribedContact = {
  role: 'manager' | 'operator';
  name: string;
  companyName: string;
  bizNo: string | null;
};

/**
 * Who a caller is by the business directory, in facts the server words in the reader's language:
 * - `registered`: a contact of an active business account lists the number; `shown` is that
 *   contact (the first: active companies and 관리책임자 first, as the lookup orders them);
 * - `ended-account`: only contacts of ended accounts list it — not registered (the guide's
 *   "관리시스템에 등록된 연락처"), and the pop says whose it was; `shown` is the first of them;
 * - `unknown`: nobody lists it.
 */
export type CallerDescription = {
  registered: boolean;
  standing: 'registered' | 'ended-account' | 'unknown';
  shown: DescribedContact | null;
  contacts: DescribedContact[];
};

/**
 * Who a caller is by the business directory, as the screen pop shows it ("등록된 관리책임자 · 김*수
 * · (주)누리테크", "미등록 번호", worded by the server: wordCallerIdentity). Names are masked with the
 * one rule.
 */
export function describeCaller(matches: readonly CallerMatch[]): CallerDescription {
  const contacts = matches.map(
    (match): DescribedContact => ({
      role: match.contact.role,
      name: maskName(match.contact.name),
      companyName: match.company.name,
      bizNo: match.company.bizNo,
    }),
  );
  const activeAt = matches.findIndex((match) => match.company.status === 'active');
  if (activeAt >= 0) {
    return { registered: true, standing: 'registered', shown: contacts[activeAt] ?? null, contacts };
  }
  const ended = contacts[0] ?? null;
  return { registered: false, standing: ended ? 'ended-account' : 'unknown', shown: ended, contacts };
}
